/**
 * A whole conversation through the graph with the LLM interpreter on a scripted chat model and
 * the real shop workspace: vague request → question with options → answer (kept in the
 * glossary) → draft → refinement → apply; then the saved meaning spares the next question.
 */
import { MemorySaver } from '@langchain/langgraph';
import type { BaseMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAudienceBuilderGraph } from '../../graphs/audience-builder/graph.js';
import type { AudienceBuilderDeps } from '../../graphs/audience-builder/configuration.js';
import { InMemoryAudienceRepository } from '../../src/audiences/index.js';
import { InMemoryGlossaryRepository } from '../../src/glossary/index.js';
import { parseDefinition } from '../../src/definition/parse.js';
import { createLlmInterpreter } from '../../src/interpreter/llm/index.js';
import { callTools, ScriptedChatModel } from '../helpers/scripted-chat-model.js';
import { openShop, SHOP_NOW, type OpenShop } from './shop-workspace.js';
import { threadConfig, turn } from './run-turn.js';

let shop: OpenShop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => shop?.dispose());

const bigSpendersInGermany = {
  version: 1,
  root: { type: 'group', op: 'and', conditions: [
    { type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'total', op: 'gt', value: 1449 },
    { type: 'trait', trait: 'country', op: 'eq', value: 'DE' },
  ] },
};
const goldBigSpendersInGermany = structuredClone(bigSpendersInGermany);
goldBigSpendersInGermany.root.conditions.push({ type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' } as never);

const humanText = (messages: BaseMessage[]) => String(messages[1]!.content);
const systemText = (messages: BaseMessage[]) => String(messages[0]!.content);

test('asks, remembers the answer, drafts, refines and applies an audience', async () => {
  const model = new ScriptedChatModel([
    callTools({ name: 'measure_distribution', args: { events: ['Order Completed'], fn: 'sum', property: 'total' } }),
    callTools({ name: 'ask_question', args: { term: 'high-spending', question: 'What counts as high-spending?', options: ['Total spend over $1,449 (top 10%)', 'Total spend over $800 (top 25%)', 'Let me type a number'] } }),
    (messages) => {
      expect(humanText(messages)).toContain('"high-spending": Total spend over $1,449 (top 10%)');
      return callTools({ name: 'submit_audience', args: { definition: bigSpendersInGermany } });
    },
    (messages) => {
      expect(humanText(messages)).toContain('Description: only gold members');
      expect(humanText(messages)).toContain('Current draft: {"version":1');
      return callTools({ name: 'submit_audience', args: { definition: goldBigSpendersInGermany } });
    },
  ]);
  const audiences = new InMemoryAudienceRepository();
  const glossary = new InMemoryGlossaryRepository();
  const deps: AudienceBuilderDeps = {
    interpreter: createLlmInterpreter({ model }), catalog: shop.catalog, search: shop.search, engine: shop.engine,
    audiences, glossary, workspaceId: 'shop', now: SHOP_NOW, newId: () => 'aud-1',
  };
  const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
  const config = threadConfig('conversation-1', deps);

  const asked = await turn(graph, config, 'High-spending customers in Germany');
  expect(asked.pending).toEqual({
    type: 'question', question: 'What counts as high-spending?', term: 'high-spending', purpose: 'clarify',
    options: ['Total spend over $1,449 (top 10%)', 'Total spend over $800 (top 25%)', 'Let me type a number'],
    text: 'What counts as high-spending?\n- Total spend over $1,449 (top 10%)\n- Total spend over $800 (top 25%)\n- Let me type a number',
  });
  expect(asked.state.status).toBe('clarifying');
  expect(asked.events).toContainEqual({ type: 'tool', tool: 'measure_distribution', summary: expect.stringMatching(/^Measured/) });
  expect(asked.events.filter((e) => e.type === 'progress').map((e) => e.message)).toContain('Looking up events…');

  const offered = await turn(graph, config, { resume: { answer: 'Total spend over $1,449 (top 10%)' } });
  expect(offered.pending).toMatchObject({ type: 'question', purpose: 'glossary', term: 'high-spending', options: ['Yes, keep it', 'No, just this time'] });

  const drafted = await turn(graph, config, { resume: 'Yes, keep it' });
  expect(await glossary.get('shop', 'High-Spending')).toEqual({ term: 'high-spending', meaning: 'Total spend over $1,449 (top 10%)' });
  expect(drafted.pending?.type).toBe('confirm');
  if (drafted.pending?.type !== 'confirm') return;
  const draft = drafted.pending.draft;
  const expected = await shop.engine.compute(parseDefinition(bigSpendersInGermany), { now: SHOP_NOW, sampleSize: 0 });
  expect(draft.size).toBe(expected.size);
  expect(draft.size).toBeGreaterThan(0);
  expect(draft.reachability).toEqual(expected.reachability);
  expect(draft.explanation).toHaveLength(2);
  expect(draft.samples.length).toBe(Math.min(5, draft.size));
  const members = new Set(await shop.engine.memberIds(parseDefinition(bigSpendersInGermany), { now: SHOP_NOW }));
  for (const s of draft.samples) expect(members.has(s.userId)).toBe(true);
  expect(drafted.events.map((e) => (e.type === 'progress' ? e.message : ''))).toContain('Counting…');
  expect(JSON.parse(JSON.stringify(drafted.pending))).toEqual(drafted.pending);

  const refined = await turn(graph, config, { resume: 'only gold members' });
  expect(refined.state.mode).toBe('refine');
  expect(refined.state.prompts).toEqual(['High-spending customers in Germany', 'only gold members']);
  expect(refined.pending?.type).toBe('confirm');
  if (refined.pending?.type !== 'confirm') return;
  expect(refined.pending.draft.definition.root.conditions).toHaveLength(3);
  expect(refined.pending.draft.size).toBeLessThanOrEqual(draft.size);

  const applied = await turn(graph, config, { resume: { action: 'apply', name: 'German big spenders' } });
  expect(applied.pending).toBeUndefined();
  expect(applied.state.status).toBe('saved');
  expect(await audiences.list('shop')).toEqual([{
    id: 'aud-1', name: 'German big spenders', description: 'High-spending customers in Germany only gold members',
    prompt: 'High-spending customers in Germany\nonly gold members', definition: refined.pending.draft.definition,
    createdAt: '2026-11-01T00:00:00.000Z',
  }]);
  expect(model.remaining).toBe(0);

  const conversation = applied.state.messages.map((m) => [m.getType(), m.text]);
  expect(conversation.map(([who]) => who)).toEqual(['human', 'ai', 'human', 'ai', 'human', 'ai', 'human', 'ai', 'human', 'ai']);
  expect(conversation[0]).toEqual(['human', 'High-spending customers in Germany']);
  expect(conversation[1]![1]).toBe(asked.pending!.type === 'question' ? asked.pending!.text : '');
  expect(conversation[2]).toEqual(['human', 'Total spend over $1,449 (top 10%)']);
  expect(conversation[3]![1]).toMatch(/^Keep "high-spending" as "Total spend over \$1,449 \(top 10%\)" in the workspace glossary/);
  expect(conversation[4]).toEqual(['human', 'Yes, keep it']);
  expect(conversation[5]![1]).toContain(`✓ ${draft.explanation[0]}`);
  expect(conversation[5]![1]).toContain(`${draft.size.toLocaleString('en-US')} of 2,000 profiles`);
  expect(conversation[6]).toEqual(['human', 'only gold members']);
  expect(conversation[8]).toEqual(['human', 'Apply as "German big spenders"']);
  expect(conversation[9]).toEqual(['ai', 'Saved "German big spenders".']);
  const ids = applied.state.messages.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(drafted.state.messages.map((m) => m.id)).toEqual(ids.slice(0, drafted.state.messages.length));

  // A new conversation: the saved meaning answers the word, so no question is asked.
  model.enqueue((messages) => {
    expect(systemText(messages)).toContain('- high-spending: Total spend over $1,449 (top 10%)');
    expect(humanText(messages)).toContain('"high-spending": Total spend over $1,449 (top 10%)');
    return callTools({ name: 'submit_audience', args: { definition: bigSpendersInGermany } });
  });
  const next = await turn(graph, threadConfig('conversation-2', deps), 'High-spending customers in Germany');
  expect(next.pending?.type).toBe('confirm');
  expect(model.remaining).toBe(0);
});

test('an option that decides what to build (not what a word means) goes straight to the draft, with no glossary offer', async () => {
  const { createOfflineInterpreter } = await import('../../src/interpreter/offline/index.js');
  const glossary = new InMemoryGlossaryRepository();
  const deps: AudienceBuilderDeps = {
    interpreter: createOfflineInterpreter(), catalog: shop.catalog, search: shop.search, engine: shop.engine,
    audiences: new InMemoryAudienceRepository(), glossary, workspaceId: 'shop', now: SHOP_NOW, newId: () => 'aud-2',
  };
  const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
  const config = threadConfig('conversation-empty', deps);
  const asked = await turn(graph, config, 'customers who bought in the last 30 days and never made a purchase');
  if (asked.pending?.type !== 'question') throw new Error(JSON.stringify(asked.pending));
  expect(asked.pending.question).toMatch(/^No one matches this right now/);
  const drafted = await turn(graph, config, { resume: asked.pending.options[0]! });
  expect(drafted.pending?.type).toBe('confirm');
  if (drafted.pending?.type !== 'confirm') return;
  expect(drafted.pending.draft.size).toBeGreaterThan(0);
  expect(drafted.pending.draft.definition.root.conditions).toHaveLength(1);
  expect(await glossary.get('shop', asked.pending.term)).toBeUndefined();
});
