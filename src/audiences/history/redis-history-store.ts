/**
 * Audience history in Redis. Keys (ids percent-encoded; one audience's keys share a hash tag):
 *
 *   <p>:h:{<workspace>/<audience>}:counts    list    count JSON, newest first (LTRIM to COUNTS_KEPT)
 *   <p>:h:{<workspace>/<audience>}:members   set     members as of the latest count
 *   <p>:h:{<workspace>/<audience>}:schedule  string  schedule JSON
 *   <p>:h:{<workspace>/<audience>}:lock      string  held while a count runs (PX expiry)
 *   <p>:h:due                                zset    "<workspace>/<audience>" by next count time
 *
 * A count replaces the member set through a temporary key renamed in the same MULTI as the count
 * is appended, so a reader sees the old members with the old count or the new with the new.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { storeCall } from '../../repositories/redis/redis-call.js';
import { COUNTS_KEPT, type AudienceCount, type AudienceHistoryStore, type DueAudience, type RefreshSchedule } from './types.js';

const CHUNK = 5_000;

const StoredCount = z.object({
  seq: z.number().int(),
  at: z.string(),
  now: z.string(),
  trigger: z.enum(['schedule', 'on_demand']),
  size: z.number().int(),
  entered: z.number().int(),
  exited: z.number().int(),
  enteredIds: z.array(z.string()),
  exitedIds: z.array(z.string()),
});
const StoredSchedule = z.object({ everyMs: z.number().int().positive(), nextAt: z.string() });

const encode = (workspace: string, audienceId: string) => `${encodeURIComponent(workspace)}/${encodeURIComponent(audienceId)}`;

export class RedisAudienceHistoryStore implements AudienceHistoryStore {
  constructor(private readonly client: Redis, private readonly prefix: string) {}

  private key(workspace: string, audienceId: string, part: string): string {
    return `${this.prefix}:h:{${encode(workspace, audienceId)}}:${part}`;
  }

  private get dueKey(): string {
    return `${this.prefix}:h:due`;
  }

  async members(workspace: string, audienceId: string): Promise<Set<string> | undefined> {
    const [exists, members] = await storeCall(async () => {
      const counts = this.key(workspace, audienceId, 'counts');
      return Promise.all([this.client.exists(counts), this.client.smembers(this.key(workspace, audienceId, 'members'))]);
    });
    return exists ? new Set(members) : undefined;
  }

  async record(workspace: string, audienceId: string, count: AudienceCount, members: string[]): Promise<void> {
    const tmp = this.key(workspace, audienceId, `members:next:${count.seq}`);
    await storeCall(async () => {
      await this.client.del(tmp);
      for (let i = 0; i < members.length; i += CHUNK) await this.client.sadd(tmp, ...members.slice(i, i + CHUNK));
      const multi = this.client.multi();
      if (members.length > 0) multi.rename(tmp, this.key(workspace, audienceId, 'members'));
      else multi.del(this.key(workspace, audienceId, 'members'));
      multi.lpush(this.key(workspace, audienceId, 'counts'), JSON.stringify(count));
      multi.ltrim(this.key(workspace, audienceId, 'counts'), 0, COUNTS_KEPT - 1);
      await multi.exec();
    });
  }

  async counts(workspace: string, audienceId: string, limit: number): Promise<AudienceCount[]> {
    const raw = await storeCall(() => this.client.lrange(this.key(workspace, audienceId, 'counts'), 0, limit - 1));
    return raw.flatMap((r) => {
      const parsed = StoredCount.safeParse(JSON.parse(r));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async schedule(workspace: string, audienceId: string): Promise<RefreshSchedule | undefined> {
    const raw = await storeCall(() => this.client.get(this.key(workspace, audienceId, 'schedule')));
    if (!raw) return undefined;
    const parsed = StoredSchedule.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  }

  async setSchedule(workspace: string, audienceId: string, schedule: RefreshSchedule | undefined): Promise<void> {
    const member = encode(workspace, audienceId);
    await storeCall(async () => {
      const multi = this.client.multi();
      if (schedule) {
        multi.set(this.key(workspace, audienceId, 'schedule'), JSON.stringify(schedule));
        multi.zadd(this.dueKey, Date.parse(schedule.nextAt), member);
      } else {
        multi.del(this.key(workspace, audienceId, 'schedule'));
        multi.zrem(this.dueKey, member);
      }
      await multi.exec();
    });
  }

  async due(nowMs: number): Promise<DueAudience[]> {
    const members = await storeCall(() => this.client.zrangebyscore(this.dueKey, 0, nowMs, 'LIMIT', 0, 100));
    return members.map((m) => {
      const [workspace, audienceId] = m.split('/').map(decodeURIComponent) as [string, string];
      return { workspace, audienceId };
    });
  }

  async lock(workspace: string, audienceId: string, ttlMs: number): Promise<boolean> {
    return (await storeCall(() => this.client.set(this.key(workspace, audienceId, 'lock'), '1', 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async unlock(workspace: string, audienceId: string): Promise<void> {
    await storeCall(() => this.client.del(this.key(workspace, audienceId, 'lock')));
  }

  async forget(workspace: string, audienceId: string): Promise<void> {
    await storeCall(async () => {
      const multi = this.client.multi();
      for (const part of ['counts', 'members', 'schedule', 'lock']) multi.del(this.key(workspace, audienceId, part));
      multi.zrem(this.dueKey, encode(workspace, audienceId));
      await multi.exec();
    });
  }
}
