/**
 * The Catalog of the shop demo workspace, as the product's importer builds it (imported into a
 * throw-away DuckDB file once per test file), so search and validation are tested on the real
 * names, values and PII marks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../src/catalog/types.js';
import { importWorkspace } from '../../src/store/import/importer.js';
import { openStore } from '../../src/store/store.js';

export const SHOP_DIR = '/work/shared/datasets/shop';
export const SHOP_NOW = new Date('2026-11-01T00:00:00Z');

let cached: Promise<Catalog> | undefined;

export function shopCatalog(): Promise<Catalog> {
  cached ??= importShopCatalog();
  return cached;
}

async function importShopCatalog(): Promise<Catalog> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-catalog-'));
  try {
    const dbPath = join(dir, 'shop.duckdb');
    await importWorkspace(SHOP_DIR, { dbPath });
    const store = await openStore(dbPath);
    try {
      return store.catalog;
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
