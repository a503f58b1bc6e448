/**
 * The live-audience list through the REST API, on memory and on Redis stores: add at a
 * position, read, edit, reorder, delete; definitions checked against the shop's catalog; the
 * built-in defaults cannot be deleted; each API key's workspace keeps its own list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveAudienceView } from '../../src/server/routes/live.js';
import { definition, type LiveService, liveServices } from '../live/support/live-service.js';

const services = liveServices();

const mobile = definition([{ type: 'context', field: 'device', op: 'in', value: ['mobile'] }]);
const bigSpenders = definition([
  { type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'total', op: 'gte', value: 500 },
  { type: 'context', field: 'url', op: 'contains', value: '/checkout' },
]);

describe.each([['memory'], ['redis']])('live audiences API, %s stores', (kind) => {
  let live: LiveService;

  beforeAll(async () => {
    live = await services.start(kind, ['crud', 'errors', 'acme', 'globex']);
  });

  afterAll(async () => {
    await live?.stop();
  });

  it('adds an audience at the top by default or at a position, with defaults for duration and enabled, and its conditions in words', async () => {
    const api = live.tenant('crud');
    const created = await api.create({ name: ' Big spenders at checkout ', definition: bigSpenders });
    expect(created).toMatchObject({
      name: 'Big spenders at checkout',
      description: '',
      duration: { unit: 'session' },
      enabled: true,
      builtIn: false,
      position: 1,
      explanation: ['Total spend (sum of Order Completed.total) is at least $500', 'Page URL contains /checkout'],
    });
    expect(created.createdAt).toBe(new Date(live.clock.now()).toISOString());
    const third = await api.create({ name: 'Phones, weekly', definition: mobile, duration: { unit: 'weeks', amount: 1 }, enabled: false, position: 2 });
    expect(third.position).toBe(3);
    const bottom = await api.create({ name: 'Last', description: 'Catch-all', definition: mobile, position: 999 });
    const list = await api.list();
    expect(list.map((a) => a.id)).toEqual([created.id, 'default-mobile', third.id, 'default-desktop', 'default-returning', 'default-new', 'default-everyone', bottom.id]);
    expect(list.map((a) => a.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const got = await api.call<LiveAudienceView>('GET', `/v1/live-audiences/${third.id}`);
    expect(got.body).toMatchObject({ id: third.id, position: 3, enabled: false, duration: { unit: 'weeks', amount: 1 } });
  });

  it('edits name, description, definition, duration and enabled, keeping the place in the order', async () => {
    const api = live.tenant('crud');
    const [first] = await api.list();
    live.clock.advance(60_000);
    const res = await api.call<LiveAudienceView>('PATCH', `/v1/live-audiences/${first!.id}`, {
      name: 'Phone checkouts', description: 'Mobile at checkout', definition: mobile, duration: { unit: 'days', amount: 3 }, enabled: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: first!.id, name: 'Phone checkouts', description: 'Mobile at checkout', duration: { unit: 'days', amount: 3 }, enabled: false, position: 1, explanation: ['Device is mobile'], createdAt: first!.createdAt });
    expect(res.body.updatedAt).toBe(new Date(live.clock.now()).toISOString());
    // Built-in audiences can be edited and turned off too.
    const builtIn = await api.call<LiveAudienceView>('PATCH', '/v1/live-audiences/default-new', { name: 'First-timers' });
    expect(builtIn.body).toMatchObject({ name: 'First-timers', builtIn: true, position: 6 });
  });

  it('reorders the list when given every id once and refuses anything else', async () => {
    const api = live.tenant('crud');
    const ids = (await api.list()).map((a) => a.id);
    const reversed = [...ids].reverse();
    expect((await api.order(reversed)).map((a) => [a.id, a.position])).toEqual(reversed.map((id, i) => [id, i + 1]));
    expect((await api.list()).map((a) => a.id)).toEqual(reversed);

    for (const bad of [reversed.slice(1), [...reversed, reversed[0]!], [...reversed.slice(1), 'no-such-audience']]) {
      const res = await api.call('PUT', '/v1/live-audiences/order', { ids: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect((await api.call('PUT', '/v1/live-audiences/order', { ids: [] })).body.error.details?.field).toBe('body.ids');
    expect((await api.list()).map((a) => a.id)).toEqual(reversed);
  });

  it('deletes an added audience, refuses to delete a built-in one (409) and answers 404 for unknown ids', async () => {
    const api = live.tenant('crud');
    const added = await api.create({ name: 'Temporary', definition: mobile });
    expect((await api.call('DELETE', `/v1/live-audiences/${added.id}`)).status).toBe(204);
    expect((await api.call('GET', `/v1/live-audiences/${added.id}`)).status).toBe(404);
    expect((await api.list()).some((a) => a.id === added.id)).toBe(false);

    const builtIn = await api.call('DELETE', '/v1/live-audiences/default-mobile');
    expect(builtIn.status).toBe(409);
    expect(builtIn.body.error).toMatchObject({ code: 'not_allowed', retryable: false });
    expect(builtIn.body.error.message).toMatch(/default live audiences.*turned off/);
    expect((await api.list()).some((a) => a.id === 'default-mobile')).toBe(true);

    for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'x' }], ['DELETE', undefined]] as const) {
      const res = await api.call(method, '/v1/live-audiences/no-such-audience', body);
      expect(res.status, method).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it("checks definitions against the workspace's catalog before saving them", async () => {
    const api = live.tenant('errors');
    const before = (await api.list()).map((a) => a.id);
    const unknownEvent = await api.call('POST', '/v1/live-audiences', { name: 'x', definition: definition([{ type: 'event', events: ['Order Complete'], count: { op: 'gte', value: 1 } }]) });
    expect(unknownEvent.status).toBe(422);
    expect(unknownEvent.body.error.code).toBe('unknown_reference');
    expect(unknownEvent.body.error.message).toMatch(/Order Completed/);

    const badContext = await api.call('POST', '/v1/live-audiences', { name: 'x', definition: definition([{ type: 'context', field: 'device', op: 'in', value: ['phone'] }]) });
    expect([badContext.status, badContext.body.error.code]).toEqual([422, 'invalid_definition']);

    const patch = await api.call('PATCH', '/v1/live-audiences/default-mobile', { definition: definition([{ type: 'trait', trait: 'no_such_trait', op: 'exists' }]) });
    expect([patch.status, patch.body.error.code]).toEqual([422, 'unknown_reference']);
    expect((await api.call('PATCH', '/v1/live-audiences/default-mobile', {})).status).toBe(400);
    expect((await api.call('POST', '/v1/live-audiences', { definition: mobile })).body.error.details?.field).toBe('body.name');
    expect((await api.call('POST', '/v1/live-audiences', { name: 'x', definition: mobile, colour: 'red' })).body.error.details?.field).toBe('body.colour');
    expect((await api.list()).map((a) => a.id)).toEqual(before);
  });

  it("keeps each workspace's list to itself", async () => {
    const acme = live.tenant('acme');
    const globex = live.tenant('globex');
    const mine = await acme.create({ name: 'Acme only', definition: mobile });
    expect((await globex.call('GET', `/v1/live-audiences/${mine.id}`)).status).toBe(404);
    expect((await globex.call('DELETE', `/v1/live-audiences/${mine.id}`)).status).toBe(404);
    expect((await globex.list()).some((a) => a.id === mine.id)).toBe(false);
    expect((await globex.match({ id: 'shared-visitor', context: { device: 'mobile' } })).audience?.id).toBe('default-mobile');
    expect((await acme.match({ id: 'shared-visitor', context: { device: 'mobile' } })).audience?.id).toBe(mine.id);
  });

  it('describes every live route in /openapi.json', async () => {
    const doc = (await (await fetch(`${live.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/v1/live-audiences']!).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/v1/live-audiences']!.post!.responses['201']).toBeDefined();
    expect(Object.keys(doc.paths['/v1/live-audiences/{id}']!).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.paths['/v1/live-audiences/order']!.put!.requestBody).toBeDefined();
    expect(doc.paths['/v1/match']!.post!.requestBody).toBeDefined();
    expect(doc.paths['/v1/match/batch']!.post!.requestBody).toBeDefined();
    expect(doc.paths['/v1/visitors/{id}/traits']!.put!.requestBody).toBeDefined();
    expect(JSON.stringify(doc)).toContain('"Visitor"');
  });
});
