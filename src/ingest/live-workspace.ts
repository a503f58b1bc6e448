/**
 * A workspace that takes new data: the imported store copied for writing (live-store.ts), an
 * ingestor feeding it, and what the service reads (catalog, search, engine) following the data
 * as it arrives. Each rebuilt catalog is a new object, so everything keyed by a catalog (the
 * interpreter's vocabulary) is rebuilt for it; the engine reads whichever is current.
 */
import type { Logger } from 'pino';
import { createCatalogSearch } from '../catalog/search.js';
import type { Catalog, CatalogSearch } from '../catalog/types.js';
import { createDuckDbEngine } from '../engine/duckdb-engine.js';
import type { AudienceEngine } from '../engine/types.js';
import type { ServedWorkspace } from '../server/runs/assistant.js';
import { readWorkspaceFiles } from '../store/import/workspace-files.js';
import { ensureImported } from '../store/workspace.js';
import { Ingestor, type IngestTiming } from './ingestor.js';
import { openLiveStore } from './live-store.js';

export interface LiveWorkspace extends ServedWorkspace {
  readonly tenant: string;
  readonly ingestor: Ingestor;
  close(): Promise<void>;
}

export interface OpenLiveWorkspaceOptions {
  tenant: string;
  /** The workspace folder the live store starts from. */
  dir: string;
  home: string;
  timing?: Partial<IngestTiming>;
  clock?: () => Date;
  logger: Logger;
}

/** A catalog whose fields are read from whichever catalog is current when asked. */
function currentView(current: () => Catalog): Catalog {
  return new Proxy({} as Catalog, {
    get: (_target, key) => Reflect.get(current(), key),
    has: (_target, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, key) => {
      const d = Reflect.getOwnPropertyDescriptor(current(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}

export async function openLiveWorkspace(opts: OpenLiveWorkspaceOptions): Promise<LiveWorkspace> {
  const { id, dbPath } = await ensureImported({ dir: opts.dir, home: opts.home });
  const files = await readWorkspaceFiles(opts.dir);
  const store = await openLiveStore({ baseDbPath: dbPath, home: opts.home, tenant: opts.tenant, baseId: id });
  let catalog = store.catalog;
  let search: CatalogSearch | undefined;
  const engine: AudienceEngine = createDuckDbEngine({ connection: store.reader, schema: store.schema, catalog: currentView(() => catalog) });
  let ingestor: Ingestor;
  try {
    ingestor = await Ingestor.open({
      store,
      plan: files.workspace,
      audiences: files.audiences,
      ...(opts.timing ? { timing: opts.timing } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
      logger: opts.logger.child({ workspace: opts.tenant }),
      onCatalog: (fresh) => {
        catalog = fresh;
        search = undefined;
      },
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  return {
    tenant: opts.tenant,
    ingestor,
    get catalog() {
      return catalog;
    },
    get search() {
      return (search ??= createCatalogSearch(catalog));
    },
    engine,
    async close() {
      await ingestor.close();
      await engine.close();
      await store.close();
    },
  };
}
