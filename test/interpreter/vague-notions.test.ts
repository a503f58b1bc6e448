import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openShop } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

async function question(prompt: string) {
  const r = await interpreter.interpret(prompt, shop.context());
  if (r.kind !== 'clarify') throw new Error(`expected a question for "${prompt}", got ${JSON.stringify(r)}`);
  return r.question;
}

describe('vague words about use, satisfaction and size are asked about with options from the data', () => {
  it('asks how often the workspace\'s activity event happened for "highly engaged"', async () => {
    const q = await question('highly engaged customers in Germany');
    expect(q.term).toBe('highly engaged');
    expect(q.options[0]).toMatch(/^Session Started at least \d+ times in the last 30 days \([\d,]+ people\)$/);
    expect(q.options.at(-1)).toBe('Let me type a number');
  });

  it('offers going quiet as well as no purchase for "dropped off"', async () => {
    const q = await question('customers who kind of dropped off');
    expect(q.options.some((o) => /^No Session Started in the last 30 days/.test(o))).toBe(true);
    expect(q.options.some((o) => /^Last purchase more than 90 days ago/.test(o))).toBe(true);
  });

  it('asks for a score people gave for "unhappy"', async () => {
    const q = await question('customers who seem unhappy with the product lately');
    expect(q.options[0]).toMatch(/^Review Submitted with rating \d or lower in the last \d+ days/);
  });

  it('takes an option chosen back as what it was measured with, without reading it again', async () => {
    const q = await question('highly engaged customers in Germany');
    const chosen = q.options[1]!;
    const r = await interpreter.interpret('highly engaged customers in Germany', shop.context({ answers: { [q.term]: chosen } }));
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    const times = Number(/at least (\d+) times/.exec(chosen)![1]);
    expect(r.definition.root.conditions).toContainEqual({ type: 'event', events: ['Session Started'], filters: [], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'gte', value: times } });
  });
});
