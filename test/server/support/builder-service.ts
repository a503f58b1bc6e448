/**
 * The real audience builder served on memory stores with the shop workspace (offline
 * interpreter), for tests that send it hostile or careless requests, plus raw request helpers
 * that read any answer (JSON or SSE) without the SDK smoothing anything over.
 */
import { afterAll, beforeAll } from 'vitest';
import { createOfflineInterpreter } from '../../../src/interpreter/offline/index.js';
import { audienceBuilderAssistant } from '../../../src/server/assistants/audience-builder.js';
import type { ServerSettings } from '../../../src/server/context.js';
import { openShop, SHOP_NOW, type OpenShop } from '../../graph/shop-workspace.js';
import { getTestRedis, type TestRedis } from '../../helpers/redis.js';
import { frames, type Frame } from './raw-sse.js';
import { startTestService, type TestService } from './test-service.js';

export interface Answer {
  status: number;
  /** Parsed JSON, or the text when it is not JSON. */
  body: unknown;
  /** SSE frames, when the answer is a stream. */
  frames: Frame[];
}

export interface BuilderService {
  readonly svc: TestService;
  readonly shop: OpenShop;
  /** Any request; a string or bytes body is sent as is, anything else as JSON. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** A new thread's id. */
  thread(): Promise<string>;
}

export interface BuilderServiceOptions {
  settings?: Partial<ServerSettings>;
  /** Redis stores (a test Redis under a prefix of its own) instead of memory ones. */
  redis?: boolean;
}

/** Opens the shop and starts the service once for the calling test file (or describe block). */
export function builderService({ settings = {}, redis: useRedis = false }: BuilderServiceOptions = {}): BuilderService {
  let svc: TestService | undefined;
  let shop: OpenShop | undefined;
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    shop = await openShop();
    if (useRedis) redis = await getTestRedis();
    svc = await startTestService({
      ...(redis ? { redis } : {}),
      assistants: (repositories) => [audienceBuilderAssistant({
        interpreter: createOfflineInterpreter(),
        audiences: repositories.audiences,
        glossary: repositories.glossary,
        liveAudiences: repositories.liveAudiences,
        visitors: repositories.visitors,
      })],
      workspaces: { get: async (tenant) => (tenant === 'default' ? shop : undefined) },
      settings: { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 }, ...settings },
      deps: { referenceTime: () => SHOP_NOW },
    });
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
    await shop?.dispose();
    await redis?.stop();
  });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${svc!.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : body instanceof Uint8Array ? new Blob([new Uint8Array(body)]) : JSON.stringify(body) }),
    });
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      const got: Frame[] = [];
      for await (const frame of frames(res)) got.push(frame);
      return { status: res.status, body: undefined, frames: got };
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // Not JSON: kept as text.
    }
    return { status: res.status, body: parsed, frames: [] };
  }

  return {
    get svc() {
      return svc!;
    },
    get shop() {
      return shop!;
    },
    call,
    async thread() {
      const created = await call('POST', '/threads', {});
      return (created.body as { thread_id: string }).thread_id;
    },
  };
}

/** A definition whose root holds one condition nested `depth` groups deep. */
export function nestedDefinition(depth: number, leaf: unknown = { type: 'trait', trait: 'country', op: 'eq', value: 'DE' }): Record<string, unknown> {
  let c = leaf;
  for (let i = 0; i < depth; i++) c = { type: 'group', op: 'and', conditions: [c] };
  return { version: 1, root: { type: 'group', op: 'and', conditions: [c] } };
}

/** JSON text of `{"a":{"a":…}}` nested `depth` deep (built as text: the value itself would overflow JSON.stringify). */
export function deepJsonText(depth: number, key = 'a'): string {
  return `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;
}
