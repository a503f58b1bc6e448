/**
 * A workspace's store that takes new data: a copy of the imported store (which stays untouched,
 * cached by its folder's content) opened for writing, beside it under `<home>/live/`. Reused on
 * the next start while the folder is unchanged, so data that arrived survives restarts; a
 * changed folder starts a fresh copy from its new import.
 *
 * Two connections: `reader` for the engine's questions, `writer` for appends. DuckDB's MVCC
 * lets a question read while a flush writes, each seeing the data as of its own start.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Catalog } from '../catalog/types.js';
import { META_KEYS, type StoreSchema } from '../store/layout.js';
import { readMeta } from '../store/store.js';

export interface LiveStore {
  dbPath: string;
  reader: DuckDBConnection;
  writer: DuckDBConnection;
  /** Mutated in place as new properties and traits arrive: the engine compiles with it. */
  schema: StoreSchema;
  catalog: Catalog;
  close(): Promise<void>;
}

// No key: the ingestor keeps ids unique (an index would cost more than the rest of a flush).
const SEEN_TABLE = 'CREATE TABLE IF NOT EXISTS ingested_messages (message_id VARCHAR NOT NULL, received_at TIMESTAMP NOT NULL)';

export function liveStorePath(home: string, tenant: string, baseId: string): string {
  return join(home, 'live', `${encodeURIComponent(tenant)}-${baseId}.duckdb`);
}

export async function openLiveStore(opts: { baseDbPath: string; home: string; tenant: string; baseId: string }): Promise<LiveStore> {
  const dbPath = liveStorePath(opts.home, opts.tenant, opts.baseId);
  if (!existsSync(dbPath)) {
    await mkdir(join(opts.home, 'live'), { recursive: true });
    const tmp = `${dbPath}.${process.pid}.copying`;
    await copyFile(opts.baseDbPath, tmp);
    await rename(tmp, dbPath);
  }
  const instance = await DuckDBInstance.create(dbPath);
  const writer = await instance.connect();
  const reader = await instance.connect();
  try {
    await writer.run(SEEN_TABLE);
    const schema = await readMeta<StoreSchema>(writer, META_KEYS.schema);
    const catalog = await readMeta<Catalog>(writer, META_KEYS.catalog);
    let closed = false;
    return {
      dbPath,
      reader,
      writer,
      schema,
      catalog,
      async close() {
        if (closed) return;
        closed = true;
        reader.closeSync();
        writer.closeSync();
        instance.closeSync();
      },
    };
  } catch (err) {
    reader.closeSync();
    writer.closeSync();
    instance.closeSync();
    throw err;
  }
}
