/** A service taking data through the ingestion API, on loopback, over the shop workspace. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { serveCommand, type RunningService } from '../../src/cli/commands/serve.js';
import { loadConfig } from '../../src/config/env.js';
import { SHOP_DIR, SHOP_NOW } from '../helpers/shop.js';

export const WRITE_KEY = 'wk-acme';
export const OTHER_WRITE_KEY = 'wk-globex';
export const API_KEY = 'ak-acme';
export const OTHER_API_KEY = 'ak-globex';

export function freshHome(): string {
  return mkdtempSync(join(tmpdir(), 'aa-ingest-'));
}

export async function startIngesting(home: string, env: Record<string, string> = {}): Promise<RunningService> {
  const config = loadConfig({
    AUDIENCE_AGENT_HOME: home,
    PORT: '0',
    API_KEYS: `${API_KEY}:acme,${OTHER_API_KEY}:globex`,
    WRITE_KEYS: `${WRITE_KEY}:acme,${OTHER_WRITE_KEY}:globex`,
    INGEST_FLUSH_MS: '50',
    INGEST_CATALOG_REFRESH_MS: '100',
    LIVE_HISTORY_REFRESH_MS: '200',
    ...env,
  });
  return serveCommand({ data: SHOP_DIR, now: SHOP_NOW.toISOString() }, config, {
    logger: pino({ level: 'silent' }),
    handleSignals: false,
    // Tests ask again and again until data shows: more than the default 10 requests/s per key.
    settings: { rateLimit: { burst: 10_000, perSecond: 10_000 } },
  });
}

export function basic(writeKey: string): string {
  return `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
}

export async function send(url: string, path: string, body: unknown, writeKey = WRITE_KEY): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basic(writeKey) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function api<T = Record<string, unknown>>(url: string, path: string, body?: unknown, apiKey = API_KEY): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Asks until `check` returns something (data arrives within a flush or two), failing with what it last saw. */
export async function eventually<T>(what: string, read: () => Promise<T>, check: (v: T) => boolean, tries = 200): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await read();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} never became visible; last seen: ${JSON.stringify(last).slice(0, 500)}`);
}

/** The audience's size; -1 while a name it uses is not in the catalog yet. */
export function sizeOf(url: string, definition: unknown, apiKey = API_KEY): Promise<number> {
  return api<{ size: number; error?: { code: string } }>(url, '/v1/compute', { definition, now: SHOP_NOW.toISOString() }, apiKey).then((r) => {
    if (r.status === 422 && r.body.error?.code === 'unknown_reference') return -1;
    if (r.status !== 200) throw new Error(`compute answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body.size;
  });
}

export const one = (condition: unknown) => ({ version: 1, root: { type: 'group', op: 'and', conditions: [condition] } });
