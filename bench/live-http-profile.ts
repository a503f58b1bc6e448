/**
 * Where a `POST /v1/match` request's time goes at a fixed rate: the load test's workload (the
 * shop workspace, 50 ordered audiences, visitors visiting five times) sent open loop to the
 * service in a process of its own (live-profile-host.ts), with the client's latency (from when
 * each request was due), its send lag, the server's time per phase, the server's event-loop
 * delay and GC pauses, and the CPU the client, the service and Redis used.
 *
 *   node dist/bench/live-http-profile.js [--rate 500] [--visitors 500] [--visits 5] [--shop <dir>] [--home <dir>] [--no-phases]
 *                                        [--heap-profile <file> [--heap-profile-all]] [--cpu-profile <file>]
 *
 * --no-phases leaves the service untouched (no per-phase timing, whose AsyncLocalStorage costs
 * something itself): latency, GC, loop delay and CPU only. --heap-profile writes a sampling heap
 * profile of the service's objects that outlived a scavenge during the run (what makes scavenges
 * slow), or with --heap-profile-all of every allocation, for DevTools or a script; --cpu-profile
 * a CPU profile of the service during the run (sampled every 250 µs).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import type { MatchResult } from '../src/live/types.js';
import { openWorkspace } from '../src/store/workspace.js';
import { runMatchRate } from './live-http-load.js';
import { firstVisits, liveHttpWorkload, requestOrder } from './live-http-workload.js';
import type { ProfileHostConfig, ProfileReply, ProfileRequest, ServerTiming } from './live-profile-host.js';
import { findBenchRedis } from './service-redis.js';
import { percentile } from './stats.js';

const NOW = '2026-11-01T00:00:00Z';
const WARMUP_VISITORS = 100;
const MAX_IN_FLIGHT = 32;

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '500' },
    visitors: { type: 'string', default: '500' },
    visits: { type: 'string', default: '5' },
    shop: { type: 'string', default: join(import.meta.dirname, '../../../shared/datasets/shop') },
    home: { type: 'string', default: '/tmp/audience-agent-bench' },
    phases: { type: 'boolean', default: true },
    'heap-profile': { type: 'string' },
    'heap-profile-all': { type: 'boolean', default: false },
    'cpu-profile': { type: 'string' },
  },
  allowNegative: true,
});
const rate = Number(values.rate);
const visitors = Number(values.visitors);
const visits = Number(values.visits);
const log = (line: string) => process.stderr.write(`${line}\n`);

const redis = await findBenchRedis(log);
const workspace = await openWorkspace({ dir: values.shop, home: values.home });
const w = await liveHttpWorkload({ engine: workspace.engine, catalog: workspace.catalog, now: new Date(NOW), visitors: visitors + WARMUP_VISITORS });
await workspace.close();

const config: ProfileHostConfig = { redis: { url: redis.url, prefix: `${redis.prefix}:profile` }, shop: values.shop, home: values.home, now: NOW, phases: values.phases, ...(values['heap-profile'] ? { heapProfile: values['heap-profile'], heapProfileAll: values['heap-profile-all'] } : {}), ...(values['cpu-profile'] ? { cpuProfile: values['cpu-profile'] } : {}) };
const host = fork(new URL('./live-profile-host.js', import.meta.url), [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ask = async <K extends ProfileReply['kind']>(request: ProfileRequest | undefined, kind: K): Promise<Extract<ProfileReply, { kind: K }>> => {
  const answer = once(host, 'message') as Promise<[ProfileReply]>;
  if (request) host.send(request);
  const [reply] = await answer;
  if (reply.kind !== kind) throw new Error(`the profile host answered ${reply.kind}, not ${kind}`);
  return reply as Extract<ProfileReply, { kind: K }>;
};
const { url } = await ask(undefined, 'ready');

const redisCpuSeconds = async (client: Redis) => {
  const info = await client.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:(\\S+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return field('used_cpu_user') + field('used_cpu_sys');
};

try {
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
  for (const v of w.visitors) if (Object.keys(v.recorded).length) await call('PUT', `/v1/visitors/${v.visitor.id}/traits`, { traits: v.recorded });
  for (const [i, a] of w.audiences.entries()) await call('POST', '/v1/live-audiences', { ...a, position: i });
  await call('PATCH', '/v1/live-audiences/default-everyone', { enabled: true });
  const body = (v: number) => JSON.stringify({ visitor: w.visitors[v]!.visitor });
  await runMatchRate({ url, bodies: Array.from({ length: WARMUP_VISITORS * 3 }, (_x, i) => body(visitors + (i % WARMUP_VISITORS))), ratePerSecond: rate, maxInFlight: MAX_IN_FLIGHT });

  const order = requestOrder(visitors, visits);
  const probe = new Redis(redis.url);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const gcPauses: number[] = [];
  const gc = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcPauses.push(e.duration)));
  gc.observe({ entryTypes: ['gc'] });
  await ask({ kind: 'start' }, 'started');
  const redisCpu = await redisCpuSeconds(probe);
  const cpu = process.cpuUsage();
  loop.enable();
  log(`live-http-profile: ${order.length} requests at ${rate}/s`);
  const run = await runMatchRate({ url, bodies: order.map(body), ratePerSecond: rate, maxInFlight: MAX_IN_FLIGHT });
  loop.disable();
  gc.disconnect();
  const clientCpu = process.cpuUsage(cpu);
  const redisUsed = (await redisCpuSeconds(probe)) - redisCpu;
  probe.disconnect();
  const server = await ask({ kind: 'report' }, 'report');

  const wrong = order.filter((v, i) => run.statuses[i] !== 200 || ((JSON.parse(run.responses[i]!) as MatchResult).audience?.name ?? null) !== w.visitors[v]!.expected).length;
  const first = firstVisits(order);
  const latencies = [...run.latenciesMs];
  const sent = latencies.map((l, i) => l - run.sendLagMs[i]!);
  const f = (n: number) => n.toFixed(3).padStart(8);
  const line = (name: string, xs: number[]) => `${name.padEnd(44)} ${f(percentile(xs, 0.5))} ${f(percentile(xs, 0.9))} ${f(percentile(xs, 0.99))} ${f(Math.max(...xs))}`;
  const phase = (k: Exclude<keyof ServerTiming, 'gc'>) => server.timings.map((t) => t[k]);
  const totals = phase('total');
  const slowest = [...server.timings].sort((a, b) => b.total - a.total).slice(0, Math.ceil(server.timings.length / 100));
  const seconds = run.seconds;
  const out = [
    `${order.length} requests at ${rate}/s (achieved ${run.achievedPerSecond.toFixed(0)}/s, at most ${MAX_IN_FLIGHT} in flight), errors or wrong answers: ${wrong}`,
    `${'ms'.padEnd(44)} ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`,
    line('client: latency from due time', latencies),
    line('client: first visits', latencies.filter((_l, i) => first[i])),
    line('client: repeat visits', latencies.filter((_l, i) => !first[i])),
    line('client: send lag (due -> handed to a socket)', [...run.sendLagMs]),
    line('client: from send to last byte', sent),
    line(`server: total, request event -> finish (${server.timings.length})`, phase('total')),
    line('server: before (parse, auth, limit, body, zod)', phase('before')),
    line('server: read (Redis)', phase('read')),
    line('server: work (list, facts, history, qualify)', phase('work')),
    line('server: write (Redis)', phase('write')),
    line('server: after (serialise, send)', phase('after')),
    line('server: total, no GC pause in or 3 ms before', server.timings.filter((t) => !t.gc).map((t) => t.total)),
    `server: a GC pause fell in (or 3 ms before) ${server.timings.filter((t) => t.gc).length} of ${totals.length} requests, and ${slowest.filter((t) => t.gc).length} of the slowest ${slowest.length}`,
    `server: requests not traced ${server.unmatched}; event-loop delay p50 ${server.loopDelayMs.p50.toFixed(2)} p99 ${server.loopDelayMs.p99.toFixed(2)} max ${server.loopDelayMs.max.toFixed(2)} ms; ` +
      `GC pauses ${server.gcPausesMs.length} (sum ${server.gcPausesMs.reduce((a, b) => a + b, 0).toFixed(1)} ms, max ${Math.max(0, ...server.gcPausesMs).toFixed(2)} ms)`,
    `client: event-loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(2)} p99 ${(loop.percentile(99) / 1e6).toFixed(2)} max ${(loop.max / 1e6).toFixed(2)} ms; ` +
      `GC pauses ${gcPauses.length} (sum ${gcPauses.reduce((a, b) => a + b, 0).toFixed(1)} ms, max ${Math.max(0, ...gcPauses).toFixed(2)} ms)`,
    `CPU over the run (share of one core): client ${((clientCpu.user + clientCpu.system) / 1e6 / seconds * 100).toFixed(0)}%, ` +
      `service ${(server.cpuMs / 1000 / server.seconds * 100).toFixed(0)}%, Redis ${(redisUsed / seconds * 100).toFixed(0)}% (all its clients)`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  host.send({ kind: 'stop' } satisfies ProfileRequest);
  await once(host, 'exit');
  await redis.stop();
}
