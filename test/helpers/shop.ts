/**
 * The shared demo workspace for tests. Paths are relative to the repository (CI clones it with
 * shared/ beside it). The workspace is imported once into a cache every test file shares:
 * imported stores are opened read-only, which DuckDB allows from many processes at once.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';
import type { Catalog } from '../../src/catalog/types.js';

export const SHARED_DIR = join(import.meta.dirname, '../../../shared');
export const SHOP_DIR = join(SHARED_DIR, 'datasets/shop');
export const DEV_CASES = join(SHARED_DIR, 'eval/dev.jsonl');
export const SHOP_NOW = new Date('2026-11-01T00:00:00Z');
export const TEST_HOME = join(tmpdir(), 'audience-agent-test-home');

export function openShop(opts: { engine?: 'duckdb' | 'postgres'; databaseUrl?: string } = {}): Promise<Workspace> {
  return openWorkspace({ dir: SHOP_DIR, home: TEST_HOME, ...opts });
}

let catalog: Promise<Catalog> | undefined;

/** The shop's catalog as the importer builds it (one open per test file). */
export function shopCatalog(): Promise<Catalog> {
  catalog ??= openShop().then(async (ws) => {
    await ws.close();
    return ws.catalog;
  });
  return catalog;
}
