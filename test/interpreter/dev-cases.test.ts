import { DEV_CASES } from '../helpers/shop.js';
import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { judge, loadCases } from './support/dev-cases.js';
import { openShop, SHOP_NOW } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const cases = loadCases(DEV_CASES);
const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

describe('offline interpreter on the dev understanding cases of the shop workspace', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.prompt}`, async () => {
      const result = await interpreter.interpret(c.prompt, shop.context());
      const verdict = await judge(result, c.expect, shop.ws.engine, SHOP_NOW);
      expect(verdict.ok, verdict.got).toBe(true);
    });
  }
});
