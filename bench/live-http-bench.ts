/**
 * `POST /v1/match` end to end: the service in a process of its own on Redis, with the shop
 * workspace and 50 ordered live audiences, against the same matcher called in-process on the
 * memory stores, over the same visitors in the same run (the difference is the cost of HTTP and
 * Redis). Each configuration starts with empty stores and caches, so a visitor's first visit asks
 * the engine for their history and later visits use the cached answers. Returns Markdown.
 */
import { createMemoryRepositories } from '../src/repositories/index.js';
import { createLiveMatcher } from '../src/live/matcher.js';
import { createCachedProfileLookup, createProfileLookup } from '../src/live/profile-lookup.js';
import type { MatchResult } from '../src/live/types.js';
import { DEFAULT_SETTINGS } from '../src/server/context.js';
import { openWorkspace, type Workspace } from '../src/store/workspace.js';
import { runMatchLoad } from './live-http-load.js';
import { liveHttpWorkload, type LiveHttpWorkload } from './live-http-workload.js';
import { ServiceHost } from './service-host-client.js';
import { findBenchRedis, type BenchRedis } from './service-redis.js';
import { percentile } from './stats.js';

export const MATCH_GOAL_P99_MS = 5;

export interface LiveHttpBenchOptions {
  shop: string;
  home: string;
  now: Date;
  /** Distinct visitors, each visiting `visits` times in a shuffled order. */
  visitors?: number;
  visits?: number;
  concurrency?: number;
}

interface Row {
  path: string;
  inFlight: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  firstP99: number;
  repeatP99: number;
  errors: number;
  wrong: number;
}

const WORKSPACE = 'default';
const WARMUP_VISITORS = 100;

/** Each visitor's visits spread over the run in a fixed shuffled order. */
function requestOrder(visitors: number, visits: number): number[] {
  const order = Array.from({ length: visitors * visits }, (_v, i) => i % visitors);
  let seed = 42;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function row(path: string, inFlight: number, order: number[], latencies: Float64Array, seconds: number, answers: (string | null | undefined)[], w: LiveHttpWorkload): Row {
  const seen = new Set<number>();
  const first = order.map((v) => !seen.has(v) && Boolean(seen.add(v)));
  const all = [...latencies];
  return {
    path,
    inFlight,
    requests: order.length,
    requestsPerSecond: order.length / seconds,
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    max: Math.max(...all),
    firstP99: percentile(all.filter((_l, i) => first[i]), 0.99),
    repeatP99: percentile(all.filter((_l, i) => !first[i]), 0.99),
    errors: answers.filter((a) => a === undefined).length,
    wrong: order.filter((v, i) => answers[i] !== undefined && answers[i] !== w.visitors[v]!.expected).length,
  };
}

async function inProcess(workspace: Workspace, w: LiveHttpWorkload, order: number[], inFlight: number, now: Date): Promise<Row> {
  const repos = createMemoryRepositories();
  for (const v of w.visitors) if (Object.keys(v.recorded).length) await repos.visitors.recordTraits(WORKSPACE, v.visitor.id, v.recorded);
  const at = new Date().toISOString();
  for (const [i, a] of w.audiences.entries()) {
    await repos.liveAudiences.save(WORKSPACE, { ...a, id: `bench-${i}`, enabled: true, builtIn: false, createdAt: at, updatedAt: at }, { position: i });
  }
  const everyone = (await repos.liveAudiences.get(WORKSPACE, 'default-everyone'))!;
  await repos.liveAudiences.save(WORKSPACE, { ...everyone, enabled: true });
  const lookup = createCachedProfileLookup(createProfileLookup(workspace.engine), { ttlMs: DEFAULT_SETTINGS.visitorCacheTtlMs, maxVisitors: DEFAULT_SETTINGS.visitorCacheSize });
  const matcher = createLiveMatcher({
    liveAudiences: repos.liveAudiences,
    visitors: repos.visitors,
    lookupFor: () => lookup,
    workspaceFor: async () => workspace,
    clock: () => new Date(),
    referenceTime: () => now,
    sessionTimeoutMs: DEFAULT_SETTINGS.sessionTimeoutMs,
  });
  const visits = w.visitors.length - WARMUP_VISITORS;
  for (let i = 0; i < WARMUP_VISITORS * 3; i++) await matcher.match(WORKSPACE, w.visitors[visits + (i % WARMUP_VISITORS)]!.visitor);

  const latencies = new Float64Array(order.length);
  const answers = new Array<string | null | undefined>(order.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < order.length) {
      const i = next++;
      const t = performance.now();
      try {
        answers[i] = (await matcher.match(WORKSPACE, w.visitors[order[i]!]!.visitor)).audience?.name ?? null;
      } catch {
        answers[i] = undefined;
      }
      latencies[i] = performance.now() - t;
    }
  }));
  return row('in-process matcher, memory stores', inFlight, order, latencies, (performance.now() - started) / 1000, answers, w);
}

async function overHttp(o: LiveHttpBenchOptions, redis: BenchRedis, w: LiveHttpWorkload, order: number[], inFlight: number, log: (line: string) => void): Promise<Row> {
  const host = await ServiceHost.start({
    redis: { url: redis.url, prefix: `${redis.prefix}:live${inFlight}` },
    graph: { kind: 'audience-builder', shop: o.shop, home: o.home, now: o.now.toISOString() },
  });
  try {
    const call = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${host.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    };
    for (const v of w.visitors) if (Object.keys(v.recorded).length) await call('PUT', `/v1/visitors/${v.visitor.id}/traits`, { traits: v.recorded });
    for (const [i, a] of w.audiences.entries()) await call('POST', '/v1/live-audiences', { ...a, position: i });
    await call('PATCH', '/v1/live-audiences/default-everyone', { enabled: true });
    const visits = w.visitors.length - WARMUP_VISITORS;
    const body = (v: number) => JSON.stringify({ visitor: w.visitors[v]!.visitor });
    await runMatchLoad({ url: host.url, bodies: Array.from({ length: WARMUP_VISITORS * 3 }, (_x, i) => body(visits + (i % WARMUP_VISITORS))), concurrency: inFlight });
    log(`live-http: ${order.length} requests over HTTP, ${inFlight} in flight`);
    const run = await runMatchLoad({ url: host.url, bodies: order.map(body), concurrency: inFlight });
    const answers = order.map((_v, i) => (run.statuses[i] === 200 ? ((JSON.parse(run.responses[i]!) as MatchResult).audience?.name ?? null) : undefined));
    return row('POST /v1/match, HTTP + Redis', inFlight, order, run.latenciesMs, run.seconds, answers, w);
  } finally {
    await host.stop();
  }
}

const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms.toFixed(2));

export async function benchLiveHttp(o: LiveHttpBenchOptions, log: (line: string) => void): Promise<string> {
  const { visitors = 600, visits = 5, concurrency = 16 } = o;
  const redis = await findBenchRedis(log);
  const workspace = await openWorkspace({ dir: o.shop, home: o.home });
  const rows: Row[] = [];
  let w: LiveHttpWorkload;
  try {
    w = await liveHttpWorkload({ engine: workspace.engine, catalog: workspace.catalog, now: o.now, visitors: visitors + WARMUP_VISITORS });
    const order = requestOrder(visitors, visits);
    for (const inFlight of [1, concurrency]) {
      log(`live-http: ${order.length} matches in-process, ${inFlight} in flight`);
      rows.push(await inProcess(workspace, w, order, inFlight, o.now));
    }
    for (const inFlight of [1, concurrency]) rows.push(await overHttp(o, redis, w, order, inFlight, log));
  } finally {
    await workspace.close();
    await redis.stop();
  }
  const wrong = rows.reduce((n, r) => n + r.wrong + r.errors, 0);
  return [
    `${visitors} visitors × ${visits} visits (${rows[0]!.requests.toLocaleString('en-US')} requests, shuffled) against ${w.audiences.length + 5} ordered audiences ` +
      `(${w.historyConditions} distinct history conditions, a third of the visitors shop customers); Redis: ${redis.origin}; the service in its own process. ` +
      'Each row starts with empty stores and caches after a warm-up with other visitors: a first visit asks the engine for the visitor\'s history (one DuckDB query), ' +
      `later visits use the cached answers. Goal: p99 under ${MATCH_GOAL_P99_MS} ms per request end to end.`,
    '',
    '| path | in flight | requests/s | p50 ms | p99 ms | max ms | p99 first visits | p99 repeat visits | errors + wrong answers |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.path} | ${r.inFlight} | ${Math.round(r.requestsPerSecond).toLocaleString('en-US')} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.firstP99)} | ${fmt(r.repeatP99)} | ${r.errors + r.wrong} |`),
    '',
    `Answers checked against the naive interpretation with history from the engine's member queries: ${wrong === 0 ? 'all correct' : `${wrong} errors or wrong answers`}.`,
  ].join('\n');
}
