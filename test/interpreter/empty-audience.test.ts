import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openShop } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);
const interpret = (prompt: string, answers?: Record<string, string>) => interpreter.interpret(prompt, shop.context(answers ? { answers } : {}));

const CONTRADICTION = 'customers who bought in the last 30 days and never made a purchase';

describe('an audience no one matches is asked about before it is returned', () => {
  it('says what was read and offers the audience without each condition that empties it, with its size', async () => {
    const r = await interpret(CONTRADICTION);
    if (r.kind !== 'clarify') throw new Error(JSON.stringify(r));
    expect(r.question.text).toMatch(/^No one matches this right now: Performed Order Completed at least once in the last 30 days; Never performed Order Completed\./);
    expect(r.question.options).toEqual([
      expect.stringMatching(/^Without “Performed Order Completed at least once in the last 30 days” \([\d,]+ people\)$/),
      expect.stringMatching(/^Without “Never performed Order Completed” \([\d,]+ people\)$/),
      'Keep it as it is (0 people)',
      'Let me say what to change',
    ]);
    // Choosing an option decides what to build; it is not a meaning for the glossary.
    expect(r.question.decisions).toEqual(r.question.options.slice(0, -1));
  });

  it('builds the audience without the condition the user picks, whose size the option said', async () => {
    const asked = await interpret(CONTRADICTION);
    if (asked.kind !== 'clarify') throw new Error(JSON.stringify(asked));
    const option = asked.question.options[1]!;
    const r = await interpret(CONTRADICTION, { [asked.question.term]: option });
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ type: 'event', count: { op: 'gte', value: 1 } })]);
    const { size } = await shop.context().engine.compute(r.definition, { now: shop.context().now, sampleSize: 0 });
    expect(option).toContain(`(${size.toLocaleString('en-US')} people)`);
  });

  it('keeps the empty audience when the user says so', async () => {
    const asked = await interpret(CONTRADICTION);
    if (asked.kind !== 'clarify') throw new Error(JSON.stringify(asked));
    const r = await interpret(CONTRADICTION, { [asked.question.term]: 'Keep it as it is (0 people)' });
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toHaveLength(2);
  });

  it('reads what the user types after the request', async () => {
    const r = await interpret('customers who bought more than 200 times in the last week', { 'no one matches': 'or gold members' });
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.op).toBe('or');
    expect(r.definition.root.conditions).toContainEqual(expect.objectContaining({ type: 'trait', trait: 'membership_tier' }));
  });

  it('asks nothing when someone matches', async () => {
    expect((await interpret('customers who bought in the last 30 days')).kind).toBe('definition');
  });

  it('asks in the language of the request', async () => {
    const r = await interpret('過去7日間に200回以上購入した顧客');
    if (r.kind !== 'clarify') throw new Error(JSON.stringify(r));
    expect(r.question.text).toMatch(/^いま該当する人はいません/);
    expect(r.question.options).toContain('このままにする（0人）');
  });
});
