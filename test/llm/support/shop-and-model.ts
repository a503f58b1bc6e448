/** The shop workspace for a file of tests, and a fake OpenAI-compatible model per test, closed after it. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { InterpreterContext } from '../../../src/interpreter/types.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from '../../helpers/fake-openai.js';
import { openShop, SHOP_NOW, type OpenShop } from '../../graph/shop-workspace.js';

export function useShopAndFakeModel() {
  let shop: OpenShop | undefined;
  let server: FakeOpenAI | undefined;
  beforeAll(async () => {
    shop = await openShop();
  });
  afterAll(async () => shop?.dispose());
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const opened = () => {
    if (!shop) throw new Error('the shop workspace is opened before the tests run');
    return shop;
  };
  return {
    shop: opened,
    ctx: (): InterpreterContext => ({ catalog: opened().catalog, search: opened().search, engine: opened().engine, now: SHOP_NOW }),
    serve: async (opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> => (server = await startFakeOpenAI(opts)),
  };
}
