/**
 * Opens a workspace for questions: a folder imported into the embedded store (cached by the
 * folder's content, so a second run starts at once), its catalog and search, and an engine.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCatalogSearch } from '../catalog/search.js';
import type { Catalog, CatalogSearch } from '../catalog/types.js';
import type { AudienceEngine, EngineName } from '../engine/types.js';
import { createDuckDbEngine } from '../engine/duckdb-engine.js';
import { importWorkspace, type ImportProgress, type ImportReport } from './import/importer.js';
import { openStore, type Store } from './store.js';
import { openPostgresEngineForStore } from './postgres-workspace.js';

export interface OpenWorkspaceOptions {
  /** The workspace folder (profiles/events JSONL, audiences.json, workspace.json). */
  dir: string;
  /** Where imported workspaces are cached. */
  home: string;
  engine?: EngineName;
  /** PostgreSQL connection string, for engine `postgres`. */
  databaseUrl?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Called when the folder had to be imported (not on a cache hit). */
  onImported?: (report: ImportReport) => void;
}

export interface Workspace {
  /** Content hash of the folder: the workspace's identity in caches and other engines. */
  id: string;
  dir: string;
  catalog: Catalog;
  search: CatalogSearch;
  engine: AudienceEngine;
  store: Store;
  close(): Promise<void>;
}

const WORKSPACE_FILES = /^(profiles|events)\.jsonl(\.gz)?$|^(audiences|workspace)\.json$/;

/** A hash of the workspace files' names and contents. */
export async function workspaceContentHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(dir)).filter((n) => WORKSPACE_FILES.test(n)).sort();
  for (const name of names) {
    hash.update(`${name}\0`);
    for await (const chunk of createReadStream(join(dir, name))) hash.update(chunk as Buffer);
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

export function storePath(home: string, id: string): string {
  return join(home, 'workspaces', `${id}.duckdb`);
}

/** Imports the folder unless an import of the same content is already cached; returns the store path. */
export async function ensureImported(opts: Pick<OpenWorkspaceOptions, 'dir' | 'home' | 'onProgress' | 'onImported'>): Promise<{ id: string; dbPath: string }> {
  const dir = resolve(opts.dir);
  const id = await workspaceContentHash(dir);
  const dbPath = storePath(opts.home, id);
  if (!existsSync(dbPath)) {
    const report = await importWorkspace(dir, { dbPath, onProgress: opts.onProgress });
    opts.onImported?.(report);
  }
  return { id, dbPath };
}

export async function openWorkspace(opts: OpenWorkspaceOptions): Promise<Workspace> {
  const { id, dbPath } = await ensureImported(opts);
  const store = await openStore(dbPath);
  const engine = await createEngine(opts.engine ?? 'duckdb', store, id, opts.databaseUrl);
  return {
    id,
    dir: resolve(opts.dir),
    catalog: store.catalog,
    search: createCatalogSearch(store.catalog),
    engine,
    store,
    async close() {
      await engine.close();
      await store.close();
    },
  };
}

async function createEngine(name: EngineName, store: Store, id: string, databaseUrl: string | undefined): Promise<AudienceEngine> {
  if (name === 'duckdb') return createDuckDbEngine({ connection: store.connection, schema: store.schema, catalog: store.catalog });
  return openPostgresEngineForStore({ store, workspaceId: id, databaseUrl });
}
