/**
 * Records in the store that no request could have written (by hand, by an older version, by a
 * bug) are left out with a logged error: the workspace's other audiences keep working, and
 * nothing answers 500 or spins. Issue 10 wrote such records through a run's command.update.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceKeys } from '../../src/repositories/redis/keys.js';
import type { InvalidRecord } from '../../src/repositories/stored-records.js';
import type { LiveAudienceView } from '../../src/server/routes/live.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { nestedDefinition } from './support/builder-service.js';
import { startTestService, type TestService } from './support/test-service.js';
import { tinyAssistant } from './support/tiny-assistant.js';

let redis: TestRedis;
let client: Redis;
let shop: OpenShop;
let svc: TestService;
const skipped: InvalidRecord[] = [];
interface LogLine {
  msg: string;
  live_audience_id?: string;
  reason?: string;
}
const errors: LogLine[] = [];

const germans = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }] }, exclude: [] };
const at = '2026-11-01T00:00:00.000Z';
const audience = (id: string, definition: unknown) => ({ id, name: id, description: '', prompt: '', definition, createdAt: at });
const live = (id: string, definition: unknown) => ({ id, name: id, description: '', definition, duration: { unit: 'session' }, enabled: true, builtIn: false, createdAt: at, updatedAt: at });

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${svc.url}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as unknown) : text };
}

beforeAll(async () => {
  [redis, shop] = await Promise.all([getTestRedis(), openShop()]);
  client = new Redis(redis.url);
  svc = await startTestService({
    assistants: [tinyAssistant()],
    redis,
    workspaces: { get: async (tenant) => (tenant === 'default' ? shop : undefined) },
    // Error lines of the service's log, where the matcher reports audiences it cannot use.
    deps: { referenceTime: () => SHOP_NOW, logger: pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line) as LogLine) }) },
    onInvalidRecord: (r) => skipped.push(r),
  });
  const keys = workspaceKeys(`${redis.prefix}:svc`, 'default');
  await client.hset(keys.audiences, 'good', JSON.stringify(audience('good', germans)), 'drop', JSON.stringify(audience('drop', 'DROP TABLE')), 'garbled', '{"id":');
  // Seeds the defaults, then slips records in beside them as a script would.
  expect((await call('GET', '/v1/live-audiences')).status).toBe(200);
  const bad = {
    nope: live('nope', 'nope'),
    deep: live('deep', { ...nestedDefinition(50, { type: 'context', field: 'device', op: 'in', value: ['mobile'] }), exclude: [] }),
    pii: live('pii', { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'email', op: 'contains', value: 'a' }] }, exclude: [] }),
    fine: live('fine', germans),
  };
  for (const [id, record] of Object.entries(bad)) {
    await client.hset(keys.live, id, JSON.stringify(record));
    await client.lpush(keys.liveOrder, id);
  }
  await client.incr(keys.liveVersion);
}, 120_000);

afterAll(async () => {
  await svc?.stop();
  client?.disconnect();
  await shop?.dispose();
  await redis?.stop();
});

describe('saved audiences that do not decode', () => {
  it('are left out of the list, which still answers', async () => {
    const res = await call('GET', '/v1/audiences');
    expect(res.status).toBe(200);
    expect((res.body as { audiences: { id: string }[] }).audiences.map((a) => a.id)).toEqual(['good']);
  });

  it('answer 404 for their members, SQL and record, as if absent', async () => {
    for (const path of ['/v1/audiences/drop', '/v1/audiences/drop/members', '/v1/audiences/drop/sql', '/v1/audiences/garbled/members']) {
      expect((await call('GET', path)).status, path).toBe(404);
    }
    expect((await call('GET', '/v1/audiences/good/members')).status).toBe(200);
  });

  it('are reported with their workspace, id and reason', () => {
    expect(skipped).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'audience', workspace: 'default', id: 'drop', reason: expect.stringContaining('definition') }),
      expect.objectContaining({ kind: 'audience', workspace: 'default', id: 'garbled', reason: expect.stringContaining('not JSON') }),
    ]));
  });
});

describe('live audiences that do not decode or do not validate', () => {
  it('are left out of the list when they do not decode (a definition of "nope", 50 nested groups)', async () => {
    const res = await call('GET', '/v1/live-audiences');
    expect(res.status).toBe(200);
    const ids = (res.body as { audiences: LiveAudienceView[] }).audiences.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['fine', 'pii']));
    expect(ids).not.toContain('nope');
    expect(ids).not.toContain('deep');
    expect(skipped).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'live_audience', id: 'nope' }),
      expect.objectContaining({ kind: 'live_audience', id: 'deep', reason: expect.stringContaining('the limit is 4') }),
    ]));
  });

  it('never match, while the rest of the list does', async () => {
    const visitor = { id: 'u00023', context: { device: 'mobile' } };
    const one = await call('POST', '/v1/match', { visitor });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ audience: { id: 'fine' } });
    const batch = await call('POST', '/v1/match/batch', { visitors: [visitor, { id: 'someone-new', context: {} }] });
    expect(batch.status).toBe(200);
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ live_audience_id: 'pii', reason: expect.stringContaining('email is personal data') })]));
  });

  it('answer 404 by id when they do not decode', async () => {
    expect((await call('GET', '/v1/live-audiences/nope')).status).toBe(404);
    expect((await call('PATCH', '/v1/live-audiences/deep', { enabled: false })).status).toBe(404);
  });
});
