import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmInterrupt, QuestionInterrupt } from '../../graphs/audience-builder/interrupts.js';
import { nextInput, runChat } from '../../src/cli/commands/chat.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import type { Workspace } from '../../src/store/workspace.js';
import { openShop, SHOP_NOW } from '../helpers/shop.js';

describe('reading what the user typed in a chat', () => {
  const question: QuestionInterrupt = { type: 'question', question: 'q', options: ['Total spend over $1,450', 'Let me type a number'], term: 'high-spending', purpose: 'clarify', text: 'q' };

  it('takes a number as the option with that number, and anything else as free text', () => {
    expect(nextInput('1', question)).toEqual({ resume: 'Total spend over $1,450' });
    expect(nextInput('over 2000 dollars', question)).toEqual({ resume: 'over 2000 dollars' });
    expect(nextInput('7', question)).toEqual({ resume: '7' });
  });

  it('applies a draft with the name typed after "apply", and sends other words as an edit', () => {
    const confirm: ConfirmInterrupt = { type: 'confirm', kind: 'list', draft: { kind: 'list', definition: { version: 1, root: { type: 'group', op: 'and', conditions: [] }, exclude: [] }, explanation: [], size: 0, reachability: {}, samples: [], totalProfiles: 0, notUnderstood: [] }, text: '' };
    expect(nextInput('apply VIP night', confirm)).toEqual({ resume: { action: 'apply', name: 'VIP night' } });
    expect(nextInput('make it 60 days instead', confirm)).toEqual({ resume: 'make it 60 days instead' });
    expect(nextInput('Customers in Germany', undefined)).toEqual({ prompt: 'Customers in Germany' });
  });
});

describe('a terminal conversation', () => {
  let ws: Workspace;
  beforeAll(async () => (ws = await openShop()));
  afterAll(() => ws.close());

  it('builds a live audience from words and saves it on top of the live order', async () => {
    const typed = ['Mobile visitors coming from the newsletter on their first visit', 'apply Newsletter mobile newcomers'];
    const said: string[] = [];
    await runChat(
      { catalog: ws.catalog, search: ws.search, engine: ws.engine, interpreter: createOfflineInterpreter(), now: SHOP_NOW },
      { ask: async () => typed.shift(), say: (t) => said.push(t), note: () => undefined },
    );
    const draft = said.find((s) => s.includes('Type "apply'));
    expect(draft).toMatch(/Device is mobile/);
    expect(draft).toMatch(/Live audience/);
    expect(said.at(-1)).toBe('Saved live audience "Newsletter mobile newcomers" at the top of the live order (for this session once a visitor qualifies).');
  });

  it('goes from a vague request through a question to a saved audience', async () => {
    const typed = ['I want to find high-spending, loyal customers for a VIP night event.', '1', '2', '1', '2', 'apply VIP night'];
    const said: string[] = [];
    const notes: string[] = [];
    await runChat(
      { catalog: ws.catalog, search: ws.search, engine: ws.engine, interpreter: createOfflineInterpreter(), now: SHOP_NOW },
      { ask: async () => typed.shift(), say: (t) => said.push(t), note: (t) => notes.push(t) },
    );
    expect(said[1]).toMatch(/What counts as "high-spending"\?/);
    expect(said.find((s) => s.startsWith('Audience'))).toMatch(/✓ Total spend .* is more than \$1,450/);
    expect(said.at(-1)).toBe('Saved audience "VIP night".');
    expect(notes.some((n) => n.includes('Found event Order Completed'))).toBe(true);
  }, 60_000);
});
