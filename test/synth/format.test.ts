import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/synth/generate.js';
import { readWorkspace, type WrittenWorkspace } from './read-workspace.js';

const NOW = '2026-11-01T00:00:00Z';
const NOW_MS = Date.parse(NOW);
const YEAR_MS = 365 * 86_400_000;

interface Identify {
  type: string;
  userId: string;
  traits: Record<string, unknown>;
  timestamp: string;
}
interface Track {
  type: string;
  messageId: string;
  userId: string;
  event: string;
  properties: Record<string, unknown>;
  timestamp: string;
}
interface PlanField {
  name: string;
  type: string;
}
interface Plan {
  events: { name: string; properties: PlanField[] }[];
  traits: PlanField[];
}

/** The value sets of `shop/` (README: values are resolved to what the data holds). */
const TRAIT_VALUES: Record<string, readonly unknown[]> = {
  country: ['US', 'CA', 'DE', 'JP', 'GB', 'TW', 'AU', 'FR', 'BR', 'TH'],
  language: ['en', 'de', 'ja', 'zh-TW', 'fr', 'pt', 'th'],
  platform: ['iOS', 'Android', 'Web'],
  gender: ['female', 'male', 'nonbinary'],
  membership_tier: ['bronze', 'silver', 'gold', 'platinum'],
};
const TAGS = [
  'Bargain Hunter', 'Beauty Insider', 'Cat Lover', 'Dog Lover', 'Newsletter', 'Parent',
  'Pet Supplies Buyer', 'Tech Enthusiast', 'Wholesale',
];
const PROPERTY_VALUES: Record<string, readonly unknown[]> = {
  platform: ['iOS', 'Android', 'Web'],
  category: ['Apparel', 'Beauty', 'Cat Supplies', 'Dog Supplies', 'Electronics', 'Home', 'Toys'],
  campaign_type: ['promotion', 'newsletter'],
  coupon: ['FREESHIP', 'SPRING20', 'VIP15', 'WELCOME10'],
  coupon_code: ['FREESHIP', 'SPRING20', 'VIP15', 'WELCOME10'],
  method: ['email', 'google', 'apple'],
  rating: [1, 2, 3, 4, 5],
  currency: ['USD'],
};

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' && value.length > 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'datetime':
      return typeof value === 'string' && new Date(value).toISOString() === value;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    default:
      return false;
  }
}

describe('a generated workspace', () => {
  let dir: string;
  let written: WrittenWorkspace;
  let profiles: Identify[];
  let events: Track[];
  let plan: Plan;
  let result: { profiles: number; events: number; bytes: number };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'synth-format-'));
    result = await generateWorkspace({ dir, profiles: 200, seed: 11, now: NOW });
    written = await readWorkspace(dir);
    profiles = written.profileLines.map((l) => JSON.parse(l) as Identify);
    events = written.eventLines.map((l) => JSON.parse(l) as Track);
    plan = (written.workspace as { trackingPlan: Plan }).trackingPlan;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports what it wrote and leaves only the four workspace files', async () => {
    expect(result.profiles).toBe(200);
    expect(result.events).toBe(events.length);
    expect(result.bytes).toBeGreaterThan(0);
    expect((await readdir(dir)).sort()).toEqual(['audiences.json', 'events.jsonl.gz', 'profiles.jsonl.gz', 'workspace.json']);
  });

  it('writes one identify message per profile with traits of the planned names and types', () => {
    expect(profiles).toHaveLength(200);
    expect(profiles.map((p) => p.userId)).toEqual(Array.from({ length: 200 }, (_, i) => `u${String(i + 1).padStart(5, '0')}`));
    const planned = new Map(plan.traits.map((t) => [t.name, t.type]));
    for (const p of profiles) {
      expect(Object.keys(p)).toEqual(['type', 'userId', 'traits', 'timestamp']);
      expect(p.type).toBe('identify');
      expect(p.timestamp).toBe(p.traits.created_at);
      for (const [name, value] of Object.entries(p.traits)) {
        expect(planned.has(name), `trait ${name}`).toBe(true);
        expect(matchesType(value, planned.get(name) ?? ''), `${name}=${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('keeps trait values within the documented sets and leaves some optional traits missing', () => {
    for (const p of profiles) {
      const t = p.traits;
      for (const [name, allowed] of Object.entries(TRAIT_VALUES)) {
        if (name in t) expect(allowed).toContain(t[name]);
      }
      expect(TAGS).toEqual(expect.arrayContaining(t.tags as string[]));
      expect([...(t.tags as string[])].sort()).toEqual(t.tags);
      if (typeof t.age === 'number') expect(t.age).toBeGreaterThanOrEqual(18);
      if (typeof t.age === 'number') expect(t.age).toBeLessThanOrEqual(74);
      const probability = t.predicted_purchase_probability as number;
      expect(probability).toBeGreaterThan(0);
      expect(probability).toBeLessThan(1);
      if (t.email_subscribed === true) expect(t.email).toBeTypeOf('string');
      if (t.sms_subscribed === true) expect(t.phone).toBeTypeOf('string');
      if (t.push_enabled === true) expect(t.platform).not.toBe('Web');
      expect(Date.parse(t.created_at as string)).toBeLessThan(NOW_MS);
    }
    for (const optional of ['email', 'phone', 'gender', 'age', 'membership_tier', 'notes']) {
      const missing = profiles.filter((p) => !(optional in p.traits)).length;
      expect(missing, optional).toBeGreaterThan(0);
      expect(missing, optional).toBeLessThan(200);
    }
  });

  it('writes track messages of planned events with planned properties of the right types', () => {
    const planned = new Map(plan.events.map((e) => [e.name, new Map(e.properties.map((p) => [p.name, p.type]))]));
    const problems: string[] = [];
    events.forEach((e, index) => {
      const keys = Object.keys(e).join(',');
      if (keys !== 'type,messageId,userId,event,properties,timestamp') problems.push(`keys ${keys}`);
      if (e.type !== 'track') problems.push(`type ${e.type}`);
      if (e.messageId !== `m${String(index).padStart(8, '0')}`) problems.push(`messageId ${e.messageId} at ${index}`);
      const properties = planned.get(e.event);
      if (properties === undefined) problems.push(`event ${e.event}`);
      for (const [name, value] of Object.entries(e.properties)) {
        if (!properties?.has(name)) problems.push(`${e.event}.${name} not planned`);
        if (!matchesType(value, properties?.get(name) ?? '')) problems.push(`${e.event}.${name}=${String(value)}`);
        const allowed = PROPERTY_VALUES[name];
        if (allowed && !allowed.includes(value)) problems.push(`${e.event}.${name}=${String(value)} not allowed`);
      }
    });
    expect(problems.slice(0, 10)).toEqual([]);
    expect(new Set(events.map((e) => e.event))).toEqual(new Set(plan.events.map((e) => e.name)));
  });

  it('writes events in time order within the year before now', () => {
    const times = events.map((e) => Date.parse(e.timestamp));
    expect(times.every((t, k) => k === 0 || t >= (times[k - 1] ?? 0))).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(NOW_MS - YEAR_MS);
    expect(times.at(-1)).toBeLessThan(NOW_MS);
    expect(events.every((e) => new Date(e.timestamp).toISOString() === e.timestamp)).toBe(true);
  });

  it('only has events of existing profiles, never before their account was created', () => {
    const created = new Map(profiles.map((p) => [p.userId, p.traits.created_at as string]));
    const strays = events.filter((e) => !created.has(e.userId) || e.timestamp < (created.get(e.userId) ?? ''));
    expect(strays).toEqual([]);
  });

  it('lists only existing profiles in the static lists', () => {
    const ids = new Set(profiles.map((p) => p.userId));
    const lists = written.audiences as { name: string; description: string; members: string[] }[];
    expect(lists.map((l) => l.name)).toEqual(['Spring Sale Attendees', 'Blocklist', 'Beta Testers']);
    for (const list of lists) {
      expect(list.members.length).toBeGreaterThan(0);
      expect(list.members.every((m) => ids.has(m))).toBe(true);
      expect(new Set(list.members).size).toBe(list.members.length);
    }
  });

  it('describes the same settings, channels and glossary words as the demo shop', () => {
    const w = written.workspace as Record<string, unknown>;
    expect(w).toMatchObject({ currency: 'USD', timezone: 'UTC', lookbackDays: 365 });
    expect(Object.keys(w.channels as object)).toEqual(['email', 'sms', 'push', 'line']);
    expect((w.glossary as { term: string }[]).map((g) => g.term)).toEqual(['active', 'engaged', 'interaction', 'recently']);
    expect(plan.events).toHaveLength(17);
    expect(plan.traits).toHaveLength(20);
  });
});
