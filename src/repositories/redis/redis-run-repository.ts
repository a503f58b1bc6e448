import type { Redis } from 'ioredis';
import { threadKeyOf } from '../thread-key.js';
import type { RunRecord, RunRepository, RunStatus, ThreadKey } from '../types.js';
import { runKeys, threadKeys, unfinishedRunsKey } from './keys.js';
import { fromHashFields, luaScript, runScript, storeCall, toHashFields } from './redis-call.js';

/** ARGV[1] = how many allowed statuses (JSON), then those, then field/value pairs. */
const TRANSITION = luaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return nil end
local n = tonumber(ARGV[1])
local allowed = false
for i = 2, n + 1 do if ARGV[i] == status then allowed = true end end
if not allowed then return nil end
if #ARGV > n + 1 then redis.call('HSET', KEYS[1], unpack(ARGV, n + 2)) end
return redis.call('HGETALL', KEYS[1])`);

const FINISHED: ReadonlySet<RunStatus> = new Set(['success', 'error', 'interrupted']);

/**
 * Run records in Redis; finished runs expire with their thread's activity (`ttlSeconds`). The
 * ids of unfinished runs are also kept in one set, so runs abandoned by a dead process can be
 * found without scanning; the set is tidied as it is read.
 */
export class RedisRunRepository implements RunRepository {
  constructor(private readonly client: Redis, private readonly prefix: string, private readonly ttlSeconds = 7 * 24 * 3600) {}

  async create(run: RunRecord): Promise<void> {
    const rec = runKeys(this.prefix, run.run_id).rec;
    const runs = threadKeys(this.prefix, threadKeyOf(run)).runs;
    await storeCall(() =>
      this.client.multi().hset(rec, ...toHashFields(run)).expire(rec, this.ttlSeconds).exec(),
    );
    await storeCall(() => this.client.zadd(runs, Date.parse(run.created_at), run.run_id));
    await storeCall(() => this.client.sadd(unfinishedRunsKey(this.prefix), run.run_id));
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    return fromHashFields<RunRecord>(await storeCall(() => this.client.hgetall(runKeys(this.prefix, runId).rec)));
  }

  async transition(runId: string, from: RunStatus[], patch: Partial<RunRecord>): Promise<RunRecord | undefined> {
    const { run_id: _r, thread_id: _t, workspace: _w, ...fields } = patch;
    const args = [from.length, ...from.map((s) => JSON.stringify(s)), ...toHashFields(fields)];
    const raw = await runScript(this.client, TRANSITION, [runKeys(this.prefix, runId).rec], args);
    const run = fromHashFields<RunRecord>(raw as string[] | null);
    // Another slot than the record's: a separate command; a member left behind is dropped when read.
    if (run && FINISHED.has(run.status)) await storeCall(() => this.client.srem(unfinishedRunsKey(this.prefix), runId));
    return run;
  }

  async listUnfinished(): Promise<RunRecord[]> {
    const key = unfinishedRunsKey(this.prefix);
    const ids = await storeCall(() => this.client.smembers(key));
    if (ids.length === 0) return [];
    const pipeline = this.client.pipeline();
    for (const id of ids) pipeline.hgetall(runKeys(this.prefix, id).rec);
    const replies = (await storeCall(() => pipeline.exec())) ?? [];
    const unfinished: RunRecord[] = [];
    const gone: string[] = [];
    replies.forEach(([, raw], i) => {
      const run = fromHashFields<RunRecord>(raw as Record<string, string>);
      if (run && !FINISHED.has(run.status)) unfinished.push(run);
      else gone.push(ids[i]!);
    });
    if (gone.length > 0) await storeCall(() => this.client.srem(key, ...gone));
    return unfinished;
  }

  async listByThread(thread: ThreadKey, opts: { limit: number; offset: number; status?: RunStatus }): Promise<RunRecord[]> {
    const ids = await storeCall(() => this.client.zrevrange(threadKeys(this.prefix, thread).runs, 0, -1));
    const pipeline = this.client.pipeline();
    for (const id of ids) pipeline.hgetall(runKeys(this.prefix, id).rec);
    const replies = ids.length ? ((await storeCall(() => pipeline.exec())) ?? []) : [];
    return replies
      .map(([, raw]) => fromHashFields<RunRecord>(raw as Record<string, string>))
      .filter((r): r is RunRecord => r !== undefined && (!opts.status || r.status === opts.status))
      .slice(opts.offset, opts.offset + opts.limit);
  }

  async delete(runId: string): Promise<void> {
    const run = await this.get(runId);
    await storeCall(() => this.client.del(runKeys(this.prefix, runId).rec));
    await storeCall(() => this.client.srem(unfinishedRunsKey(this.prefix), runId));
    if (run) await storeCall(() => this.client.zrem(threadKeys(this.prefix, threadKeyOf(run)).runs, runId));
  }

  async deleteByThread(thread: ThreadKey): Promise<void> {
    const runs = threadKeys(this.prefix, thread).runs;
    const ids = await storeCall(() => this.client.zrange(runs, 0, -1));
    // One key per command: run records live in their own cluster slots.
    const pipeline = this.client.pipeline();
    for (const id of ids) pipeline.del(runKeys(this.prefix, id).rec);
    if (ids.length > 0) pipeline.srem(unfinishedRunsKey(this.prefix), ...ids);
    pipeline.del(runs);
    await storeCall(() => pipeline.exec());
  }
}
