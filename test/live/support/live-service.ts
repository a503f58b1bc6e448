/**
 * The real service with the shop workspace for live-audience tests: memory or Redis stores, a
 * clock the test moves (memberships start and end on it), history at the shop's reference time,
 * and one API key per tenant so each test works on a list of its own.
 */
import type { AudienceDefinition, Condition } from '../../../src/definition/schema.js';
import type { MatchResult } from '../../../src/live/types.js';
import type { ServerSettings } from '../../../src/server/context.js';
import type { LiveAudienceView } from '../../../src/server/routes/live.js';
import type { Workspace } from '../../../src/store/workspace.js';
import { afterAll, beforeAll } from 'vitest';
import { getTestRedis, type TestRedis } from '../../helpers/redis.js';
import { openShop, SHOP_NOW } from '../../helpers/shop.js';
import { startTestService, type TestService } from '../../server/support/test-service.js';
import { tinyAssistant } from '../../server/support/tiny-assistant.js';

export const CLOCK_START = Date.parse('2026-11-23T10:00:00Z');
export const SESSION_TIMEOUT_MS = 30 * 60_000;

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string; retryable: boolean; details?: Record<string, unknown> };
}

export interface TenantApi {
  tenant: string;
  /** Any request; the body is parsed JSON (undefined when empty), typed as the caller expects. */
  call<T = ErrorBody>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  /** The list in order (expects 200). */
  list(): Promise<LiveAudienceView[]>;
  /** Adds an audience (expects 201). */
  create(body: Record<string, unknown>): Promise<LiveAudienceView>;
  /** Sets the order (expects 200). */
  order(ids: string[]): Promise<LiveAudienceView[]>;
  /** Matches one visitor (expects 200). */
  match(visitor: Record<string, unknown>): Promise<MatchResult>;
}

export interface LiveService {
  url: string;
  svc: TestService;
  clock: { now(): number; set(ms: number): void; advance(ms: number): void };
  /** The API of a workspace of its own (its own key and live list); the data is the shop's. */
  tenant(name: string): TenantApi;
  stop(): Promise<void>;
}

export interface LiveServiceOptions {
  shop: Workspace;
  redis?: { url: string; prefix: string };
  tenants: string[];
  settings?: Partial<ServerSettings>;
  /** The wall clock instead of the test's clock (for load: memberships age as they would). */
  wallClock?: boolean;
}

export async function startLiveService(o: LiveServiceOptions): Promise<LiveService> {
  let nowMs = CLOCK_START;
  const apiKeys = Object.fromEntries(o.tenants.map((t) => [`key-${t}`, t]));
  const svc = await startTestService({
    assistants: [tinyAssistant()],
    ...(o.redis ? { redis: o.redis } : {}),
    workspaces: { get: async (tenant) => (o.tenants.includes(tenant) ? o.shop : undefined) },
    settings: { apiKeys, rateLimit: { burst: 1_000_000, perSecond: 1_000_000 }, sessionTimeoutMs: SESSION_TIMEOUT_MS, ...o.settings },
    deps: { clock: o.wallClock ? () => new Date() : () => new Date(nowMs), referenceTime: () => SHOP_NOW },
  });
  return {
    url: svc.url,
    svc,
    clock: {
      now: () => nowMs,
      set: (ms) => void (nowMs = ms),
      advance: (ms) => void (nowMs += ms),
    },
    tenant: (name) => tenantApi(svc.url, name),
    stop: () => svc.stop(),
  };
}

/** The API of one tenant of a service at `url` (API key `key-<tenant>`). */
export function tenantApi(url: string, name: string): TenantApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'x-api-key': `key-${name}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  async function expectOk<T>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const res = await call<T>(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  return {
    tenant: name,
    call,
    list: async () => (await expectOk<{ audiences: LiveAudienceView[] }>(200, 'GET', '/v1/live-audiences')).audiences,
    create: (body) => expectOk<LiveAudienceView>(201, 'POST', '/v1/live-audiences', body),
    order: async (ids) => (await expectOk<{ audiences: LiveAudienceView[] }>(200, 'PUT', '/v1/live-audiences/order', { ids })).audiences,
    match: (visitor) => expectOk<MatchResult>(200, 'POST', '/v1/match', { visitor }),
  };
}

/** A definition with one group of conditions (and by default), as the API receives it. */
export function definition(conditions: unknown[], op: 'and' | 'or' = 'and') {
  return { version: 1, root: { type: 'group', op, conditions } };
}

/** The same, typed, for asking the engine directly. */
export function audienceDefinition(conditions: Condition[], op: 'and' | 'or' = 'and'): AudienceDefinition {
  return { version: 1, root: { type: 'group', op, conditions }, exclude: [] };
}

/**
 * Opens the shop and a Redis once for a test file (closed after it), and starts live services
 * on memory or Redis stores over them.
 */
export function liveServices(): { start(kind: string, tenants: string[]): Promise<LiveService>; readonly shop: Workspace } {
  let shop: Workspace | undefined;
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    [redis, shop] = await Promise.all([getTestRedis(), openShop()]);
  }, 120_000);
  afterAll(async () => {
    await shop?.close();
    await redis?.stop();
  });
  return {
    start: (kind, tenants) => startLiveService({ shop: shop!, ...(kind === 'redis' ? { redis: redis! } : {}), tenants }),
    get shop() {
      return shop!;
    },
  };
}
