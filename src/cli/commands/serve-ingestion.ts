/**
 * The ingestion side of `serve`: a live workspace (its own writable copy of the imported store)
 * for each workspace that has a write key (or the local one under INGEST=1), and the routes
 * that take data for them. Nothing when ingestion is off.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/env.js';
import type { EngineName } from '../../engine/types.js';
import { AppError } from '../../errors.js';
import { openLiveWorkspace, type LiveWorkspace } from '../../ingest/live-workspace.js';
import { writeKeyResolver } from '../../ingest/write-keys.js';
import { LOCAL_TENANT } from '../../server/middleware/auth.js';
import { ingestRouter } from '../../server/routes/ingest.js';

export interface Ingestion {
  workspaces: Map<string, LiveWorkspace>;
  routes: RequestHandler[];
  close(): Promise<void>;
}

export async function openIngestion(opts: { config: Config; open: boolean; dirOf: (tenant: string) => string; engine: EngineName; logger: Logger }): Promise<Ingestion> {
  const { config, logger } = opts;
  const workspaces = new Map<string, LiveWorkspace>();
  if (!config.ingest.enabled) return { workspaces, routes: [], close: async () => {} };
  if (opts.engine !== 'duckdb') {
    throw new AppError('invalid_input', 'Data sent to the ingestion API is kept in the embedded store: set AUDIENCE_AGENT_ENGINE=duckdb, or unset WRITE_KEYS and INGEST.');
  }
  const { writeKeys } = config.ingest;
  if (Object.keys(writeKeys).length === 0 && !opts.open) {
    throw new AppError('invalid_input', 'INGEST=1 without write keys works only on a local service without API keys: set WRITE_KEYS=key:workspace.');
  }
  const tenants = Object.keys(writeKeys).length > 0 ? [...new Set(Object.values(writeKeys))] : [LOCAL_TENANT];
  try {
    for (const tenant of tenants) {
      workspaces.set(tenant, await openLiveWorkspace({ tenant, dir: opts.dirOf(tenant), home: config.home, timing: { flushMs: config.ingest.flushMs, catalogRefreshMs: config.ingest.catalogRefreshMs }, logger }));
    }
  } catch (err) {
    await Promise.all([...workspaces.values()].map((w) => w.close()));
    throw err;
  }
  logger.info({ workspaces: tenants, flush_ms: config.ingest.flushMs, catalog_refresh_ms: config.ingest.catalogRefreshMs }, 'taking data on /v1/track, /v1/identify and /v1/batch');
  const router = ingestRouter({
    writeKeyOf: writeKeyResolver({ writeKeys, apiKeys: config.apiKeys }),
    ingestorFor: (tenant) => workspaces.get(tenant)?.ingestor,
  });
  return {
    workspaces,
    routes: [router],
    async close() {
      await Promise.all([...workspaces.values()].map((w) => w.close()));
    },
  };
}
