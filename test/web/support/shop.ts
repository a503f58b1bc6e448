/** The shop demo workspace for browser tests, from the shared test cache. */
import type { Workspace } from '../../../src/store/workspace.js';
import { openShop as openSharedShop } from '../../helpers/shop.js';

export { SHOP_DIR, SHOP_NOW } from '../../helpers/shop.js';

export interface OpenShop extends Workspace {
  dispose(): Promise<void>;
}

export async function openShop(): Promise<OpenShop> {
  const ws = await openSharedShop();
  return Object.assign(ws, { dispose: () => ws.close() });
}
