import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../src/definition/parse.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openTiny } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const tiny = useWorkspace(openTiny);

const WORDS = [
  'customers', 'who', 'and', 'or', 'but', 'not', 'never', "haven't", 'bought', 'purchased', 'opened', 'an', 'email', 'in', 'the',
  'last', '30', 'days', 'over', '$100', 'at', 'least', '3', 'times', 'orders', 'gold', 'silver', 'from', 'Germany', 'Japan',
  'tagged', 'Cat', 'Lover', 'with', 'without', 'a', 'phone', 'number', 'average', 'order', 'value', 'spent', 'more', 'than',
  'last', 'purchase', 'was', '6', 'months', 'ago', 'active', 'recently', 'loyal', 'high-spending', 'between', '25', 'and', '34',
  'aged', 'women', 'not', 'on', 'Do', 'Not', 'Contact', 'list', 'it', 'one', 'excluding', 'viewed', 'products', 'Toys', 'webinar',
  'in-store', '2', 'years', 'in', 'that', 'time', 'either', ',', '.', '過去', '30天內', '沒有', '購買', 'ลูกค้า', 'ไม่ได้', '購入',
];

describe('any sentence of known words gets an answer, never a crash', () => {
  it('returns a valid definition, a question or an error for random prompts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 30 }), async (words) => {
        const r = await interpreter.interpret(words.join(' '), tiny.context());
        expect(['definition', 'clarify', 'error']).toContain(r.kind);
        if (r.kind === 'definition') expect(() => parseDefinition(r.definition)).not.toThrow();
        if (r.kind === 'clarify') expect(r.question.options.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 42 },
    );
  }, 60_000);
});
