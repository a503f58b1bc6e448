/**
 * Deliveries survive a restart when the queue lives in Redis: a change queued while the
 * receiver is down is delivered by the next process once the receiver is back, once.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { serveCommand, type RunningService } from '../../src/cli/commands/serve.js';
import { loadConfig } from '../../src/config/env.js';
import type { DeliveryLogEntry } from '../../src/destinations/types.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { SHOP_DIR, SHOP_NOW } from '../helpers/shop.js';
import { API_KEY, api, eventually, freshHome, one, WRITE_KEY } from '../ingest/support.js';
import { accepted, startReceiver, type Receiver } from './receiver.js';

let home: string;
let redis: TestRedis;
let receiver: Receiver;

beforeAll(async () => {
  home = freshHome();
  redis = await getTestRedis();
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await redis?.stop();
  rmSync(home, { recursive: true, force: true });
});

function start(): Promise<RunningService> {
  const config = loadConfig({ AUDIENCE_AGENT_HOME: home, PORT: '0', REDIS_URL: redis.url, API_KEYS: `${API_KEY}:acme`, WRITE_KEYS: `${WRITE_KEY}:acme`, DELIVERY_ALLOW_PRIVATE_HOSTS: '1', DELIVERY_BACKOFF_MS: '50', DELIVERY_MAX_BACKOFF_MS: '100' });
  return serveCommand({ data: SHOP_DIR, now: SHOP_NOW.toISOString() }, config, { logger: pino({ level: 'silent' }), handleSignals: false, redisPrefix: redis.prefix, settings: { rateLimit: { burst: 10_000, perSecond: 10_000 } } });
}

describe('a delivery queued in Redis', () => {
  it('is sent by the next process after a restart, once the receiver is back', async () => {
    receiver.mode = 'fail';
    let svc: RunningService | undefined = await start();
    let audienceId: string;
    let hook: string;
    try {
      const audience = await api<{ id: string }>(svc.url, '/v1/audiences', { name: 'Gold members', definition: one({ type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' }) });
      audienceId = audience.body.id;
      const connected = await api<{ id: string; secret: string }>(svc.url, `/v1/audiences/${audienceId}/destinations`, { type: 'webhook', url: receiver.url });
      receiver.secret = connected.body.secret;
      hook = connected.body.id;
      const count = await api<{ size: number }>(svc.url, `/v1/audiences/${audienceId}/refresh`, {});
      expect(count.body.size).toBeGreaterThan(0);
      await eventually('a failed attempt', () => api<{ deliveries: DeliveryLogEntry[] }>(svc!.url, `/v1/audiences/${audienceId}/destinations/${hook}/deliveries`).then((r) => r.body.deliveries), (d) => d.some((x) => x.status === 'failed'));
      await svc.stop();
      svc = undefined;

      receiver.mode = 'ok';
      svc = await start();
      const done = await eventually('the delivery after the restart', () => api<{ pending: number; deliveries: DeliveryLogEntry[] }>(svc!.url, `/v1/audiences/${audienceId}/destinations/${hook}/deliveries`).then((r) => r.body), (l) => l.pending === 0);
      expect(done.deliveries[0]).toMatchObject({ status: 'delivered' });
      const got = accepted(receiver);
      expect(got.every((d) => d.body.sync === 'full')).toBe(true);
      const members = got.flatMap((d) => d.body.entered);
      expect(members.length).toBe(count.body.size);
      expect(new Set(members).size).toBe(members.length);
    } finally {
      await svc?.stop();
    }
  });
});
