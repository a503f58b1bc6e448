import type { Redis } from 'ioredis';
import { applyThreadQuery } from '../thread-query.js';
import { threadKey, threadKeyOf } from '../thread-key.js';
import type { ThreadQuery, ThreadRecord, ThreadRepository } from '../types.js';
import { threadKeys, workspaceKeys } from './keys.js';
import { fromHashFields, luaScript, runScript, storeCall, toHashFields } from './redis-call.js';

const CREATE = luaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1`);

/** ARGV[1] = the workspace as JSON; the rest field/value pairs. */
const UPDATE = luaScript(`
if redis.call('HGET', KEYS[1], 'workspace') ~= ARGV[1] then return nil end
if #ARGV > 1 then redis.call('HSET', KEYS[1], unpack(ARGV, 2)) end
return redis.call('HGETALL', KEYS[1])`);

const DELETE = luaScript(`
if redis.call('HGET', KEYS[1], 'workspace') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`);

/** The thread index of each workspace in Redis (layout in keys.ts); records are keyed by workspace and id. */
export class RedisThreadRepository implements ThreadRepository {
  constructor(private readonly client: Redis, private readonly prefix: string) {}

  async create(thread: ThreadRecord): Promise<boolean> {
    const created = await runScript(this.client, CREATE, [threadKeys(this.prefix, threadKeyOf(thread)).rec], toHashFields(thread));
    if (created !== 1) return false;
    const index = workspaceKeys(this.prefix, thread.workspace).threads;
    await storeCall(() => this.client.zadd(index, Date.parse(thread.created_at), thread.thread_id));
    return true;
  }

  async get(workspace: string, threadId: string): Promise<ThreadRecord | undefined> {
    const raw = await storeCall(() => this.client.hgetall(threadKeys(this.prefix, threadKey(workspace, threadId)).rec));
    const thread = fromHashFields<ThreadRecord>(raw);
    return thread && thread.workspace === workspace ? thread : undefined;
  }

  async update(workspace: string, threadId: string, patch: Partial<ThreadRecord>): Promise<ThreadRecord | undefined> {
    const { thread_id: _id, workspace: _ws, created_at: _created, ...fields } = patch;
    const raw = await runScript(this.client, UPDATE, [threadKeys(this.prefix, threadKey(workspace, threadId)).rec], [JSON.stringify(workspace), ...toHashFields(fields)]);
    return fromHashFields<ThreadRecord>(raw as string[] | null);
  }

  async delete(workspace: string, threadId: string): Promise<boolean> {
    const deleted = await runScript(this.client, DELETE, [threadKeys(this.prefix, threadKey(workspace, threadId)).rec], [JSON.stringify(workspace)]);
    await storeCall(() => this.client.zrem(workspaceKeys(this.prefix, workspace).threads, threadId));
    return deleted === 1;
  }

  async search(workspace: string, query: ThreadQuery): Promise<ThreadRecord[]> {
    const index = workspaceKeys(this.prefix, workspace).threads;
    const ids = query.ids ?? (await storeCall(() => this.client.zrange(index, 0, -1)));
    if (ids.length === 0) return [];
    const pipeline = this.client.pipeline();
    for (const id of ids) pipeline.hgetall(threadKeys(this.prefix, threadKey(workspace, id)).rec);
    const replies = (await storeCall(() => pipeline.exec())) ?? [];
    const threads: ThreadRecord[] = [];
    replies.forEach(([err, raw], i) => {
      if (err) throw err;
      const thread = fromHashFields<ThreadRecord>(raw as Record<string, string>);
      if (thread?.workspace === workspace) threads.push(thread);
      else if (!thread && !query.ids) void this.client.zrem(index, ids[i]!).catch(() => undefined);
    });
    return applyThreadQuery(threads, query);
  }
}
