/** The shop demo workspace from the shared test cache, with an InterpreterContext for it. */
import type { Workspace } from '../../../src/store/workspace.js';
import type { InterpreterContext } from '../../../src/interpreter/types.js';
import { openShop as openSharedShop, SHOP_NOW } from '../../helpers/shop.js';

export { SHOP_DIR, SHOP_NOW } from '../../helpers/shop.js';

export interface Shop {
  ws: Workspace;
  context(extra?: Partial<InterpreterContext>): InterpreterContext;
  dispose(): Promise<void>;
}

export async function openShop(): Promise<Shop> {
  const ws = await openSharedShop();
  return {
    ws,
    context: (extra = {}) => ({ catalog: ws.catalog, search: ws.search, engine: ws.engine, now: SHOP_NOW, ...extra }),
    dispose: () => ws.close(),
  };
}
