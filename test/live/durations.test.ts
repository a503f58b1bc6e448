/**
 * Membership durations through real HTTP, with the service's clock moved by the test: a session
 * membership holds in the same session and ends with a new session number or after the timeout;
 * hours/days/weeks memberships hold after the conditions stop holding and end when they run out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_START, definition, SESSION_TIMEOUT_MS, type LiveService, type TenantApi, liveServices } from './support/live-service.js';

const services = liveServices();

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();
const SPRING_URL = 'https://shop.example/?utm_campaign=spring';
const spring = definition([{ type: 'context', field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' }]);

describe.each([['memory'], ['redis']])('membership durations, %s stores', (kind) => {
  let live: LiveService;

  beforeAll(async () => {
    live = await services.start(kind, ['session', 'timeout', 'days', 'weeks', 'hours']);
  });

  afterAll(async () => {
    await live?.stop();
  });

  /** Adds an audience at the top and returns a function matching a visitor at a clock offset from the start. */
  async function setUp(api: TenantApi, duration: Record<string, unknown>) {
    const audience = await api.create({ name: 'Spring campaign', definition: spring, duration });
    const at = async (offsetMs: number, id: string, context: Record<string, unknown>) => {
      live.clock.set(CLOCK_START + offsetMs);
      return api.match({ id: `${kind}-${id}`, context: { device: 'desktop', ...context } });
    };
    return { audience, at };
  }

  it('keeps a session membership while the session number stays the same and ends it with a new session', async () => {
    const { audience, at } = await setUp(live.tenant('session'), { unit: 'session' });
    const first = await at(0, 'a', { url: SPRING_URL, sessionCount: 2 });
    expect(first).toMatchObject({ audience: { id: audience.id }, reasons: ['URL parameter utm_campaign is spring'], until: iso(CLOCK_START + SESSION_TIMEOUT_MS) });

    // The campaign parameter is gone on the next page, but it is the same session.
    const later = await at(10 * MINUTE, 'a', { url: 'https://shop.example/cart', sessionCount: 2 });
    expect(later).toEqual({
      audience: expect.objectContaining({ id: audience.id, position: 1 }),
      reasons: ['Qualified earlier in this session'],
      // Each visit keeps the session going for another timeout.
      until: iso(CLOCK_START + 10 * MINUTE + SESSION_TIMEOUT_MS),
    });
    // A visit that does not say its session number is taken as the same session.
    expect((await at(20 * MINUTE, 'a', {})).audience?.id).toBe(audience.id);

    const nextSession = await at(25 * MINUTE, 'a', { sessionCount: 3 });
    expect(nextSession.audience?.id).toBe('default-desktop');
    // Qualifying again in the new session starts a new membership.
    expect((await at(26 * MINUTE, 'a', { url: SPRING_URL, sessionCount: 3 })).until).toBe(iso(CLOCK_START + 26 * MINUTE + SESSION_TIMEOUT_MS));
  });

  it('ends a session membership after the session timeout without a visit', async () => {
    const { audience, at } = await setUp(live.tenant('timeout'), { unit: 'session' });
    await at(0, 'b', { url: SPRING_URL, sessionCount: 1 });
    expect((await at(29 * MINUTE, 'b', { sessionCount: 1 })).audience?.id).toBe(audience.id);
    // 58 minutes after qualifying, but 29 after the last visit: still the same session.
    expect((await at(58 * MINUTE, 'b', { sessionCount: 1 })).audience?.id).toBe(audience.id);
    // More than thirty minutes after that last visit, same session number: timed out.
    const gone = await at(58 * MINUTE + SESSION_TIMEOUT_MS + MINUTE, 'b', { sessionCount: 1 });
    expect(gone.audience?.id).toBe('default-desktop');
    expect(gone.reasons).toEqual(['Device is desktop']);
  });

  it('keeps a days membership after the conditions stop holding, until it runs out, and qualifying again renews it', async () => {
    const { audience, at } = await setUp(live.tenant('days'), { unit: 'days', amount: 7 });
    expect((await at(0, 'c', { url: SPRING_URL })).until).toBe(iso(CLOCK_START + 7 * DAY));

    const held = await at(6 * DAY, 'c', { sessionCount: 9 });
    expect(held).toEqual({
      audience: expect.objectContaining({ id: audience.id, duration: { unit: 'days', amount: 7 } }),
      reasons: [`Qualified earlier; member until ${iso(CLOCK_START + 7 * DAY).slice(0, 16).replace('T', ' ')} UTC`],
      // Holding a membership does not extend it.
      until: iso(CLOCK_START + 7 * DAY),
    });
    expect((await at(7 * DAY + MINUTE, 'c', {})).audience?.id).toBe('default-desktop');

    await at(0, 'd', { url: SPRING_URL });
    expect((await at(3 * DAY, 'd', { url: SPRING_URL })).until).toBe(iso(CLOCK_START + 10 * DAY));
    expect((await at(9 * DAY, 'd', {})).audience?.id).toBe(audience.id);
    expect((await at(10 * DAY + MINUTE, 'd', {})).audience?.id).toBe('default-desktop');
  });

  it('keeps a weeks membership for whole weeks, and a changed duration applies to the next qualification', async () => {
    const api = live.tenant('weeks');
    const { audience, at } = await setUp(api, { unit: 'weeks', amount: 2 });
    expect((await at(0, 'e', { url: SPRING_URL })).until).toBe(iso(CLOCK_START + 14 * DAY));
    expect((await at(13 * DAY, 'e', {})).audience?.id).toBe(audience.id);
    expect((await at(14 * DAY + MINUTE, 'e', {})).audience?.id).toBe('default-desktop');

    const patched = await api.call<{ duration: unknown }>('PATCH', `/v1/live-audiences/${audience.id}`, { duration: { unit: 'hours', amount: 3 } });
    expect(patched.body.duration).toEqual({ unit: 'hours', amount: 3 });
    expect((await at(15 * DAY, 'e', { url: SPRING_URL })).until).toBe(iso(CLOCK_START + 15 * DAY + 3 * 60 * MINUTE));
    expect((await at(15 * DAY + 3 * 60 * MINUTE + MINUTE, 'e', {})).audience?.id).toBe('default-desktop');
  });

  it('refuses durations outside 1 to 365 units and unknown units', async () => {
    const api = live.tenant('hours');
    for (const duration of [{ unit: 'days', amount: 0 }, { unit: 'weeks', amount: 366 }, { unit: 'months', amount: 1 }, { unit: 'days' }, { unit: 'session', amount: 2 }]) {
      const res = await api.call('POST', '/v1/live-audiences', { name: 'x', definition: spring, duration });
      expect(res.status, JSON.stringify(duration)).toBe(400);
      expect(res.body.error.details?.field).toMatch(/^body\.duration/);
    }
  });
});
