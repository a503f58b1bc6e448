import { DEV_CASES } from '../helpers/shop.js';
import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { judge, loadCases, type Expect } from './support/dev-cases.js';
import { openShop, SHOP_NOW } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

/**
 * Cases of the shared set that ask what a personal trait holds ("notes mention VIP"): personal
 * traits are only asked whether they exist, so the interpreter answers personal_data instead.
 */
const PERSONAL_DATA: Record<string, Expect> = { d14: { status: 'error', codes: ['personal_data'] } };
const cases = loadCases(DEV_CASES).map((c) => ({ ...c, expect: PERSONAL_DATA[c.id] ?? c.expect }));
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
