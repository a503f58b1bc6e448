/**
 * Destinations and their delivery queues in Redis, so deliveries survive restarts and any
 * process may send them (one at a time per destination: a claimed destination is leased).
 * Every key shares the `{dst}` hash tag, so each MULTI or script stays in one cluster slot.
 *
 *   <p>:{dst}:w:<workspace>        hash    destination id → JSON
 *   <p>:{dst}:q:<id>               list    queued jobs, oldest first (the head is the one being sent)
 *   <p>:{dst}:given:<id>           set     members the destination was given
 *   <p>:{dst}:synced:<id>          string  set once its first (full) sync is queued
 *   <p>:{dst}:log:<id>             list    delivery log, newest first
 *   <p>:{dst}:due                  zset    destination id → when its head job is due (or its lease ends)
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { runScript, luaScript, storeCall } from '../repositories/redis/redis-call.js';
import { LOG_KEPT, type DeliveryJob, type DeliveryLogEntry, type Destination, type DestinationStore } from './types.js';

const CHUNK = 5_000;

const CLAIM = luaScript(`
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
if #ids == 0 then return nil end
redis.call('ZADD', KEYS[1], ARGV[2], ids[1])
return ids[1]
`);

// KEYS: due, queue; ARGV: id, now
const COMPLETE = luaScript(`
redis.call('LPOP', KEYS[2])
if redis.call('LLEN', KEYS[2]) > 0 then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) else redis.call('ZREM', KEYS[1], ARGV[1]) end
return 1
`);

const StoredJob = z.object({
  id: z.string(), destinationId: z.string(), workspace: z.string(), audienceId: z.string(), audienceName: z.string(),
  countSeq: z.number().int(), sync: z.enum(['full', 'changes']), part: z.number().int(), parts: z.number().int(),
  entered: z.array(z.string()), exited: z.array(z.string()), attempts: z.number().int(), createdAt: z.string(),
});

export class RedisDestinationStore implements DestinationStore {
  constructor(private readonly client: Redis, private readonly prefix: string) {}

  private k(part: string): string {
    return `${this.prefix}:{dst}:${part}`;
  }

  async add(destination: Destination): Promise<void> {
    await storeCall(() => this.client.hset(this.k(`w:${encodeURIComponent(destination.workspace)}`), destination.id, JSON.stringify(destination)));
  }

  async get(workspace: string, id: string): Promise<Destination | undefined> {
    const raw = await storeCall(() => this.client.hget(this.k(`w:${encodeURIComponent(workspace)}`), id));
    return raw ? (JSON.parse(raw) as Destination) : undefined;
  }

  async ofAudience(workspace: string, audienceId: string): Promise<Destination[]> {
    const all = await storeCall(() => this.client.hgetall(this.k(`w:${encodeURIComponent(workspace)}`)));
    return Object.values(all).map((raw) => JSON.parse(raw) as Destination).filter((d) => d.audienceId === audienceId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async remove(workspace: string, id: string): Promise<boolean> {
    const removed = await storeCall(async () => {
      const multi = this.client.multi();
      multi.hdel(this.k(`w:${encodeURIComponent(workspace)}`), id);
      for (const part of ['q', 'given', 'synced', 'log']) multi.del(this.k(`${part}:${id}`));
      multi.zrem(this.k('due'), id);
      return multi.exec();
    });
    return removed?.[0]?.[1] === 1;
  }

  async given(destinationId: string): Promise<Set<string> | undefined> {
    const [synced, members] = await storeCall(() => Promise.all([this.client.exists(this.k(`synced:${destinationId}`)), this.client.smembers(this.k(`given:${destinationId}`))]));
    return synced ? new Set(members) : undefined;
  }

  async enqueue(destinationId: string, jobs: DeliveryJob[], members: string[]): Promise<void> {
    const tmp = this.k(`given-next:${destinationId}`);
    await storeCall(async () => {
      await this.client.del(tmp);
      for (let i = 0; i < members.length; i += CHUNK) await this.client.sadd(tmp, ...members.slice(i, i + CHUNK));
      const multi = this.client.multi();
      if (members.length > 0) multi.rename(tmp, this.k(`given:${destinationId}`));
      else multi.del(this.k(`given:${destinationId}`));
      multi.set(this.k(`synced:${destinationId}`), '1');
      if (jobs.length > 0) {
        multi.rpush(this.k(`q:${destinationId}`), ...jobs.map((j) => JSON.stringify(j)));
        multi.zadd(this.k('due'), 'NX', 0, destinationId);
      }
      await multi.exec();
    });
  }

  async claim(nowMs: number, leaseMs: number): Promise<{ destinationId: string; job: DeliveryJob } | undefined> {
    const id = (await runScript(this.client, CLAIM, [this.k('due')], [nowMs, nowMs + leaseMs])) as string | null;
    if (!id) return undefined;
    const raw = await storeCall(() => this.client.lindex(this.k(`q:${id}`), 0));
    if (!raw) {
      await storeCall(() => this.client.zrem(this.k('due'), id));
      return undefined;
    }
    return { destinationId: id, job: StoredJob.parse(JSON.parse(raw)) };
  }

  async complete(destinationId: string, nowMs: number): Promise<void> {
    await runScript(this.client, COMPLETE, [this.k('due'), this.k(`q:${destinationId}`)], [destinationId, nowMs]);
  }

  async retry(destinationId: string, job: DeliveryJob, retryAtMs: number): Promise<void> {
    await storeCall(async () => {
      const multi = this.client.multi();
      multi.lset(this.k(`q:${destinationId}`), 0, JSON.stringify(job));
      multi.zadd(this.k('due'), retryAtMs, destinationId);
      await multi.exec();
    });
  }

  async pending(destinationId: string): Promise<number> {
    return storeCall(() => this.client.llen(this.k(`q:${destinationId}`)));
  }

  async log(destinationId: string, entry: DeliveryLogEntry): Promise<void> {
    await storeCall(async () => {
      const multi = this.client.multi();
      multi.lpush(this.k(`log:${destinationId}`), JSON.stringify(entry));
      multi.ltrim(this.k(`log:${destinationId}`), 0, LOG_KEPT - 1);
      await multi.exec();
    });
  }

  async deliveries(destinationId: string, limit: number): Promise<DeliveryLogEntry[]> {
    const raw = await storeCall(() => this.client.lrange(this.k(`log:${destinationId}`), 0, limit - 1));
    return raw.map((r) => JSON.parse(r) as DeliveryLogEntry);
  }
}
