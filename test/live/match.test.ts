/**
 * `POST /v1/match` through real HTTP with the shop workspace, on memory and on Redis stores:
 * the ordered list (first match wins, reordering), every kind of context condition, behaviour
 * conditions answered from the shop's history, self-segmentation, batches and malformed visitors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContextCondition, EventCondition, TraitCondition } from '../../src/definition/schema.js';
import type { MatchResult } from '../../src/live/types.js';
import { SHOP_NOW } from '../helpers/shop.js';
import { audienceDefinition, CLOCK_START, definition, SESSION_TIMEOUT_MS, type LiveService, liveServices } from './support/live-service.js';

const services = liveServices();

const TENANTS = ['defaults', 'order', 'context', 'history', 'self', 'batch', 'malformed', 'disabled'];
const DEFAULT_IDS = ['default-mobile', 'default-desktop', 'default-returning', 'default-new', 'default-everyone'];

/** Each context condition with a visit it matches and one it does not. */
const CONTEXT_CASES: { condition: ContextCondition; yes: Record<string, unknown>; no: Record<string, unknown> }[] = [
  { condition: { type: 'context', field: 'device', op: 'in', value: ['tablet'] }, yes: { device: 'tablet' }, no: { device: 'desktop' } },
  {
    condition: { type: 'context', field: 'device', op: 'not_in', value: ['desktop'] },
    yes: { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1' },
    no: { device: 'desktop' },
  },
  { condition: { type: 'context', field: 'country', op: 'in', value: ['DE', 'AT'] }, yes: { country: 'de' }, no: { country: 'FR' } },
  { condition: { type: 'context', field: 'city', op: 'in', value: ['Berlin'] }, yes: { city: 'berlin' }, no: { city: 'Munich' } },
  { condition: { type: 'context', field: 'os', op: 'in', value: ['iOS'] }, yes: { os: 'iOS' }, no: { os: 'Android' } },
  { condition: { type: 'context', field: 'browser', op: 'not_in', value: ['Safari'] }, yes: { browser: 'Chrome' }, no: { browser: 'Safari' } },
  { condition: { type: 'context', field: 'url', op: 'eq', value: 'https://shop.example/sale' }, yes: { url: 'https://SHOP.example/sale' }, no: { url: 'https://shop.example/sale/shoes' } },
  { condition: { type: 'context', field: 'url', op: 'contains', value: '/products/' }, yes: { url: 'https://shop.example/products/cat-tree' }, no: { url: 'https://shop.example/cart' } },
  { condition: { type: 'context', field: 'url', op: 'starts_with', value: 'https://shop.example/blog' }, yes: { url: 'https://shop.example/blog/cats' }, no: { url: 'https://shop.example/products/blog' } },
  { condition: { type: 'context', field: 'url', op: 'matches', value: '/products/[a-z]+-\\d+$' }, yes: { url: 'https://shop.example/products/dog-002' }, no: { url: 'https://shop.example/products/dog' } },
  { condition: { type: 'context', field: 'url', op: 'not_contains', value: 'checkout' }, yes: {}, no: { url: 'https://shop.example/checkout' } },
  { condition: { type: 'context', field: 'referrer', op: 'contains', value: 'google.' }, yes: { referrer: 'https://www.google.de/search?q=cat' }, no: { referrer: 'https://bing.com/' } },
  { condition: { type: 'context', field: 'referrer', op: 'exists' }, yes: { referrer: 'https://news.example/' }, no: { url: 'https://shop.example/' } },
  { condition: { type: 'context', field: 'url_param', name: 'utm_source', op: 'in', value: ['newsletter'] }, yes: { url: 'https://shop.example/?utm_source=Newsletter' }, no: { url: 'https://shop.example/?utm_source=ads' } },
  { condition: { type: 'context', field: 'url_param', name: 'utm_campaign', op: 'contains', value: 'spring' }, yes: { url: 'https://shop.example/?utm_campaign=big-spring-sale' }, no: { url: 'https://shop.example/?utm_content=spring' } },
  { condition: { type: 'context', field: 'url_param', name: 'gclid', op: 'exists' }, yes: { url: 'https://shop.example/?gclid=abc' }, no: { url: 'https://shop.example/' } },
  { condition: { type: 'context', field: 'cookie', name: 'plan', op: 'eq', value: 'pro' }, yes: { cookies: { plan: 'PRO' } }, no: { cookies: { plan: 'free' } } },
  { condition: { type: 'context', field: 'cookie', name: 'consent', op: 'not_exists' }, yes: { cookies: { plan: 'pro' } }, no: { cookies: { consent: 'yes' } } },
  { condition: { type: 'context', field: 'local_time', op: 'between', value: ['22:00', '06:00'] }, yes: { localTime: '2026-11-23T23:30:00' }, no: { localTime: '2026-11-23T12:00:00+01:00' } },
  { condition: { type: 'context', field: 'day_of_week', op: 'in', value: ['saturday', 'sunday'] }, yes: { localTime: '2026-11-28T09:00:00' }, no: { localTime: '2026-11-25T09:00:00' } },
  { condition: { type: 'context', field: 'session_count', op: 'gte', value: 5 }, yes: { sessionCount: 7 }, no: { sessionCount: 2 } },
];

describe.each([['memory'], ['redis']])('live matching over HTTP, %s stores', (kind) => {
  let live: LiveService;
  let visitors = 0;
  /** A visitor id no other test uses, so memberships never leak between tests. */
  const visitor = (context: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({ id: `${kind}-v${visitors++}`, context, ...extra });

  beforeAll(async () => {
    live = await services.start(kind, TENANTS);
  });

  afterAll(async () => {
    await live?.stop();
  });

  it('starts every workspace with the defaults in order and gives a phone visitor the mobile audience until the session ends', async () => {
    const api = live.tenant('defaults');
    const list = await api.list();
    expect(list.map((a) => [a.id, a.position, a.builtIn, a.enabled])).toEqual(
      DEFAULT_IDS.map((id, i) => [id, i + 1, true, id !== 'default-everyone']),
    );
    expect(list[0]!.explanation).toEqual(['Device is mobile']);
    live.clock.set(CLOCK_START);
    expect(await api.match(visitor({ device: 'mobile' }))).toEqual({
      audience: { id: 'default-mobile', name: 'Mobile visitors', description: list[0]!.description, duration: { unit: 'session' }, position: 1 },
      reasons: ['Device is mobile'],
      until: new Date(CLOCK_START + SESSION_TIMEOUT_MS).toISOString(),
    });
    expect((await api.match(visitor({ device: 'tablet', sessionCount: 3 }))).audience?.id).toBe('default-returning');
    expect((await api.match(visitor({ device: 'tablet' }))).audience?.id).toBe('default-new');
  });

  it('gives a visitor who meets several audiences the highest one, and the order set through the API decides', async () => {
    const api = live.tenant('order');
    const spring = await api.create({ name: 'Spring campaign', definition: definition([{ type: 'context', field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' }]) });
    const german = await api.create({ name: 'German visitors', definition: definition([{ type: 'context', field: 'country', op: 'in', value: ['DE'] }]) });
    expect([spring.position, german.position]).toEqual([1, 1]);
    expect((await api.list()).slice(0, 2).map((a) => a.id)).toEqual([german.id, spring.id]);
    const context = { country: 'DE', device: 'mobile', url: 'https://shop.example/?utm_campaign=spring' };

    const before = await api.match(visitor(context));
    expect(before.audience).toMatchObject({ id: german.id, position: 1 });
    expect(before.reasons).toEqual(['Visit country is DE']);

    const ids = (await api.list()).map((a) => a.id);
    const reordered = await api.order([spring.id, german.id, ...ids.filter((id) => id !== spring.id && id !== german.id)]);
    expect(reordered.slice(0, 2).map((a) => [a.id, a.position])).toEqual([[spring.id, 1], [german.id, 2]]);

    const after = await api.match(visitor(context));
    expect(after.audience).toMatchObject({ id: spring.id, position: 1 });
    expect(after.reasons).toEqual(['URL parameter utm_campaign is spring']);
    // Without the campaign the German audience is next, ahead of the mobile default.
    expect((await api.match(visitor({ country: 'DE', device: 'mobile' }))).audience?.id).toBe(german.id);
    // Moving mobile to the top puts it first for the same visit.
    await api.order(['default-mobile', ...(await api.list()).map((a) => a.id).filter((id) => id !== 'default-mobile')]);
    expect((await api.match(visitor(context))).audience?.id).toBe('default-mobile');
  });

  it('decides every kind of context condition in the visit (device, place, OS, browser, URL, referrer, URL parameters, cookies, local time and day, session count)', async () => {
    const api = live.tenant('context');
    for (const { condition, yes, no } of CONTEXT_CASES) {
      const created = await api.create({ name: `Only ${condition.field}`, definition: definition([condition]) });
      const hit = await api.match(visitor(yes));
      const label = JSON.stringify(condition);
      expect(hit.audience?.id, `${label} should match ${JSON.stringify(yes)}`).toBe(created.id);
      expect(hit.reasons, label).toEqual(created.explanation);
      const miss = await api.match(visitor(no));
      expect(miss.audience?.id, `${label} should not match ${JSON.stringify(no)}`).not.toBe(created.id);
      expect((await api.call('DELETE', `/v1/live-audiences/${created.id}`)).status).toBe(204);
    }
  });

  it('names only the conditions that held when any one of them is enough', async () => {
    const api = live.tenant('context');
    const created = await api.create({
      name: 'Tablet or Germany',
      definition: definition([{ type: 'context', field: 'device', op: 'in', value: ['tablet'] }, { type: 'context', field: 'country', op: 'in', value: ['DE'] }], 'or'),
    });
    const result = await api.match(visitor({ device: 'desktop', country: 'DE' }));
    expect(result.audience?.id).toBe(created.id);
    expect(created.explanation).toEqual(['Device is tablet', 'Or visit country is DE']);
    expect(result.reasons).toEqual(['Visit country is DE']);
    expect((await api.call('DELETE', `/v1/live-audiences/${created.id}`)).status).toBe(204);
  });

  it("answers behaviour and profile conditions from the shop's history at the reference time, one visitor at a time", async () => {
    const api = live.tenant('history');
    const recentOrder: EventCondition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 1 }, window: { kind: 'last', amount: 30, unit: 'days' } };
    const noOrder: EventCondition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'eq', value: 0 } };
    const gold: TraitCondition = { type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' };
    const audience = await api.create({ name: 'Recent buyers on desktop', definition: definition([recentOrder, { type: 'context', field: 'device', op: 'in', value: ['desktop'] }]), position: 0 });
    const goldAudience = await api.create({ name: 'Gold members', definition: definition([gold]), position: 1 });

    const buyersAtReference = new Set(await services.shop.engine.memberIds(audienceDefinition([recentOrder]), { now: SHOP_NOW }));
    const buyersAtClock = new Set(await services.shop.engine.memberIds(audienceDefinition([recentOrder]), { now: new Date(live.clock.now()) }));
    const neverOrdered = await services.shop.engine.memberIds(audienceDefinition([noOrder, { type: 'trait', trait: 'membership_tier', op: 'not_exists' }]), { now: SHOP_NOW });
    // Gold members who did not buy recently, so the first audience cannot take them.
    const goldIds = await services.shop.engine.memberIds(audienceDefinition([gold, { ...recentOrder, count: { op: 'eq', value: 0 } }]), { now: SHOP_NOW });
    // A buyer whose order counts at the reference time but not 30 days before the service's clock.
    const buyer = [...buyersAtReference].find((id) => !buyersAtClock.has(id));
    expect(buyer, 'the shop has a buyer of the last 30 days before 2026-11-01 who did not buy after').toBeDefined();
    expect(neverOrdered.length).toBeGreaterThan(0);
    expect(goldIds.length).toBeGreaterThan(0);

    const bought = await api.match({ id: buyer!, context: { device: 'desktop', sessionCount: 1 } });
    expect(bought.audience?.id).toBe(audience.id);
    expect(bought.reasons).toEqual(audience.explanation);
    expect(bought.reasons[0]).toMatch(/Order Completed/);
    // In a later session on a phone the context no longer holds (and the session membership has ended).
    expect((await api.match({ id: buyer!, context: { device: 'mobile', sessionCount: 2 } })).audience?.id).toBe('default-mobile');
    expect((await api.match({ id: neverOrdered[0]!, context: { device: 'desktop' } })).audience?.id).toBe('default-desktop');
    const member = await api.match({ id: goldIds[0]!, context: { device: 'desktop' } });
    expect(member.audience?.id).toBe(goldAudience.id);
    expect(member.reasons).toEqual(goldAudience.explanation);
    // Someone the shop has never seen has no history and no traits.
    expect((await api.match({ id: 'not-a-shop-profile', context: { device: 'desktop' } })).audience?.id).toBe('default-desktop');
  });

  it("records a visitor's own answer and lets a definition use it (self-segmentation)", async () => {
    const api = live.tenant('self');
    const forCats = definition([{ type: 'trait', trait: 'shopping_for', op: 'eq', value: 'cat' }]);
    const early = await api.call('POST', '/v1/live-audiences', { name: 'Shopping for a cat', definition: forCats });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('unknown_reference');

    const catVisitor = `${kind}-cat-person`;
    const recorded = await api.call<{ traits: Record<string, unknown> }>('PUT', `/v1/visitors/${catVisitor}/traits`, { traits: { shopping_for: 'cat' } });
    expect(recorded).toEqual({ status: 200, body: { traits: { shopping_for: 'cat' } } });
    await api.call('PUT', `/v1/visitors/${kind}-dog-person/traits`, { traits: { shopping_for: 'dog' } });

    const audience = await api.create({ name: 'Shopping for a cat', definition: forCats });
    const cat = await api.match({ id: catVisitor, context: { device: 'desktop' } });
    expect(cat.audience?.id).toBe(audience.id);
    expect(cat.reasons).toEqual(audience.explanation);
    expect((await api.match({ id: `${kind}-dog-person`, context: { device: 'desktop' } })).audience?.id).toBe('default-desktop');
    // A trait the site sends for this visit wins over the recorded answer.
    expect((await api.match({ id: `${kind}-cat-person-2`, context: { device: 'desktop' }, traits: { shopping_for: 'cat' } })).audience?.id).toBe(audience.id);
  });

  it('answers a batch in the order sent, visits of one visitor one after the other', async () => {
    const api = live.tenant('batch');
    const campaign = await api.create({ name: 'Spring', definition: definition([{ type: 'context', field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' }]) });
    const same = `${kind}-batch-repeat`;
    const res = await api.call<{ results: MatchResult[] }>('POST', '/v1/match/batch', {
      visitors: [
        visitor({ device: 'mobile' }),
        visitor({ device: 'desktop', sessionCount: 4 }),
        { id: same, context: { device: 'desktop', url: 'https://shop.example/?utm_campaign=spring' } },
        { id: same, context: { device: 'desktop' } },
        visitor({ device: 'tablet' }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.audience?.id ?? null)).toEqual(['default-mobile', 'default-desktop', campaign.id, campaign.id, 'default-new']);
    expect(res.body.results[3]!.reasons).toEqual(['Qualified earlier in this session']);

    const hundred = Array.from({ length: 100 }, (_v, i) => visitor({ device: i % 2 ? 'mobile' : 'desktop' }));
    const big = await api.call<{ results: MatchResult[] }>('POST', '/v1/match/batch', { visitors: hundred });
    expect(big.status).toBe(200);
    expect(big.body.results.map((r) => r.audience?.id)).toEqual(hundred.map((_v, i) => (i % 2 ? 'default-mobile' : 'default-desktop')));
  });

  it('refuses a malformed visitor with a 400 naming the field', async () => {
    const api = live.tenant('malformed');
    const cases: [unknown, string, RegExp][] = [
      [{ visitor: { id: 'v1', context: { device: 'phone' } } }, 'body.visitor.context.device', /desktop/],
      [{ visitor: { id: 'v1', context: { devise: 'mobile' } } }, 'body.visitor.context.devise', /not a known field/],
      [{ visitor: { context: { device: 'mobile' } } }, 'body.visitor.id', /required/],
      [{ visitor: { id: 'has space' } }, 'body.visitor.id', /letters, digits/],
      [{ visitor: { id: 'v1', context: { url: 'javascript:alert(1)' } } }, 'body.visitor.context.url', /./],
      [{ visitor: { id: 'v1', context: { country: 'Germany' } } }, 'body.visitor.context.country', /two-letter/],
      [{ visitor: { id: 'v1', context: { localTime: 'tomorrow' } } }, 'body.visitor.context.localTime', /local date and time/],
      [{ visitor: { id: 'v1', context: { sessionCount: 0 } } }, 'body.visitor.context.sessionCount', /./],
      [{ visitor: { id: 'v1', context: { cookies: { plan: 3 } } } }, 'body.visitor.context.cookies.plan', /string/],
      [{ visitor: { id: 'v1', traits: { tags: [1] } } }, 'body.visitor.traits.tags', /./],
      [{ visitors: [] }, 'body.visitor', /required/],
    ];
    for (const [body, field, message] of cases) {
      const res = await api.call('POST', '/v1/match', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.details?.field, JSON.stringify(body)).toBe(field);
      expect(res.body.error.message).toContain(field);
      expect(res.body.error.message).toMatch(message);
    }
    const batch = [visitor(), visitor(), visitor(), { id: 'v4', context: { url: 'not a url' } }];
    const badBatch = await api.call('POST', '/v1/match/batch', { visitors: batch });
    expect(badBatch.status).toBe(400);
    expect(badBatch.body.error.details?.field).toBe('body.visitors.3.context.url');
    expect((await api.call('POST', '/v1/match/batch', { visitors: [] })).body.error.details?.field).toBe('body.visitors');
    const tooMany = await api.call('POST', '/v1/match/batch', { visitors: Array.from({ length: 101 }, () => visitor()) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details?.field).toBe('body.visitors');
    const noTraits = await api.call('PUT', '/v1/visitors/v1/traits', { traits: {} });
    expect([noTraits.status, noTraits.body.error.details?.field]).toEqual([400, 'body.traits']);
    const badId = await api.call('PUT', '/v1/visitors/%20x/traits', { traits: { a: 'b' } });
    expect([badId.status, badId.body.error.details?.field]).toEqual([400, 'params.id']);
  });

  it('never matches a disabled audience, and with nothing left a visitor gets the default experience', async () => {
    const api = live.tenant('disabled');
    for (const id of ['default-new', 'default-returning']) {
      expect((await api.call('PATCH', `/v1/live-audiences/${id}`, { enabled: false })).status).toBe(200);
    }
    expect(await api.match(visitor({ device: 'tablet' }))).toEqual({ audience: null, reasons: [], until: null });
    expect((await api.call('PATCH', '/v1/live-audiences/default-everyone', { enabled: true })).status).toBe(200);
    expect((await api.match(visitor({ device: 'tablet' }))).audience?.id).toBe('default-everyone');
  });
});
