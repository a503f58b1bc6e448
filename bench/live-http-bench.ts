/**
 * `POST /v1/match` end to end: the service in a process of its own on Redis, with the shop
 * workspace and 50 ordered live audiences, against the same matcher called in-process on the
 * memory stores, over the same visitors in the same run (the difference is the cost of HTTP and
 * Redis). Over HTTP, latency at fixed request rates (open loop: each request timed from when it
 * was due, so queueing shows) and the saturation throughput (closed loop, 16 in flight, where
 * latency is in-flight / throughput whatever the code does). Each configuration starts with empty
 * stores and a history snapshot yet to be taken. Returns Markdown.
 */
import { createMemoryRepositories } from '../src/repositories/index.js';
import { createLiveMatcher } from '../src/live/matcher.js';
import { createHistorySnapshot } from '../src/live/history-snapshot.js';
import type { MatchResult } from '../src/live/types.js';
import { DEFAULT_SETTINGS } from '../src/server/context.js';
import { openWorkspace, type Workspace } from '../src/store/workspace.js';
import { runMatchLoad, runMatchRate, type LoadResult } from './live-http-load.js';
import { firstVisits, liveHttpWorkload, requestOrder, type LiveHttpWorkload } from './live-http-workload.js';
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
  /** Fixed request rates (per second) at which latency is measured over HTTP. */
  rates?: number[];
  /** Requests in flight of the closed-loop runs (saturation). */
  concurrency?: number;
}

/** How a row is driven: a fixed rate (open loop) or a fixed number in flight (closed loop). */
type Load = { kind: 'rate'; perSecond: number } | { kind: 'closed'; inFlight: number };

interface Row {
  path: string;
  load: Load;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  firstP99: number;
  repeatP99: number;
  /** Open loop: p99 of how late requests were handed to a connection (the client's own lag and waits for a connection). */
  sendLagP99?: number;
  errors: number;
  wrong: number;
}

const WORKSPACE = 'default';
const WARMUP_VISITORS = 100;
/** Connections at most in the open-loop runs; a due request beyond them waits, and the wait counts. */
const MAX_IN_FLIGHT = 32;

function row(path: string, load: Load, order: number[], latencies: Float64Array, seconds: number, answers: (string | null | undefined)[], w: LiveHttpWorkload, sendLag?: Float64Array): Row {
  const first = firstVisits(order);
  const all = [...latencies];
  return {
    path,
    load,
    requests: order.length,
    requestsPerSecond: order.length / seconds,
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    max: Math.max(...all),
    firstP99: percentile(all.filter((_l, i) => first[i]), 0.99),
    repeatP99: percentile(all.filter((_l, i) => !first[i]), 0.99),
    ...(sendLag ? { sendLagP99: percentile([...sendLag], 0.99) } : {}),
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
  const lookup = createHistorySnapshot(workspace.engine, { refreshMs: DEFAULT_SETTINGS.historyRefreshMs, clock: () => new Date() });
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
  return row('in-process matcher, memory stores', { kind: 'closed', inFlight }, order, latencies, (performance.now() - started) / 1000, answers, w);
}

const loadName = (load: Load): string => (load.kind === 'rate' ? `${load.perSecond.toLocaleString('en-US')}/s` : `${load.inFlight} in flight`);

async function overHttp(o: LiveHttpBenchOptions, redis: BenchRedis, w: LiveHttpWorkload, order: number[], load: Load, log: (line: string) => void): Promise<Row> {
  const tag = load.kind === 'rate' ? `rate${load.perSecond}` : `closed${load.inFlight}`;
  const host = await ServiceHost.start({
    redis: { url: redis.url, prefix: `${redis.prefix}:live-${tag}` },
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
    const drive = (bodies: string[]): Promise<LoadResult & { sendLagMs?: Float64Array }> =>
      load.kind === 'rate'
        ? runMatchRate({ url: host.url, bodies, ratePerSecond: load.perSecond, maxInFlight: MAX_IN_FLIGHT })
        : runMatchLoad({ url: host.url, bodies, concurrency: load.inFlight });
    // Warm-up with other visitors: connections, JIT, the compiled list and the history snapshot are ready.
    await drive(Array.from({ length: WARMUP_VISITORS * 3 }, (_x, i) => body(visits + (i % WARMUP_VISITORS))));
    log(`live-http: ${order.length} requests over HTTP, ${loadName(load)}`);
    const run = await drive(order.map(body));
    const answers = order.map((_v, i) => (run.statuses[i] === 200 ? ((JSON.parse(run.responses[i]!) as MatchResult).audience?.name ?? null) : undefined));
    return row('POST /v1/match, HTTP + Redis', load, order, run.latenciesMs, run.seconds, answers, w, run.sendLagMs);
  } finally {
    await host.stop();
  }
}

const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms.toFixed(2));

export async function benchLiveHttp(o: LiveHttpBenchOptions, log: (line: string) => void): Promise<string> {
  const { visitors = 600, visits = 5, rates = [200, 500, 1_000], concurrency = 16 } = o;
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
    for (const perSecond of rates) rows.push(await overHttp(o, redis, w, order, { kind: 'rate', perSecond }, log));
    rows.push(await overHttp(o, redis, w, order, { kind: 'closed', inFlight: concurrency }, log));
  } finally {
    await workspace.close();
    await redis.stop();
  }
  const wrong = rows.reduce((n, r) => n + r.wrong + r.errors, 0);
  const saturation = rows.at(-1)!;
  const goal = (r: Row) => (r.load.kind === 'rate' ? (r.p99 < MATCH_GOAL_P99_MS ? 'met' : 'missed') : '—');
  return [
    `${visitors} visitors × ${visits} visits (${rows[0]!.requests.toLocaleString('en-US')} requests, shuffled) against ${w.audiences.length + 5} ordered audiences ` +
      `(${w.historyConditions} distinct history conditions, a third of the visitors shop customers); Redis: ${redis.origin}; the service in its own process, ` +
      'the client, the service and Redis on the same machine. Each row starts with empty stores after a warm-up with other visitors (which also takes the ' +
      'workspace\'s history snapshot); a first visit finds no visitor state, later visits read and renew memberships. ' +
      `Fixed rates are driven open loop (request i due at start + i / rate, timed from then, at most ${MAX_IN_FLIGHT} connections; "send lag" is how late the client ` +
      `handed requests over, part of the latency). The closed-loop rows keep N requests in flight: their requests/s is the throughput at saturation and their ` +
      `latency N / throughput (Little's law), not the latency at a given load. Goal: p99 under ${MATCH_GOAL_P99_MS} ms per request end to end.`,
    '',
    '| path | load | requests/s | p50 ms | p99 ms | max ms | p99 first visits | p99 repeat visits | send lag p99 ms | errors + wrong answers | p99 goal |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      `| ${r.path} | ${loadName(r.load)} | ${Math.round(r.requestsPerSecond).toLocaleString('en-US')} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ` +
        `${fmt(r.firstP99)} | ${fmt(r.repeatP99)} | ${r.sendLagP99 === undefined ? '—' : fmt(r.sendLagP99)} | ${r.errors + r.wrong} | ${goal(r)} |`),
    '',
    `Saturation over HTTP: ${Math.round(saturation.requestsPerSecond).toLocaleString('en-US')} requests/s with ${concurrency} in flight. ` +
      `Answers checked against the naive interpretation with history from the engine's member queries: ${wrong === 0 ? 'all correct' : `${wrong} errors or wrong answers`}.`,
  ].join('\n');
}
