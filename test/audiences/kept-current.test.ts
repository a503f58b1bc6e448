/**
 * Saved audiences kept current, over real HTTP: counted on demand and on a schedule, each count
 * kept with who entered and who left since the one before, served as history; another
 * workspace sees none of it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/cli/commands/serve.js';
import type { AudienceCount } from '../../src/audiences/history/types.js';
import { api, eventually, freshHome, one, OTHER_API_KEY, send, sizeOf, startIngesting } from '../ingest/support.js';

let home: string;
let svc: RunningService;

beforeAll(async () => {
  home = freshHome();
  svc = await startIngesting(home, { AUDIENCE_REFRESH_MIN_MS: '500', AUDIENCE_REFRESH_TICK_MS: '100' });
});

afterAll(async () => {
  await svc?.stop();
  rmSync(home, { recursive: true, force: true });
});

const icelanders = one({ type: 'trait', trait: 'country', op: 'eq', value: 'IS' });

async function moveTo(country: string, ...users: string[]): Promise<void> {
  const before = await sizeOf(svc.url, icelanders);
  await send(svc.url, '/v1/batch', { batch: users.map((userId) => ({ type: 'identify', userId, traits: { country } })) });
  await eventually('the moves', () => sizeOf(svc.url, icelanders), (n) => n !== before);
}

describe('a saved audience kept current', () => {
  it('keeps each count with who entered and who left since the previous one', async () => {
    const created = await api<{ id: string }>(svc.url, '/v1/audiences', { name: 'Icelanders', definition: icelanders });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const first = await api<AudienceCount>(svc.url, `/v1/audiences/${id}/refresh`, {});
    expect(first).toMatchObject({ status: 201, body: { seq: 1, trigger: 'on_demand', size: 0, entered: 0, exited: 0 } });

    await moveTo('IS', 'u00011', 'u00012');
    const second = (await api<AudienceCount>(svc.url, `/v1/audiences/${id}/refresh`, {})).body;
    expect(second).toMatchObject({ seq: 2, size: 2, entered: 2, exited: 0, enteredIds: ['u00011', 'u00012'], exitedIds: [] });

    await moveTo('DE', 'u00011');
    const third = (await api<AudienceCount>(svc.url, `/v1/audiences/${id}/refresh`, {})).body;
    expect(third).toMatchObject({ seq: 3, size: 1, entered: 0, exited: 1, exitedIds: ['u00011'] });

    const history = await api<{ schedule: unknown; counts: AudienceCount[] }>(svc.url, `/v1/audiences/${id}/history`);
    expect(history.body.schedule).toBeNull();
    expect(history.body.counts.map((c) => [c.seq, c.size, c.entered, c.exited])).toEqual([[3, 1, 0, 1], [2, 2, 2, 0], [1, 0, 0, 0]]);
    expect((await api<{ counts: AudienceCount[] }>(svc.url, `/v1/audiences/${id}/history?limit=1`)).body.counts).toHaveLength(1);
  });

  it('is counted on its schedule until the schedule is cleared', async () => {
    const { body: { id } } = await api<{ id: string }>(svc.url, '/v1/audiences', { name: 'Icelanders on a schedule', definition: icelanders });
    const set = await fetch(`${svc.url}/v1/audiences/${id}/schedule`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': 'ak-acme' }, body: JSON.stringify({ every: { amount: 1, unit: 'seconds' } }) });
    expect(await set.json()).toMatchObject({ schedule: { everyMs: 1000, nextAt: expect.any(String) } });
    const history = await eventually('two scheduled counts', () => api<{ counts: AudienceCount[] }>(svc.url, `/v1/audiences/${id}/history`).then((r) => r.body.counts), (c) => c.length >= 2);
    expect(history.every((c) => c.trigger === 'schedule')).toBe(true);
    expect(history[0]!.seq).toBe(history[1]!.seq + 1);
    const cleared = await fetch(`${svc.url}/v1/audiences/${id}/schedule`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': 'ak-acme' }, body: JSON.stringify({ every: null }) });
    expect(await cleared.json()).toEqual({ schedule: null });
    expect((await api(svc.url, `/v1/audiences/${id}/schedule`)).body).toEqual({ schedule: null });
  });

  it('refuses a schedule shorter than allowed, an unknown audience, and another workspace\'s audience', async () => {
    const { body: { id } } = await api<{ id: string }>(svc.url, '/v1/audiences', { name: 'Icelanders again', definition: icelanders });
    const allowed = await fetch(`${svc.url}/v1/audiences/${id}/schedule`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': 'ak-acme' }, body: JSON.stringify({ every: { amount: 100, unit: 'seconds' } }) }).then((r) => r.status);
    expect(allowed).toBe(200);
    const fast = await fetch(`${svc.url}/v1/audiences/${id}/schedule`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': 'ak-acme' }, body: JSON.stringify({ every: { amount: 0, unit: 'seconds' } }) });
    expect(fast.status).toBe(400);
    expect((await api(svc.url, '/v1/audiences/no-such-audience/refresh', {})).status).toBe(404);
    expect((await api(svc.url, `/v1/audiences/${id}/history`, undefined, OTHER_API_KEY)).status).toBe(404);
    expect((await api(svc.url, `/v1/audiences/${id}/refresh`, {}, OTHER_API_KEY)).status).toBe(404);
  });

  it('refuses to save an audience whose definition names what the workspace does not have', async () => {
    const res = await api<{ error: { code: string } }>(svc.url, '/v1/audiences', { name: 'Nothing', definition: one({ type: 'event', events: ['Never Heard Of'], count: { op: 'gte', value: 1 } }) });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'unknown_reference' } } });
  });
});
