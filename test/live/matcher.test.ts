/**
 * The matcher's work per request, counted on the memory stores: one state read, the list
 * compiled once per version, the profile history asked only when the list has history
 * conditions (at the reference time), and memberships written in one call only when something
 * changed or needs extending.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/types.js';
import type { Condition } from '../../src/definition/schema.js';
import { createLiveMatcher } from '../../src/live/matcher.js';
import type { LiveAudience, LiveAudienceRepository, Membership, ProfileLookup, VisitorStateStore } from '../../src/live/types.js';
import { VisitorInput } from '../../src/live/visitor.js';
import { createMemoryRepositories } from '../../src/repositories/index.js';
import { shopCatalog, SHOP_NOW } from '../helpers/shop.js';
import { audienceDefinition } from './support/live-service.js';

const WS = 'shop';
const MINUTE = 60_000;
const START = Date.parse('2026-11-23T10:00:00Z');

interface Counts {
  reads: number;
  writes: Membership[][];
  lists: number;
  lookups: { visitorId: string; conditions: number; now: Date }[];
}

async function setUp(catalog: Catalog, audiences: { name: string; conditions: Condition[]; duration?: LiveAudience['duration'] }[]) {
  let nowMs = START;
  const repos = createMemoryRepositories({ clock: () => new Date(nowMs) });
  const counts: Counts = { reads: 0, writes: [], lists: 0, lookups: [] };
  for (const [i, a] of audiences.entries()) {
    const at = new Date(nowMs).toISOString();
    await repos.liveAudiences.save(WS, { id: `a${i}`, name: a.name, description: '', definition: audienceDefinition(a.conditions), duration: a.duration ?? { unit: 'session' }, enabled: true, builtIn: false, createdAt: at, updatedAt: at }, { position: i });
  }
  const liveAudiences: LiveAudienceRepository = Object.assign(Object.create(repos.liveAudiences) as LiveAudienceRepository, {
    list: (ws: string) => {
      counts.lists += 1;
      return repos.liveAudiences.list(ws);
    },
  });
  const visitors: VisitorStateStore = Object.assign(Object.create(repos.visitors) as VisitorStateStore, {
    read: (ws: string, id: string, now: number) => {
      counts.reads += 1;
      return repos.visitors.read(ws, id, now);
    },
    writeMemberships: (ws: string, id: string, memberships: Membership[], now: number) => {
      counts.writes.push(memberships);
      return repos.visitors.writeMemberships(ws, id, memberships, now);
    },
  });
  const lookup: ProfileLookup = {
    evaluate: async (visitorId, conditions, now) => {
      counts.lookups.push({ visitorId, conditions: conditions.length, now });
      return conditions.map(() => visitorId.startsWith('buyer'));
    },
  };
  const matcher = createLiveMatcher({
    liveAudiences,
    visitors,
    lookupFor: () => lookup,
    workspaceFor: async () => ({ catalog }),
    clock: () => new Date(nowMs),
    referenceTime: () => SHOP_NOW,
    sessionTimeoutMs: 30 * MINUTE,
  });
  const visit = (id: string, context: Record<string, unknown> = {}) => matcher.match(WS, VisitorInput.parse({ id, context }));
  return { repos, counts, matcher, visit, advance: (ms: number) => void (nowMs += ms) };
}

const mobile: Condition = { type: 'context', field: 'device', op: 'in', value: ['mobile'] };
const bought: Condition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 1 } };

describe('the live matcher', () => {
  it('reads the state once per visit, compiles the list once per version and never asks for history when no condition needs it', async () => {
    const { counts, visit, repos } = await setUp(await shopCatalog(), [{ name: 'Phones', conditions: [mobile] }]);
    expect((await visit('v1', { device: 'mobile' })).audience?.id).toBe('a0');
    expect((await visit('v2', { device: 'desktop' })).audience?.id).toBe('default-desktop');
    expect((await visit('v3', { device: 'mobile' })).audience?.id).toBe('a0');
    expect([counts.reads, counts.lists, counts.lookups.length]).toEqual([3, 1, 0]);

    const phones = (await repos.liveAudiences.get(WS, 'a0'))!;
    await repos.liveAudiences.save(WS, { ...phones, enabled: false });
    expect((await visit('v4', { device: 'mobile' })).audience?.id).toBe('default-mobile');
    expect((await visit('v5', { device: 'mobile' })).audience?.id).toBe('default-mobile');
    expect(counts.lists).toBe(2);
  });

  it('asks for the history of the visitor at the reference time once the list has history conditions', async () => {
    const { counts, visit } = await setUp(await shopCatalog(), [{ name: 'Buyers on phones', conditions: [bought, mobile] }]);
    expect((await visit('buyer-1', { device: 'mobile' })).audience?.id).toBe('a0');
    expect((await visit('someone', { device: 'mobile' })).audience?.id).toBe('default-mobile');
    expect(counts.lookups).toEqual([
      { visitorId: 'buyer-1', conditions: 1, now: SHOP_NOW },
      { visitorId: 'someone', conditions: 1, now: SHOP_NOW },
    ]);
  });

  it('writes the memberships of every audience that qualifies in one call, and not again until they need extending', async () => {
    const { counts, visit, advance } = await setUp(await shopCatalog(), [
      { name: 'Phones this week', conditions: [mobile], duration: { unit: 'weeks', amount: 1 } },
      { name: 'Phones this session', conditions: [mobile] },
    ]);
    await visit('v1', { device: 'mobile', sessionCount: 1 });
    expect(counts.writes).toHaveLength(1);
    expect(counts.writes[0]!.map((m) => m.audienceId).sort()).toEqual(['a0', 'a1', 'default-mobile', 'default-new']);
    expect(counts.writes[0]!.find((m) => m.audienceId === 'a1')).toEqual({ audienceId: 'a1', until: START + 30 * MINUTE, session: 1 });

    // A few seconds later nothing moved enough to be worth a write.
    advance(5_000);
    await visit('v1', { device: 'mobile', sessionCount: 1 });
    expect(counts.writes).toHaveLength(1);

    // Ten minutes later, on a desktop: the week is held (not renewed), the session ones are pushed
    // on and desktop is recorded, all in one call.
    advance(10 * MINUTE);
    const result = await visit('v1', { device: 'desktop', sessionCount: 1 });
    expect(result.audience?.id).toBe('a0');
    expect(result.until).toBe(new Date(START + 7 * 24 * 60 * MINUTE).toISOString());
    expect(counts.writes).toHaveLength(2);
    expect(counts.writes[1]!.map((m) => [m.audienceId, m.until]).sort()).toEqual([
      ['a1', START + 5_000 + 10 * MINUTE + 30 * MINUTE],
      ['default-desktop', START + 5_000 + 10 * MINUTE + 30 * MINUTE],
      ['default-mobile', START + 5_000 + 10 * MINUTE + 30 * MINUTE],
      ['default-new', START + 5_000 + 10 * MINUTE + 30 * MINUTE],
    ]);
  });

  it('answers a batch in order, one visitor’s visits after each other, others together', async () => {
    const { matcher, counts } = await setUp(await shopCatalog(), [{ name: 'Spring', conditions: [{ type: 'context', field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' }] }]);
    const batch = [
      { id: 'x', context: { url: 'https://shop.example/?utm_campaign=spring', sessionCount: 1 } },
      { id: 'y', context: { device: 'mobile' } },
      { id: 'x', context: { sessionCount: 1 } },
    ].map((v) => VisitorInput.parse(v));
    const results = await matcher.matchMany(WS, batch);
    expect(results.map((r) => [r.audience?.id, r.reasons])).toEqual([
      ['a0', ['URL parameter utm_campaign is spring']],
      ['default-mobile', ['Device is mobile']],
      ['a0', ['Qualified earlier in this session']],
    ]);
    expect(counts.reads).toBe(3);
  });
});
