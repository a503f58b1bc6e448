import type { Redis } from 'ioredis';
import type { ThreadKey, ThreadLocks } from '../types.js';
import { threadKeys } from './keys.js';
import { luaScript, runScript, storeCall } from './redis-call.js';

/** Milliseconds on the Redis clock, so every process agrees on when a lease lapses. */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: lock, line, lease. ARGV: owner, ttlMs, waitLeaseMs ('' = do not wait).
 * Lapsed waiters leave the line first, so a dead process never blocks the thread.
 */
const TRY_ACQUIRE = luaScript(`${NOW}
for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)) do
  redis.call('ZREM', KEYS[2], m)
  redis.call('ZREM', KEYS[3], m)
end
local first = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
if (not first or first == ARGV[1]) and redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
  return 1
end
if ARGV[3] ~= '' then
  local lease = tonumber(ARGV[3])
  redis.call('ZADD', KEYS[2], 'NX', now, ARGV[1])
  redis.call('ZADD', KEYS[3], now + lease, ARGV[1])
  redis.call('PEXPIRE', KEYS[2], lease * 2)
  redis.call('PEXPIRE', KEYS[3], lease * 2)
end
return 0`);

const RENEW = luaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`);

const RELEASE = luaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1`);

const IS_WAITING = luaScript(`${NOW}
local lapse = redis.call('ZSCORE', KEYS[1], ARGV[1])
if lapse and tonumber(lapse) > now then return 1 end
return 0`);

/** Thread locks shared by every process on one Redis: SET NX PX, renewed by the holder. */
export class RedisThreadLocks implements ThreadLocks {
  constructor(private readonly client: Redis, private readonly prefix: string) {}

  async tryAcquire(threadId: ThreadKey, owner: string, opts: { ttlMs: number; waitLeaseMs?: number }): Promise<boolean> {
    const k = threadKeys(this.prefix, threadId);
    const got = await runScript(this.client, TRY_ACQUIRE, [k.lock, k.line, k.lease], [owner, opts.ttlMs, opts.waitLeaseMs ?? '']);
    return got === 1;
  }

  async renew(threadId: ThreadKey, owner: string, ttlMs: number): Promise<boolean> {
    return (await runScript(this.client, RENEW, [threadKeys(this.prefix, threadId).lock], [owner, ttlMs])) === 1;
  }

  async release(threadId: ThreadKey, owner: string): Promise<void> {
    const k = threadKeys(this.prefix, threadId);
    await runScript(this.client, RELEASE, [k.lock, k.line, k.lease], [owner]);
  }

  async holder(threadId: ThreadKey): Promise<string | undefined> {
    return (await storeCall(() => this.client.get(threadKeys(this.prefix, threadId).lock))) ?? undefined;
  }

  async isWaiting(threadId: ThreadKey, owner: string): Promise<boolean> {
    return (await runScript(this.client, IS_WAITING, [threadKeys(this.prefix, threadId).lease], [owner])) === 1;
  }
}
