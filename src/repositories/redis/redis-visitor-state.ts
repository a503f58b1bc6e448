/**
 * Visitors' memberships and answers in Redis. Memberships are one hash per visitor (audience id
 * → JSON {until, session?}) whose PEXPIRE is set to when the last one ends, relative to the
 * caller's `now` so an injected clock works; answers are another hash kept for `traitTtlMs`
 * after the last answer. A per-workspace catalog of recorded trait names and values lets
 * definitions and the agent find them.
 */
import type { Redis } from 'ioredis';
import { DEFAULT_TRAIT_TTL_MS } from '../../live/memory-visitor-state.js';
import type { Membership, VisitorStateStore, VisitorTraitInfo, VisitorTraitValue } from '../../live/types.js';
import { byTraitName, catalogValues, MAX_TRAIT_VALUES, visitorTraitType } from '../../live/visitor-trait-catalog.js';
import { visitorKeys, workspaceKeys } from './keys.js';
import { execAll, luaScript, runScript, storeCall } from './redis-call.js';

// KEYS: memberships. ARGV: now, id1, json1, … Writes the given memberships, drops ended ones
// and sets the expiry to the latest end (or deletes the hash when none is left).
const WRITE_MEMBERSHIPS = luaScript(`
local now = tonumber(ARGV[1])
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
local all = redis.call('HGETALL', KEYS[1])
local latest = now
for i = 1, #all, 2 do
  local untilMs = tonumber(cjson.decode(all[i + 1])['until'])
  if untilMs <= now then redis.call('HDEL', KEYS[1], all[i])
  elseif untilMs > latest then latest = untilMs end
end
if latest > now then
  redis.call('PEXPIRE', KEYS[1], string.format('%.0f', math.ceil(latest - now)))
else
  redis.call('DEL', KEYS[1])
end
return 1`);

// KEYS: memberships, traits. Both hashes of the visitor (one slot), as flat [field, value, …] lists.
const READ_VISITOR = luaScript(`return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]) }`);

// KEYS: catalog. ARGV: max values, then name, type, JSON array of values, … per trait.
const RECORD_CATALOG = luaScript(`
local max = tonumber(ARGV[1])
for i = 2, #ARGV, 3 do
  local values, seen = {}, {}
  local raw = redis.call('HGET', KEYS[1], ARGV[i])
  if raw then
    local kept = cjson.decode(raw)['values']
    if type(kept) == 'table' then
      for _, v in ipairs(kept) do values[#values + 1] = v; seen[v] = true end
    end
  end
  for _, v in ipairs(cjson.decode(ARGV[i + 2])) do
    if #values >= max then break end
    if not seen[v] then seen[v] = true; values[#values + 1] = v end
  end
  redis.call('HSET', KEYS[1], ARGV[i], cjson.encode({ type = ARGV[i + 1], values = values }))
end
return 1`);

export interface RedisVisitorStateOptions {
  /** How long a visitor's answers are kept after their last answer (default 365 days). */
  traitTtlMs?: number;
}

export class RedisVisitorStateStore implements VisitorStateStore {
  private readonly traitTtlMs: number;
  /** Each workspace's `live:version` key, built once (it is read on every match). */
  private readonly versionKeys = new Map<string, string>();

  constructor(private readonly client: Redis, private readonly prefix: string, { traitTtlMs = DEFAULT_TRAIT_TTL_MS }: RedisVisitorStateOptions = {}) {
    this.traitTtlMs = traitTtlMs;
  }

  async read(workspace: string, visitorId: string, now: number) {
    const v = visitorKeys(this.prefix, workspace, visitorId);
    let versionKey = this.versionKeys.get(workspace);
    if (versionKey === undefined) this.versionKeys.set(workspace, (versionKey = workspaceKeys(this.prefix, workspace).liveVersion));
    // Two commands sent together, one round trip: the visitor's script (its slot) and the version (the
    // workspace's slot). Not an ioredis pipeline: at a few hundred matches a second its per-call objects
    // outlived young-generation collections and made the GC pauses that set the p99 of /v1/match.
    const [[held, answers], version] = await Promise.all([
      runScript(this.client, READ_VISITOR, [v.memberships, v.traits], []) as Promise<[string[], string[]]>,
      storeCall(() => this.client.get(versionKey)),
    ]);
    const memberships: Membership[] = [];
    for (let i = 0; i + 1 < held.length; i += 2) {
      const m = JSON.parse(held[i + 1]!) as { until: number; session?: number };
      if (m.until > now) memberships.push({ audienceId: held[i]!, until: m.until, ...(m.session === undefined ? {} : { session: m.session }) });
    }
    const traits: [string, VisitorTraitValue][] = [];
    for (let i = 0; i + 1 < answers.length; i += 2) traits.push([answers[i]!, JSON.parse(answers[i + 1]!) as VisitorTraitValue]);
    return { memberships, traits: Object.fromEntries(traits), version: version === null ? 0 : Number(version) };
  }

  async writeMemberships(workspace: string, visitorId: string, memberships: Membership[], now: number): Promise<void> {
    const args: (string | number)[] = [now];
    for (const m of memberships) args.push(m.audienceId, JSON.stringify({ until: m.until, ...(m.session === undefined ? {} : { session: m.session }) }));
    await runScript(this.client, WRITE_MEMBERSHIPS, [visitorKeys(this.prefix, workspace, visitorId).memberships], args);
  }

  async recordTraits(workspace: string, visitorId: string, traits: Record<string, VisitorTraitValue>): Promise<Record<string, VisitorTraitValue>> {
    const key = visitorKeys(this.prefix, workspace, visitorId).traits;
    const entries = Object.entries(traits);
    if (entries.length === 0) {
      return parseValues(await storeCall(() => this.client.hgetall(key)));
    }
    const fields = entries.flatMap(([name, value]) => [name, JSON.stringify(value)]);
    const [, , answers] = await execAll<[number, number, Record<string, string>]>(
      this.client.multi().hset(key, ...fields).pexpire(key, this.traitTtlMs).hgetall(key),
    );
    const catalogArgs = entries.flatMap(([name, value]) => [name, visitorTraitType(value), JSON.stringify(catalogValues(value))]);
    await runScript(this.client, RECORD_CATALOG, [workspaceKeys(this.prefix, workspace).visitorTraits], [MAX_TRAIT_VALUES, ...catalogArgs]);
    return parseValues(answers);
  }

  async traitCatalog(workspace: string): Promise<VisitorTraitInfo[]> {
    const raw = await storeCall(() => this.client.hgetall(workspaceKeys(this.prefix, workspace).visitorTraits));
    return Object.entries(raw)
      .map(([name, json]) => {
        const info = JSON.parse(json) as { type: VisitorTraitInfo['type']; values: unknown };
        // Lua's JSON writes an empty list as {}.
        return { name, type: info.type, values: Array.isArray(info.values) ? (info.values as string[]) : [] };
      })
      .sort(byTraitName);
  }
}

function parseValues(raw: Record<string, string>): Record<string, VisitorTraitValue> {
  return Object.fromEntries(Object.entries(raw).map(([name, json]) => [name, JSON.parse(json) as VisitorTraitValue]));
}
