/**
 * What every live-audience repository and visitor state store promises, run against the memory
 * and the Redis implementations alike.
 */
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { DEFAULT_LIVE_AUDIENCE_IDS } from '../../../src/live/default-audiences.js';
import type { LiveAudience, LiveAudienceRepository, VisitorStateStore } from '../../../src/live/types.js';

export const CLOCK_START = new Date('2026-03-01T09:00:00.000Z');

export interface OpenedLiveStores {
  liveAudiences: LiveAudienceRepository;
  visitors: VisitorStateStore;
  /** A second handle on the same storage, as another process would have (memory: the same one). */
  otherLiveAudiences: LiveAudienceRepository;
  close(): Promise<void>;
}

export interface LiveStoreOptions {
  clock: () => Date;
  traitTtlMs?: number;
}

export type OpenLiveStores = (opts: LiveStoreOptions) => Promise<OpenedLiveStores>;

let counter = 0;
/** A workspace no other test uses. */
export function freshWorkspace(): string {
  counter += 1;
  return `shop ${counter}/${Math.random().toString(36).slice(2, 8)}`;
}

export function liveAudience(id: string, overrides: Partial<LiveAudience> = {}): LiveAudience {
  return {
    id,
    name: `Audience ${id}`,
    description: 'Spring campaign visitors.',
    definition: {
      version: 1,
      root: { type: 'group', op: 'and', conditions: [{ type: 'context', field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' }] },
      exclude: [],
    },
    duration: { unit: 'days', amount: 7 },
    enabled: true,
    builtIn: false,
    createdAt: CLOCK_START.toISOString(),
    updatedAt: CLOCK_START.toISOString(),
    ...overrides,
  };
}

async function rejection(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

const ids = (list: LiveAudience[]) => list.map((a) => a.id);

export function liveStoreContract(kind: string, open: OpenLiveStores): void {
  const withStores = async (run: (s: OpenedLiveStores) => Promise<void>, opts: Partial<LiveStoreOptions> = {}) => {
    const stores = await open({ clock: () => CLOCK_START, ...opts });
    try {
      await run(stores);
    } finally {
      await stores.close();
    }
  };

  describe(`${kind} live audience repository`, () => {
    test('seeds the five defaults on first use: mobile, desktop, returning, new, then Everyone turned off', () =>
      withStores(async ({ liveAudiences }) => {
        const ws = freshWorkspace();
        const list = await liveAudiences.list(ws);
        expect(ids(list)).toEqual([...DEFAULT_LIVE_AUDIENCE_IDS]);
        expect(list.map((a) => [a.name, a.enabled])).toEqual([
          ['Mobile visitors', true],
          ['Desktop visitors', true],
          ['Returning visitors', true],
          ['New visitors', true],
          ['Everyone', false],
        ]);
        expect(list.every((a) => a.builtIn && a.duration.unit === 'session' && a.createdAt === CLOCK_START.toISOString())).toBe(true);
        expect(await liveAudiences.version(ws)).toBe(1);
      }));

    test('seeds the defaults once when first calls race, from two handles', () =>
      withStores(async ({ liveAudiences, otherLiveAudiences }) => {
        const ws = freshWorkspace();
        const [a, b, c, d] = await Promise.all([
          liveAudiences.list(ws),
          otherLiveAudiences.list(ws),
          otherLiveAudiences.version(ws),
          liveAudiences.get(ws, 'default-new'),
        ]);
        expect(ids(a)).toEqual([...DEFAULT_LIVE_AUDIENCE_IDS]);
        expect(ids(b)).toEqual([...DEFAULT_LIVE_AUDIENCE_IDS]);
        expect(c).toBe(1);
        expect(d?.name).toBe('New visitors');
        expect(ids(await liveAudiences.list(ws))).toEqual([...DEFAULT_LIVE_AUDIENCE_IDS]);
        expect(await liveAudiences.version(ws)).toBe(1);
      }));

    test('inserts at the top by default, at a given position, and at the bottom past the end', () =>
      withStores(async ({ liveAudiences }) => {
        const ws = freshWorkspace();
        await liveAudiences.save(ws, liveAudience('spring'));
        await liveAudiences.save(ws, liveAudience('third'), { position: 2 });
        await liveAudiences.save(ws, liveAudience('last'), { position: 99 });
        expect(ids(await liveAudiences.list(ws))).toEqual(['spring', 'default-mobile', 'third', 'default-desktop', 'default-returning', 'default-new', 'default-everyone', 'last']);
      }));

    test('replaces an audience in place, and keeps a default built in whatever the save says', () =>
      withStores(async ({ liveAudiences }) => {
        const ws = freshWorkspace();
        await liveAudiences.save(ws, liveAudience('spring'), { position: 3 });
        await liveAudiences.save(ws, liveAudience('spring', { name: 'Spring sale' }), { position: 0 });
        const mobile = (await liveAudiences.get(ws, 'default-mobile'))!;
        const saved = await liveAudiences.save(ws, { ...mobile, enabled: false, builtIn: false });
        expect(saved.builtIn).toBe(true);
        const list = await liveAudiences.list(ws);
        expect(ids(list).indexOf('spring')).toBe(3);
        expect(list.find((a) => a.id === 'spring')?.name).toBe('Spring sale');
        expect(list[0]).toMatchObject({ id: 'default-mobile', enabled: false, builtIn: true });
        // A custom audience cannot make itself undeletable.
        expect((await liveAudiences.save(ws, liveAudience('mine', { builtIn: true }))).builtIn).toBe(false);
        expect(await liveAudiences.delete(ws, 'mine')).toBe(true);
      }));

    test('keeps workspaces apart', () =>
      withStores(async ({ liveAudiences }) => {
        const [one, two] = [freshWorkspace(), freshWorkspace()];
        await liveAudiences.save(one, liveAudience('spring'));
        expect(ids(await liveAudiences.list(two))).toEqual([...DEFAULT_LIVE_AUDIENCE_IDS]);
        expect(await liveAudiences.get(two, 'spring')).toBeUndefined();
      }));

    test('reorders to exactly the order given', () =>
      withStores(async ({ liveAudiences }) => {
        const ws = freshWorkspace();
        await liveAudiences.save(ws, liveAudience('spring'));
        const order = ['default-everyone', 'default-new', 'spring', 'default-returning', 'default-desktop', 'default-mobile'];
        expect(ids(await liveAudiences.reorder(ws, order))).toEqual(order);
        expect(ids(await liveAudiences.list(ws))).toEqual(order);
      }));

    test('refuses an order that leaves out, invents or repeats an audience, naming them, and changes nothing', () =>
      withStores(async ({ liveAudiences }) => {
        const ws = freshWorkspace();
        const before = await liveAudiences.list(ws);
        const version = await liveAudiences.version(ws);
        const error = await rejection(() =>
          liveAudiences.reorder(ws, ['default-mobile', 'default-mobile', 'default-desktop', 'default-returning', 'winter']),
        );
        expect(error.code).toBe('invalid_input');
        expect(error.details).toEqual({ missing: ['default-new', 'default-everyone'], unknown: ['winter'], duplicate: ['default-mobile'] });
        for (const id of ['default-new', 'default-everyone', 'winter', 'default-mobile']) expect(error.message).toContain(id);
        const shortError = await rejection(() => liveAudiences.reorder(ws, [...DEFAULT_LIVE_AUDIENCE_IDS].slice(1)));
        expect(shortError.details).toMatchObject({ missing: ['default-mobile'], unknown: [], duplicate: [] });
        expect(await liveAudiences.list(ws)).toEqual(before);
        expect(await liveAudiences.version(ws)).toBe(version);
      }));

    test('refuses to delete a default (not_allowed, not worth retrying); deletes a team audience once', () =>
      withStores(async ({ liveAudiences }) => {
        const ws = freshWorkspace();
        const error = await rejection(() => liveAudiences.delete(ws, 'default-everyone'));
        expect(error.code).toBe('not_allowed');
        expect(error.message).toContain('"Everyone" is one of the default live audiences');
        await liveAudiences.save(ws, liveAudience('spring'));
        expect(await liveAudiences.delete(ws, 'spring')).toBe(true);
        expect(await liveAudiences.delete(ws, 'spring')).toBe(false);
        expect(await liveAudiences.delete(ws, 'never-there')).toBe(false);
        expect(ids(await liveAudiences.list(ws))).toEqual([...DEFAULT_LIVE_AUDIENCE_IDS]);
      }));

    test('moves the version on every write and only then', () =>
      withStores(async ({ liveAudiences, otherLiveAudiences }) => {
        const ws = freshWorkspace();
        const seen = [await liveAudiences.version(ws)];
        await liveAudiences.save(ws, liveAudience('spring'));
        seen.push(await otherLiveAudiences.version(ws));
        await liveAudiences.save(ws, liveAudience('spring', { enabled: false }));
        seen.push(await liveAudiences.version(ws));
        await liveAudiences.reorder(ws, ids(await liveAudiences.list(ws)).reverse());
        seen.push(await liveAudiences.version(ws));
        await liveAudiences.delete(ws, 'spring');
        seen.push(await liveAudiences.version(ws));
        await liveAudiences.list(ws);
        await liveAudiences.get(ws, 'default-new');
        await liveAudiences.delete(ws, 'spring');
        seen.push(await liveAudiences.version(ws));
        expect(seen).toEqual([1, 2, 3, 4, 5, 5]);
      }));
  });

  describe(`${kind} visitor state store`, () => {
    test('keeps a membership until it ends, by the caller\'s clock', () =>
      withStores(async ({ visitors }) => {
        const ws = freshWorkspace();
        const now = CLOCK_START.getTime();
        await visitors.writeMemberships(ws, 'v1', [
          { audienceId: 'spring', until: now + 60_000 },
          { audienceId: 'default-mobile', until: now + 1_000, session: 3 },
        ], now);
        expect((await visitors.read(ws, 'v1', now)).memberships).toEqual(expect.arrayContaining([
          { audienceId: 'spring', until: now + 60_000 },
          { audienceId: 'default-mobile', until: now + 1_000, session: 3 },
        ]));
        expect((await visitors.read(ws, 'v1', now + 999)).memberships).toHaveLength(2);
        expect((await visitors.read(ws, 'v1', now + 1_000)).memberships).toEqual([{ audienceId: 'spring', until: now + 60_000 }]);
        expect((await visitors.read(ws, 'v1', now + 60_000)).memberships).toEqual([]);
        expect((await visitors.read(ws, 'v2', now)).memberships).toEqual([]);
      }));

    test('replaces the membership of an audience written again and keeps the others', () =>
      withStores(async ({ visitors }) => {
        const ws = freshWorkspace();
        const now = CLOCK_START.getTime();
        await visitors.writeMemberships(ws, 'v1', [{ audienceId: 'a', until: now + 10_000, session: 1 }, { audienceId: 'b', until: now + 20_000 }], now);
        await visitors.writeMemberships(ws, 'v1', [{ audienceId: 'a', until: now + 40_000, session: 2 }], now + 5_000);
        const { memberships } = await visitors.read(ws, 'v1', now + 5_000);
        expect(memberships.sort((x, y) => x.audienceId.localeCompare(y.audienceId))).toEqual([
          { audienceId: 'a', until: now + 40_000, session: 2 },
          { audienceId: 'b', until: now + 20_000 },
        ]);
      }));

    test('reads the live list version with the visitor, 0 before the list is used', () =>
      withStores(async ({ liveAudiences, visitors }) => {
        const ws = freshWorkspace();
        const now = CLOCK_START.getTime();
        expect((await visitors.read(ws, 'v1', now)).version).toBe(0);
        await liveAudiences.save(ws, liveAudience('spring'));
        const state = await visitors.read(ws, 'v1', now);
        expect(state.version).toBe(await liveAudiences.version(ws));
        expect(state.version).toBe(2);
      }));

    test('records a visitor\'s answers, merging with earlier ones', () =>
      withStores(async ({ visitors }) => {
        const ws = freshWorkspace();
        expect(await visitors.recordTraits(ws, 'v1', { shopping_for: 'cat', budget: 40 })).toEqual({ shopping_for: 'cat', budget: 40 });
        expect(await visitors.recordTraits(ws, 'v1', { shopping_for: 'dog', newsletter: true, pets: ['dog', 'fish'] })).toEqual({
          shopping_for: 'dog', budget: 40, newsletter: true, pets: ['dog', 'fish'],
        });
        expect(await visitors.recordTraits(ws, 'v1', {})).toEqual({ shopping_for: 'dog', budget: 40, newsletter: true, pets: ['dog', 'fish'] });
        expect((await visitors.read(ws, 'v1', CLOCK_START.getTime())).traits).toEqual({ shopping_for: 'dog', budget: 40, newsletter: true, pets: ['dog', 'fish'] });
        expect((await visitors.read(ws, 'v2', CLOCK_START.getTime())).traits).toEqual({});
      }));

    test('catalogs recorded traits by name with their type and up to 50 distinct values', () =>
      withStores(async ({ visitors }) => {
        const ws = freshWorkspace();
        await visitors.recordTraits(ws, 'v1', { shopping_for: 'cat', budget: 40, pets: ['dog', 'fish'], newsletter: true });
        await visitors.recordTraits(ws, 'v2', { shopping_for: 'cat', pets: ['cat', 'dog'] });
        for (let i = 0; i < 60; i += 1) await visitors.recordTraits(ws, `v${i + 3}`, { coupon: `CODE${i}` });
        const catalog = await visitors.traitCatalog(ws);
        expect(catalog.map((t) => t.name)).toEqual(['budget', 'coupon', 'newsletter', 'pets', 'shopping_for']);
        expect(catalog.find((t) => t.name === 'shopping_for')).toEqual({ name: 'shopping_for', type: 'string', values: ['cat'] });
        expect(catalog.find((t) => t.name === 'pets')).toEqual({ name: 'pets', type: 'array', values: ['dog', 'fish', 'cat'] });
        expect(catalog.find((t) => t.name === 'budget')).toEqual({ name: 'budget', type: 'number', values: [] });
        expect(catalog.find((t) => t.name === 'newsletter')).toEqual({ name: 'newsletter', type: 'boolean', values: [] });
        const coupon = catalog.find((t) => t.name === 'coupon')!;
        expect(coupon.values).toHaveLength(50);
        expect(coupon.values.slice(0, 2)).toEqual(['CODE0', 'CODE1']);
        expect(await visitors.traitCatalog(freshWorkspace())).toEqual([]);
      }));
  });
}
