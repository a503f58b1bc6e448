/**
 * What protects the service and its tenants: API keys mapped to workspaces (another workspace's
 * thing is a 404), per-key rate limits (429 + Retry-After), body limits (413) and CORS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../src/audiences/types.js';
import { defineAudience } from '../../src/definition/parse.js';
import { postJson } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

const ACME = 'acme-key-1';
const GLOBEX = 'globex-key-2';
let svc: TestService;
let limited: TestService;
let guarded: TestService;

beforeAll(async () => {
  svc = await startTestService({
    assistants: [tinyAssistant()],
    settings: { apiKeys: { [ACME]: 'acme', [GLOBEX]: 'globex' }, corsOrigins: ['https://widget.example'], bodyLimitBytes: 2048 },
  });
  limited = await startTestService({ assistants: [tinyAssistant()], settings: { apiKeys: { [ACME]: 'acme', [GLOBEX]: 'globex' }, rateLimit: { burst: 3, perSecond: 0.5 } } });
  // Three failed attempts per address, then one every ~17 minutes.
  guarded = await startTestService({ assistants: [tinyAssistant()], settings: { apiKeys: { [ACME]: 'acme' }, authFailureLimit: { burst: 3, perSecond: 0.001 } } });
});

afterAll(async () => {
  await svc?.stop();
  await limited?.stop();
  await guarded?.stop();
});

const get = (path: string, key?: string, headers: Record<string, string> = {}) => fetch(`${svc.url}${path}`, { headers: { ...(key ? { 'x-api-key': key } : {}), ...headers } });

async function errorOf(res: Response): Promise<{ code: string; message: string; retryable: boolean }> {
  return ((await res.json()) as { error: { code: string; message: string; retryable: boolean } }).error;
}

describe('tenant isolation', () => {
  it("answers 404 for another workspace's thread, run, state and history, exactly as for a missing one", async () => {
    const acme = svc.client(ACME);
    const thread = await acme.threads.create({ metadata: { owner: 'acme' } });
    const parts = [];
    for await (const p of acme.runs.stream(thread.thread_id, TINY_ID, { input: { prompt: 'mine' } })) parts.push(p);
    const runId = (parts[0]!.data as { run_id: string }).run_id;
    const t = thread.thread_id;
    for (const path of [`/threads/${t}`, `/threads/${t}/state`, `/threads/${t}/runs/${runId}`, `/threads/${t}/runs/${runId}/stream`, `/threads/${t}/runs`]) {
      const theirs = await get(path, GLOBEX);
      const missing = await get(path.replace(t, 'no-such-thread'), GLOBEX);
      expect([path, theirs.status]).toEqual([path, 404]);
      expect(await errorOf(theirs)).toEqual({ ...(await errorOf(missing)), message: expect.stringContaining('There is no thread') });
    }
    for (const [path, body] of [[`/threads/${t}/history`, {}], [`/threads/${t}/runs/stream`, { assistant_id: TINY_ID, input: { prompt: 'theirs' } }]] as const) {
      expect((await postJson(`${svc.url}${path}`, body, { 'x-api-key': GLOBEX })).status).toBe(404);
    }
    expect((await fetch(`${svc.url}/threads/${t}`, { method: 'DELETE', headers: { 'x-api-key': GLOBEX } })).status).toBe(404);
    expect((await svc.client(GLOBEX).threads.search({ limit: 1000 })).map((x) => x.thread_id)).not.toContain(t);
    expect((await acme.threads.get(t)).metadata).toMatchObject({ owner: 'acme' });
  });

  it('keeps thread ids per workspace: another workspace can neither learn that an id is taken nor take it', async () => {
    const acme = svc.client(ACME);
    const globex = svc.client(GLOBEX);
    await acme.threads.create({ threadId: 'chosen-by-client', metadata: { owner: 'acme' } });
    for await (const _ of acme.runs.stream('chosen-by-client', TINY_ID, { input: { prompt: 'acme words' } })) { /* to its question */ }
    // The same id is free in another workspace: no 409 to tell it is in use elsewhere.
    const theirs = await globex.threads.create({ threadId: 'chosen-by-client', metadata: { owner: 'globex' } });
    expect(theirs).toMatchObject({ thread_id: 'chosen-by-client', metadata: { owner: 'globex' }, values: null });
    for await (const _ of globex.runs.stream('chosen-by-client', TINY_ID, { input: { prompt: 'globex words' } })) { /* to its question */ }
    // Each sees its own thread, state, runs and checkpoints under the id.
    expect((await acme.threads.get('chosen-by-client')).metadata).toMatchObject({ owner: 'acme' });
    expect((await acme.threads.getState('chosen-by-client')).values).toMatchObject({ prompt: 'acme words' });
    expect((await globex.threads.getState('chosen-by-client')).values).toMatchObject({ prompt: 'globex words' });
    expect(await acme.runs.list('chosen-by-client')).toHaveLength(1);
    const state = await globex.threads.getState('chosen-by-client');
    expect(state.checkpoint?.thread_id).toBe('chosen-by-client');
    // Deleting one leaves the other.
    await globex.threads.delete('chosen-by-client');
    expect((await acme.threads.getState('chosen-by-client')).values).toMatchObject({ prompt: 'acme words' });
    // A run that creates its thread on first use creates its own, too.
    const created = await postJson(`${svc.url}/threads/chosen-by-client/runs`, { assistant_id: TINY_ID, input: { prompt: 'globex again' }, if_not_exists: 'create' }, { 'x-api-key': GLOBEX });
    expect(created.status).toBe(200);
    expect((await acme.threads.get('chosen-by-client')).metadata).toMatchObject({ owner: 'acme' });
  });

  it("answers 404 for another workspace's audience", async () => {
    const audience: Audience = {
      id: 'aud-acme-1',
      name: 'Gold members',
      description: '',
      prompt: 'gold members',
      definition: defineAudience({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'tier', op: 'eq', value: 'gold' }] } }),
      createdAt: '2026-11-01T00:00:00.000Z',
    };
    await svc.repositories.audiences.save('acme', audience);
    expect((await get('/v1/audiences/aud-acme-1', ACME)).status).toBe(200);
    expect((await get('/v1/audiences/aud-acme-1', GLOBEX)).status).toBe(404);
    expect(await (await get('/v1/audiences', GLOBEX)).json()).toEqual({ audiences: [] });
    const del = await fetch(`${svc.url}/v1/audiences/aud-acme-1`, { method: 'DELETE', headers: { authorization: `Bearer ${GLOBEX}` } });
    expect(del.status).toBe(404);
  });

  it('refuses requests without a valid key with 401, and accepts Bearer keys', async () => {
    const none = await postJson(`${svc.url}/threads`, {});
    expect(none.status).toBe(401);
    expect(await errorOf(none)).toMatchObject({ code: 'unauthorized', retryable: false });
    expect((await postJson(`${svc.url}/threads`, {}, { 'x-api-key': 'wrong' })).status).toBe(401);
    expect((await postJson(`${svc.url}/threads`, {}, { authorization: `Bearer ${ACME}` })).status).toBe(200);
    // Health and the API description need no key.
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/openapi.json')).status).toBe(200);
  });
});

describe('limits', () => {
  it('answers 429 with Retry-After once a key spends its burst, without touching other keys', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${limited.url}/v1/audiences`, { headers: { 'x-api-key': ACME } });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(await errorOf(res)).toMatchObject({ code: 'rate_limited', retryable: true });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${limited.url}/v1/audiences`, { headers: { 'x-api-key': GLOBEX } })).status).toBe(200);
  });

  it('limits failed authentication per client address, then checks no key from it, on every route', async () => {
    const statuses: number[] = [];
    for (const key of ['guess-1', 'guess-2', '']) statuses.push((await fetch(`${guarded.url}/v1/audiences`, { headers: key ? { 'x-api-key': key } : {} })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const blocked = await fetch(`${guarded.url}/v1/audiences`, { headers: { 'x-api-key': 'guess-4' } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await errorOf(blocked)).toMatchObject({ code: 'rate_limited', retryable: true, message: expect.stringContaining('wrong API key') });
    // Not even the right key is checked from this address now: a guess cannot tell.
    expect((await fetch(`${guarded.url}/v1/audiences`, { headers: { 'x-api-key': ACME } })).status).toBe(429);
    expect((await postJson(`${guarded.url}/v1/match`, { visitor: { id: 'v1' } }, { 'x-api-key': 'guess-5' })).status).toBe(429);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await postJson(`${svc.url}/threads`, { metadata: { note: 'x'.repeat(4000) } }, { 'x-api-key': ACME });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'payload_too_large', retryable: false });
  });

  it('gives CORS headers to allowed widget origins only', async () => {
    const allowed = await fetch(`${svc.url}/threads/search`, { method: 'OPTIONS', headers: { origin: 'https://widget.example', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://widget.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/X-Api-Key/);
    const stranger = await fetch(`${svc.url}/threads/search`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await get('/v1/audiences', ACME, { origin: 'https://widget.example' });
    expect(simple.headers.get('access-control-expose-headers')).toMatch(/Content-Location/);
  });
});
