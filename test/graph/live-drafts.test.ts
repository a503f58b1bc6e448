/**
 * Live drafts through the graph, on the shop workspace: a proposal with conditions on the visit
 * is drafted as live (kind, note, size = the known profiles who could match), applied with a
 * membership duration into the live audiences (at the top, enabled), while list drafts go on as
 * before. Recorded visitor traits reach the interpreter as catalog traits.
 */
import { MemorySaver } from '@langchain/langgraph';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AudienceBuilderDeps } from '../../graphs/audience-builder/configuration.js';
import { createAudienceBuilderGraph } from '../../graphs/audience-builder/graph.js';
import { buildOnce } from '../../src/agent/run-once.js';
import { renderBuildResult } from '../../src/cli/commands/render-build.js';
import { InMemoryAudienceRepository } from '../../src/audiences/index.js';
import { parseDefinition } from '../../src/definition/parse.js';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import type { Interpreter } from '../../src/interpreter/types.js';
import { DEFAULT_LIVE_AUDIENCE_IDS } from '../../src/live/default-audiences.js';
import { historyPart } from '../../src/live/history-part.js';
import { MemoryLiveAudienceRepository } from '../../src/live/memory-live-audience-repository.js';
import type { VisitorTraitInfo } from '../../src/live/types.js';
import { openShop, SHOP_NOW, type OpenShop } from './shop-workspace.js';
import { threadConfig, turn } from './run-turn.js';

let shop: OpenShop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => shop?.dispose());

const goldMobileSpring = parseDefinition({
  version: 1,
  root: { type: 'group', op: 'and', conditions: [
    { type: 'context', field: 'device', op: 'in', value: ['mobile'] },
    { type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' },
    { type: 'context', field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' },
  ] },
});
const gold = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' }] } });
const mobileOnly = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'context', field: 'device', op: 'in', value: ['mobile'] }] } });

const proposing = (definition: AudienceDefinition): Interpreter => ({
  name: 'offline',
  interpret: async () => ({ kind: 'definition', definition, notUnderstood: [], language: 'en', toolCalls: [] }),
});

const catTraits: VisitorTraitInfo[] = [{ name: 'shopping_for', type: 'string', values: ['cat', 'dog'] }];

function setup(interpreter: Interpreter, extra: Partial<AudienceBuilderDeps> = {}) {
  const audiences = new InMemoryAudienceRepository();
  const liveAudiences = new MemoryLiveAudienceRepository({ clock: () => SHOP_NOW });
  let ids = 0;
  const deps: AudienceBuilderDeps = {
    interpreter, catalog: shop.catalog, search: shop.search, engine: shop.engine, audiences, liveAudiences,
    workspaceId: 'shop', now: SHOP_NOW, newId: () => `new-${++ids}`, ...extra,
  };
  const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
  return { graph, config: threadConfig(`live-${Math.random()}`, deps), audiences, liveAudiences };
}

describe('a proposal with context conditions', () => {
  test('is a live draft whose size is the known profiles who could match, said in a note', async () => {
    const { graph, config } = setup(proposing(goldMobileSpring));
    const drafted = await turn(graph, config, 'Gold members on mobile from the spring campaign');
    expect(drafted.pending?.type).toBe('confirm');
    if (drafted.pending?.type !== 'confirm') return;
    const { draft } = drafted.pending;
    const couldMatch = await shop.engine.compute(gold, { now: SHOP_NOW, sampleSize: 0 });
    expect(historyPart(goldMobileSpring)).toEqual(gold);
    expect(drafted.pending.kind).toBe('live');
    expect(draft).toMatchObject({ kind: 'live', size: couldMatch.size, totalProfiles: shop.catalog.profiles, definition: goldMobileSpring });
    expect(draft.size).toBeGreaterThan(0);
    expect(draft.size).toBeLessThan(draft.totalProfiles);
    expect(draft.note).toBe(`Live audience: evaluated when a visitor arrives; up to ${couldMatch.size.toLocaleString('en-US')} known profiles could match.`);
    expect(draft.explanation).toHaveLength(3);
    expect(drafted.pending.durations?.map((d) => d.duration)).toContainEqual({ unit: 'days', amount: 7 });
    expect(drafted.state.currentDraft?.samples.length).toBeGreaterThan(0);
  });

  test('comes from words about the visit through the offline interpreter', async () => {
    const { graph, config } = setup(createOfflineInterpreter());
    const drafted = await turn(graph, config, 'Mobile visitors from the spring campaign');
    if (drafted.pending?.type !== 'confirm') throw new Error(`no draft: ${JSON.stringify(drafted.state.error ?? drafted.pending)}`);
    const fields = drafted.pending.draft.definition.root.conditions.map((c) => (c.type === 'context' ? c.field : c.type));
    expect(fields).toEqual(expect.arrayContaining(['device', 'url_param']));
    expect(drafted.pending).toMatchObject({ kind: 'live', draft: { kind: 'live', size: shop.catalog.profiles } });
  });

  test('decided by the visit alone could match every known profile', async () => {
    const { graph, config } = setup(proposing(mobileOnly));
    const drafted = await turn(graph, config, 'Everyone who visits on a mobile phone');
    if (drafted.pending?.type !== 'confirm') throw new Error(`no draft: ${JSON.stringify(drafted.state.error)}`);
    expect(drafted.pending.draft).toMatchObject({ kind: 'live', size: shop.catalog.profiles, totalProfiles: shop.catalog.profiles });
    expect(drafted.pending.draft.note).toContain(shop.catalog.profiles.toLocaleString('en-US'));
  });

  test('applied with a duration, is saved into the live audiences at the top, enabled, and not as a list', async () => {
    const { graph, config, audiences, liveAudiences } = setup(proposing(goldMobileSpring));
    await turn(graph, config, 'Gold members on mobile from the spring campaign');
    const saved = await turn(graph, config, { resume: { action: 'apply', name: 'Spring gold on mobile', duration: { unit: 'days', amount: 7 } } });
    expect(saved.state.status).toBe('saved');
    expect(saved.state.audience).toBeNull();
    const expected = {
      id: 'new-1', name: 'Spring gold on mobile', description: 'Gold members on mobile from the spring campaign', definition: goldMobileSpring,
      duration: { unit: 'days', amount: 7 }, enabled: true, builtIn: false, prompt: 'Gold members on mobile from the spring campaign',
      createdAt: SHOP_NOW.toISOString(), updatedAt: SHOP_NOW.toISOString(),
    };
    expect(saved.state.liveAudience).toEqual(expected);
    const order = await liveAudiences.list('shop');
    expect(order.map((a) => a.id)).toEqual(['new-1', ...DEFAULT_LIVE_AUDIENCE_IDS]);
    expect(order[0]).toEqual(expected);
    expect(await audiences.list('shop')).toEqual([]);
  });

  test('applied without a duration stays for the session', async () => {
    const { graph, config, liveAudiences } = setup(proposing(mobileOnly));
    await turn(graph, config, 'Everyone who visits on a mobile phone');
    await turn(graph, config, { resume: 'apply' });
    expect((await liveAudiences.get('shop', 'new-1'))?.duration).toEqual({ unit: 'session' });
  });

  test('cannot be applied where no live audiences are kept: the error says so and the draft waits again', async () => {
    const { graph, config } = setup(proposing(mobileOnly), { liveAudiences: undefined });
    await turn(graph, config, 'Everyone who visits on a mobile phone');
    const refused = await turn(graph, config, { resume: 'apply' });
    expect(refused.state.error).toMatchObject({ code: 'live_only_condition', message: expect.stringMatching(/live audiences are not kept here/) });
    expect(refused.pending?.type).toBe('confirm');
  });
});

describe('a proposal with history conditions only', () => {
  test('is a list draft as before: no note, no durations, saved as an audience', async () => {
    const { graph, config, audiences, liveAudiences } = setup(proposing(gold));
    const drafted = await turn(graph, config, 'Gold members of the loyalty programme');
    if (drafted.pending?.type !== 'confirm') throw new Error('no draft');
    const counted = await shop.engine.compute(gold, { now: SHOP_NOW, sampleSize: 0 });
    expect(drafted.pending.kind).toBe('list');
    expect(drafted.pending).not.toHaveProperty('durations');
    expect(drafted.pending.draft).not.toHaveProperty('note');
    expect(drafted.pending.draft).toMatchObject({ kind: 'list', size: counted.size, reachability: counted.reachability });
    const saved = await turn(graph, config, { resume: { action: 'apply', name: 'Gold', duration: { unit: 'days', amount: 3 } } });
    expect(saved.state.audience).toMatchObject({ id: 'new-1', name: 'Gold', definition: gold });
    expect(saved.state.liveAudience).toBeNull();
    expect(await audiences.get('shop', 'new-1')).toMatchObject({ name: 'Gold' });
    expect((await liveAudiences.list('shop')).map((a) => a.id)).toEqual([...DEFAULT_LIVE_AUDIENCE_IDS]);
  });
});

describe('traits visitors recorded about themselves', () => {
  const visitors = { traitCatalog: async () => catTraits };

  test('reach the interpreter as catalog traits, and a definition on them is a live draft', async () => {
    const { graph, config } = setup(createOfflineInterpreter(), { visitors });
    const drafted = await turn(graph, config, 'Visitors shopping for their cat');
    if (drafted.pending?.type !== 'confirm') throw new Error(`no draft: ${JSON.stringify(drafted.state.error ?? drafted.pending)}`);
    expect(drafted.pending.draft.definition.root.conditions).toEqual([{ type: 'trait', trait: 'shopping_for', op: 'eq', value: 'cat' }]);
    expect(drafted.pending.draft).toMatchObject({ kind: 'live', size: shop.catalog.profiles });
  });

  test('without the visitor store the same trait is an unknown reference', async () => {
    const cat = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'shopping_for', op: 'eq', value: 'cat' }] } });
    const { graph, config } = setup(proposing(cat));
    const refused = await turn(graph, config, 'Visitors shopping for their cat');
    expect(refused.state.error).toMatchObject({ code: 'unknown_reference' });
    const known = setup(proposing(cat), { visitors });
    const drafted = await turn(known.graph, known.config, 'Visitors shopping for their cat');
    expect(drafted.pending).toMatchObject({ type: 'confirm', kind: 'live' });
  });

  test('next to a profile condition, only the profile condition is counted', async () => {
    const catAndGold = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [
      { type: 'trait', trait: 'shopping_for', op: 'eq', value: 'cat' },
      { type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' },
    ] } });
    const { graph, config } = setup(proposing(catAndGold), { visitors });
    const drafted = await turn(graph, config, 'Gold members shopping for their cat');
    const counted = await shop.engine.compute(gold, { now: SHOP_NOW, sampleSize: 0 });
    expect(drafted.pending).toMatchObject({ type: 'confirm', kind: 'live', draft: { size: counted.size } });
  });
});

describe('audience-agent build', () => {
  test('prints a live draft as kind live with its note and no members', async () => {
    const result = await buildOnce({ id: 'l1', prompt: 'Gold members on mobile from the spring campaign', workspace: shop, now: SHOP_NOW, interpreter: proposing(goldMobileSpring), members: true });
    const counted = await shop.engine.compute(gold, { now: SHOP_NOW, sampleSize: 0 });
    expect(Object.keys(result)).toEqual(['id', 'status', 'kind', 'definition', 'explanation', 'count', 'note']);
    expect(result).toMatchObject({ id: 'l1', status: 'ok', kind: 'live', definition: goldMobileSpring, count: counted.size, note: expect.stringMatching(/^Live audience:/) });
    const printed = renderBuildResult(result).split('\n');
    expect(printed[0]).toBe('Live audience');
    expect(printed).toContain(result.note);
    expect(printed.some((l) => l.startsWith('Size:'))).toBe(false);
  });

  test('keeps the list line exactly as it was', async () => {
    const result = await buildOnce({ id: 'c1', prompt: 'Gold members of the loyalty programme', workspace: shop, now: SHOP_NOW, interpreter: proposing(gold) });
    expect(Object.keys(result)).toEqual(['id', 'status', 'definition', 'explanation', 'count']);
  });
});
