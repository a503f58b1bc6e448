import { DEV_CASES } from '../helpers/shop.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { judge, loadCases } from './support/dev-cases.js';
import { openShop, SHOP_NOW, type Shop } from './support/shop.js';

const cases = loadCases(DEV_CASES);
const interpreter = createOfflineInterpreter();
let shop: Shop;

beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => {
  await shop?.dispose();
});

describe('offline interpreter on the dev understanding cases of the shop workspace', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.prompt}`, async () => {
      const result = await interpreter.interpret(c.prompt, shop.context());
      const verdict = await judge(result, c.expect, shop.ws.engine, SHOP_NOW);
      expect(verdict.ok, verdict.got).toBe(true);
    });
  }
});
