/**
 * A workspace's ordered live audiences in Redis: records in a hash, the order in a list, and a
 * counter every write increments (INCR) so matchers know their compiled copy is stale. Each
 * write is one Lua script over the three keys (one `{workspace}` tag, one cluster slot). The
 * defaults are seeded by a script that writes only when the order does not exist yet, so two
 * processes seeding at once never duplicate them.
 */
import type { Redis } from 'ioredis';
import { defaultLiveAudiences, isBuiltInLiveAudience } from '../../live/default-audiences.js';
import { builtInDeleteConflict, insertionIndex, reorderProblem, toStored } from '../../live/live-order.js';
import { storedLiveAudience } from '../../live/stored-live-audience.js';
import type { LiveAudience, LiveAudienceRepository } from '../../live/types.js';
import { readRecord, reportToStderr, type InvalidRecordSink, type RecordReader } from '../stored-records.js';
import { workspaceKeys } from './keys.js';
import { execAll, luaScript, runScript, storeCall } from './redis-call.js';

/** Returned by a write script when the workspace has no list yet: seed, then run it again. */
const UNSEEDED = -1;

// KEYS: records, order, version. ARGV: id1, json1, id2, json2, …
const SEED = luaScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
for i = 1, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  redis.call('RPUSH', KEYS[2], ARGV[i])
end
redis.call('INCR', KEYS[3])
return 1`);

// ARGV: id, json, position. Returns 1 when it replaced, 0 when it inserted.
const SAVE = luaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then return ${UNSEEDED} end
local existed = redis.call('HEXISTS', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if existed == 0 then
  local pivot = redis.call('LINDEX', KEYS[2], ARGV[3])
  if pivot then redis.call('LINSERT', KEYS[2], 'BEFORE', pivot, ARGV[1]) else redis.call('RPUSH', KEYS[2], ARGV[1]) end
end
redis.call('INCR', KEYS[3])
return existed`);

// ARGV: id. Returns 1 when deleted, 0 when there was none.
const DELETE = luaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then return ${UNSEEDED} end
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('LREM', KEYS[2], 0, ARGV[1])
redis.call('INCR', KEYS[3])
return 1`);

// ARGV: the new order. Returns {1, json…} in that order, or {0, current id…} when it does not
// name each audience exactly once (checked again here, against the order as it is now).
const REORDER = luaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then return ${UNSEEDED} end
local current = redis.call('LRANGE', KEYS[2], 0, -1)
local fits = #current == #ARGV
if fits then
  local wanted = {}
  for _, id in ipairs(ARGV) do
    if wanted[id] then fits = false break end
    wanted[id] = true
  end
  if fits then
    for _, id in ipairs(current) do
      if not wanted[id] then fits = false break end
    end
  end
end
if not fits then
  table.insert(current, 1, 0)
  return current
end
redis.call('DEL', KEYS[2])
local out = {1}
for _, id in ipairs(ARGV) do
  redis.call('RPUSH', KEYS[2], id)
  table.insert(out, redis.call('HGET', KEYS[1], id))
end
redis.call('INCR', KEYS[3])
return out`);

export interface RedisLiveAudienceRepositoryOptions {
  /** Stamps the defaults when a workspace is first used. */
  clock?: () => Date;
  /** Where records that do not decode are reported (they are left out of every answer). */
  report?: InvalidRecordSink;
}

export class RedisLiveAudienceRepository implements LiveAudienceRepository {
  private readonly clock: () => Date;
  private readonly reader: RecordReader<LiveAudience>;

  constructor(private readonly client: Redis, private readonly prefix: string, { clock = () => new Date(), report = reportToStderr }: RedisLiveAudienceRepositoryOptions = {}) {
    this.clock = clock;
    this.reader = { kind: 'live_audience', decode: storedLiveAudience, report };
  }

  async list(workspace: string): Promise<LiveAudience[]> {
    return this.seeded(workspace, async () => {
      const k = this.keys(workspace);
      // One MULTI: the order and the records as of the same moment.
      const [ids, records] = await execAll<[string[], Record<string, string>]>(this.client.multi().lrange(k.liveOrder, 0, -1).hgetall(k.live));
      if (ids.length === 0) return undefined;
      return ids.flatMap((id) => readRecord(this.reader, workspace, id, records[id]) ?? []);
    });
  }

  async get(workspace: string, id: string): Promise<LiveAudience | undefined> {
    const found = await this.seeded(workspace, async () => {
      const k = this.keys(workspace);
      const [exists, raw] = await execAll<[number, string | null]>(this.client.multi().exists(k.liveOrder).hget(k.live, id));
      if (exists === 0) return undefined;
      return { raw };
    });
    return readRecord(this.reader, workspace, id, found.raw);
  }

  async save(workspace: string, audience: LiveAudience, opts: { position?: number } = {}): Promise<LiveAudience> {
    const stored = toStored(storedLiveAudience(audience));
    await this.seeded(workspace, async () => {
      // LINDEX past the end answers nil, which the script turns into RPUSH.
      const index = insertionIndex(opts.position, Number.MAX_SAFE_INTEGER);
      return this.write(workspace, SAVE, [stored.id, JSON.stringify(stored), index]);
    });
    return stored;
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    if (isBuiltInLiveAudience(id)) {
      const found = await this.get(workspace, id);
      if (found) throw builtInDeleteConflict(found);
      return false;
    }
    return (await this.seeded(workspace, () => this.write(workspace, DELETE, [id]))) === 1;
  }

  async reorder(workspace: string, ids: string[]): Promise<LiveAudience[]> {
    const reply = await this.seeded(workspace, async () => {
      const out = await runScript(this.client, REORDER, this.scriptKeys(workspace), ids);
      return out === UNSEEDED ? undefined : (out as [number, ...(string | null)[]]);
    });
    const [ok, ...rest] = reply;
    if (ok !== 1) throw reorderProblem(rest as string[], ids)!;
    return rest.flatMap((raw, i) => readRecord(this.reader, workspace, ids[i] ?? '', raw) ?? []);
  }

  async version(workspace: string): Promise<number> {
    return this.seeded(workspace, async () => {
      const raw = await storeCall(() => this.client.get(this.keys(workspace).liveVersion));
      return raw === null ? undefined : Number(raw);
    });
  }

  /** Runs `attempt`; when it finds no list (undefined), seeds the defaults and runs it once more. */
  private async seeded<T>(workspace: string, attempt: () => Promise<T | undefined>): Promise<T> {
    const first = await attempt();
    if (first !== undefined) return first;
    const args = defaultLiveAudiences(this.clock()).flatMap((a) => [a.id, JSON.stringify(a)]);
    await runScript(this.client, SEED, this.scriptKeys(workspace), args);
    const second = await attempt();
    // The list was just seeded and defaults are never deleted; only a concurrent wipe gets here.
    if (second === undefined) throw new Error(`The live audiences of workspace ${workspace} vanished while being seeded.`);
    return second;
  }

  private async write(workspace: string, script: typeof SAVE, args: (string | number)[]): Promise<number | undefined> {
    const out = Number(await runScript(this.client, script, this.scriptKeys(workspace), args));
    return out === UNSEEDED ? undefined : out;
  }

  private keys(workspace: string) {
    return workspaceKeys(this.prefix, workspace);
  }

  private scriptKeys(workspace: string): string[] {
    const k = this.keys(workspace);
    return [k.live, k.liveOrder, k.liveVersion];
  }
}
