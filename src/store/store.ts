/** Opens an imported workspace file for reading: its connection, table schema and catalog. */
import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../errors.js';
import type { Catalog } from '../catalog/types.js';
import { META_KEYS, type StoreSchema } from './layout.js';

export interface Store {
  dbPath: string;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  schema: StoreSchema;
  catalog: Catalog;
  close(): Promise<void>;
}

export async function readMeta<T>(connection: DuckDBConnection, key: string): Promise<T> {
  const reader = await connection.runAndReadAll('SELECT value FROM meta WHERE key = $1', [key]);
  const row = reader.getRows()[0];
  if (!row) throw new AppError('import_failed', `The workspace store has no ${key}: import the workspace again.`, { key });
  return JSON.parse(String(row[0])) as T;
}

/** Read-only, so several processes can query the same imported workspace at once. */
export async function openStore(dbPath: string): Promise<Store> {
  if (!existsSync(dbPath)) throw new AppError('not_found', `No imported workspace at ${dbPath}.`, { dbPath });
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const schema = await readMeta<StoreSchema>(connection, META_KEYS.schema);
    const catalog = await readMeta<Catalog>(connection, META_KEYS.catalog);
    let closed = false;
    return {
      dbPath,
      instance,
      connection,
      schema,
      catalog,
      async close() {
        if (closed) return;
        closed = true;
        connection.closeSync();
        instance.closeSync();
      },
    };
  } catch (err) {
    connection.closeSync();
    instance.closeSync();
    throw err;
  }
}
