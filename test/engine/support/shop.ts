/** A workspace folder imported by the product's own importer, through the shared test cache. */
import { openStore, type Store } from '../../../src/store/store.js';
import { ensureImported } from '../../../src/store/workspace.js';
import { TEST_HOME } from '../../helpers/shop.js';

export { SHOP_DIR, SHOP_NOW } from '../../helpers/shop.js';

export interface ImportedWorkspace {
  store: Store;
  cleanup(): Promise<void>;
}

export async function importFolder(srcDir: string): Promise<ImportedWorkspace> {
  const { dbPath } = await ensureImported({ dir: srcDir, home: TEST_HOME });
  const store = await openStore(dbPath);
  return { store, cleanup: () => store.close() };
}
