import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../src/definition/parse.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { HELD_OUT_BATCH4 } from './support/held-out-batch4.js';
import { HELD_OUT_BATCH5 } from './support/held-out-batch5.js';
import { HELD_OUT_BATCH6 } from './support/held-out-batch6.js';
import { HELD_OUT_BATCH7 } from './support/held-out-batch7.js';
import { HELD_OUT } from './support/held-out-cases.js';
import { openShop, SHOP_NOW } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

describe('offline interpreter on held-out prompts checked against hand-written definitions', () => {
  for (const c of [...HELD_OUT, ...HELD_OUT_BATCH4, ...HELD_OUT_BATCH5, ...HELD_OUT_BATCH6, ...HELD_OUT_BATCH7]) {
    it(c.prompt, async () => {
      const first = await interpreter.interpret(c.prompt, shop.context());
      // An audience no one matches is asked about first (tested on its own); the reading is what is checked here.
      const result = first.kind === 'clarify' && first.question.term === 'no one matches'
        ? await interpreter.interpret(c.prompt, shop.context({ answers: { 'no one matches': 'Keep it as it is (0 people)' } }))
        : first;
      const e = c.expect;
      if ('status' in e && e.status === 'error') {
        expect(result.kind === 'error' ? result.code : result.kind).toSatisfy((code: string) => e.codes.includes(code));
        return;
      }
      if ('status' in e) {
        expect(result.kind).toBe('clarify');
        return;
      }
      expect(result.kind, result.kind === 'error' ? result.message : '').toBe('definition');
      if (result.kind !== 'definition') return;
      const got = await shop.ws.engine.memberIds(result.definition, { now: SHOP_NOW });
      const wanted = await Promise.all(e.definitions.map((d) => shop.ws.engine.memberIds(parseDefinition(d), { now: SHOP_NOW })));
      const same = wanted.some((w) => w.length === got.length && w.every((id, i) => id === got[i]));
      expect(same, `${got.length} members vs ${wanted.map((w) => w.length).join('/')}: ${JSON.stringify(result.definition.root)}`).toBe(true);
    });
  }
});
