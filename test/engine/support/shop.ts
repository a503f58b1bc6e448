/** The demo workspace imported by the product's own importer into a throw-away DuckDB file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importWorkspace } from '../../../src/store/import/importer.js';
import { openStore, type Store } from '../../../src/store/store.js';

export const SHOP_DIR = '/work/shared/datasets/shop';
export const SHOP_NOW = new Date('2026-11-01T00:00:00Z');

export interface ImportedWorkspace {
  store: Store;
  cleanup(): Promise<void>;
}

export async function importFolder(srcDir: string): Promise<ImportedWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-engine-'));
  const dbPath = join(dir, 'workspace.duckdb');
  await importWorkspace(srcDir, { dbPath });
  const store = await openStore(dbPath);
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
