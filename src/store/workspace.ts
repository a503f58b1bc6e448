/**
 * Opens a workspace for questions: a folder imported into the embedded store (cached by the
 * folder's content, so a second run starts at once), its catalog and search, and an engine.
 */
import { AppError } from '../errors.js';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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

/**
 * The content hash, read from a note kept beside the cache when no file changed since it was
 * written (same names, sizes, modification times and inodes), so opening a large workspace
 * does not read every byte each time. Any change of those facts hashes the content again.
 */
export async function cachedContentHash(dir: string, home: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => WORKSPACE_FILES.test(n)).sort();
  const facts = await Promise.all(names.map(async (n) => {
    const s = await stat(join(dir, n), { bigint: true });
    return `${n}:${s.size}:${s.mtimeNs}:${s.ino}`;
  }));
  const fingerprint = createHash('sha256').update(facts.join('\n')).digest('hex');
  const notes = join(home, 'workspaces', 'fingerprints');
  const note = join(notes, `${createHash('sha256').update(dir).digest('hex').slice(0, 24)}.json`);
  try {
    const kept = JSON.parse(await readFile(note, 'utf8')) as { fingerprint?: string; id?: string };
    if (kept.fingerprint === fingerprint && typeof kept.id === 'string') return kept.id;
  } catch {
    // No note yet, or an unreadable one: hash the content.
  }
  const id = await workspaceContentHash(dir);
  await mkdir(notes, { recursive: true });
  const tmp = `${note}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ dir, fingerprint, id }));
  await rename(tmp, note);
  return id;
}

export function storePath(home: string, id: string): string {
  return join(home, 'workspaces', `${id}.duckdb`);
}

/** Imports the folder unless an import of the same content is already cached; returns the store path. */
export async function ensureImported(opts: Pick<OpenWorkspaceOptions, 'dir' | 'home' | 'onProgress' | 'onImported'>): Promise<{ id: string; dbPath: string }> {
  const dir = resolve(opts.dir);
  const id = await cachedContentHash(dir, opts.home);
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
  if (name === 'clickhouse') {
    throw new AppError('invalid_input', 'The clickhouse engine is opened over a loaded ClickHouse database (loadWorkspaceIntoClickHouse, openClickHouseEngine); the service does not serve it yet.');
  }
  return openPostgresEngineForStore({ store, workspaceId: id, databaseUrl });
}
