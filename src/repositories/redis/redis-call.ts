/**
 * Running Redis commands and Lua scripts for the repositories, with every transport failure
 * turned into AppError `store_unavailable` (toStoreError) at this one boundary.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { toStoreError } from '../../checkpoint/redis-client.js';

export async function storeCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toStoreError(err);
  }
}

export interface LuaScript {
  lua: string;
  sha: string;
}

export function luaScript(lua: string): LuaScript {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

/** EVALSHA, loading the script with EVAL when the server does not know it yet (after a restart). */
export function runScript(client: Redis, script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
  return storeCall(async () => {
    try {
      return await client.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return client.eval(script.lua, keys.length, ...keys, ...args);
    }
  });
}

/** A record kept as a hash with one JSON value per top-level field, so scripts can patch fields. */
export function toHashFields(record: object): string[] {
  const out: string[] = [];
  for (const [field, value] of Object.entries(record)) if (value !== undefined) out.push(field, JSON.stringify(value));
  return out;
}

export function fromHashFields<T>(raw: Record<string, string> | string[] | null): T | undefined {
  if (!raw) return undefined;
  const entries: [string, string][] = [];
  if (Array.isArray(raw)) for (let i = 0; i + 1 < raw.length; i += 2) entries.push([raw[i]!, raw[i + 1]!]);
  else entries.push(...Object.entries(raw));
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([k, v]) => [k, JSON.parse(v) as unknown])) as T;
}

/** Runs a MULTI or pipeline and returns its replies, throwing the first failed one (through toStoreError). */
export async function execAll<T extends unknown[]>(batch: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<T> {
  return storeCall(async () => {
    const replies = await batch.exec();
    if (!replies) throw new Error('The Redis transaction was aborted.');
    return replies.map(([err, value]) => {
      if (err) throw err;
      return value;
    }) as T;
  });
}
