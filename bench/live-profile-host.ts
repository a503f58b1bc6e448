/**
 * The live service in a process of its own, timing where each `POST /v1/match` spends its time
 * on the server: before the matcher (HTTP parsing, auth, rate limit, JSON body, validation), the
 * visitor's read from Redis, the in-process work between the read and the write (compiled list,
 * visit facts, history snapshot, qualification), the membership write, and after the matcher
 * (serialising and sending the answer). Also the event loop's delay and GC pauses while it
 * runs. Started by live-http-profile.ts with an IPC channel: says `ready` with its URL, answers
 * `start` by clearing its records and `report` with them, and stops on `stop`.
 *
 *   node dist/bench/live-profile-host.js '<ProfileHostConfig as JSON>'
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { MemorySaver } from '@langchain/langgraph';
import { pino } from 'pino';
import { connectRedisClient } from '../src/checkpoint/redis-client.js';
import { createOfflineInterpreter } from '../src/interpreter/offline/index.js';
import type { LiveMatcher } from '../src/live/matcher.js';
import type { VisitorStateStore } from '../src/live/types.js';
import { createRedisRepositories } from '../src/repositories/index.js';
import { createApp } from '../src/server/app.js';
import { audienceBuilderAssistant } from '../src/server/assistants/audience-builder.js';
import { listen } from '../src/server/listen.js';
import { openWorkspace } from '../src/store/workspace.js';
import { BENCH_SETTINGS } from './service-stack.js';

export interface ProfileHostConfig {
  redis: { url: string; prefix: string };
  shop: string;
  home: string;
  now: string;
  /** Time each request's phases (AsyncLocalStorage and wrapped stores: some cost of their own); false: GC, loop delay and CPU only. */
  phases: boolean;
  /** Write a sampling heap profile of the objects that outlived a scavenge during the run here. */
  heapProfile?: string;
  /** The heap profile samples every allocation instead (to compare what share of each site survives). */
  heapProfileAll?: boolean;
  /** Write a CPU profile of the service during the run here (.cpuprofile, for DevTools or a script). */
  cpuProfile?: string;
}

/** Milliseconds of one match request on the server, by phase. */
export interface ServerTiming {
  before: number;
  read: number;
  /** Between the read and the write (or the end of the match when nothing is written). */
  work: number;
  write: number;
  after: number;
  total: number;
  /** Whether a GC pause fell within the request (from its request event to its finish) or in the 3 ms before it (while it waited to be read). */
  gc: boolean;
}

export type ProfileRequest = { kind: 'start' } | { kind: 'report' } | { kind: 'stop' };
export type ProfileReply =
  | { kind: 'ready'; url: string }
  | { kind: 'started' }
  | { kind: 'report'; timings: ServerTiming[]; unmatched: number; loopDelayMs: { p50: number; p99: number; max: number }; gcPausesMs: number[]; cpuMs: number; seconds: number };

interface Stamps {
  t0: number;
  matchStart?: number;
  readStart?: number;
  readEnd?: number;
  writeStart?: number;
  writeEnd?: number;
  matchEnd?: number;
}

/** A request whose event came this soon after a GC pause probably arrived during it. */
const GC_WAIT_MS = 3;

const config = JSON.parse(process.argv[2] ?? '{}') as ProfileHostConfig;
const send = (reply: ProfileReply) => process.send?.(reply);
const als = new AsyncLocalStorage<Stamps>();
const now = () => performance.now();

function timedVisitors(inner: VisitorStateStore): VisitorStateStore {
  return {
    async read(workspace, visitorId, at) {
      const s = als.getStore();
      if (s) s.readStart = now();
      try {
        return await inner.read(workspace, visitorId, at);
      } finally {
        if (s) s.readEnd = now();
      }
    },
    async writeMemberships(workspace, visitorId, memberships, at) {
      const s = als.getStore();
      if (s) s.writeStart = now();
      try {
        return await inner.writeMemberships(workspace, visitorId, memberships, at);
      } finally {
        if (s) s.writeEnd = now();
      }
    },
    recordTraits: (workspace, visitorId, traits) => inner.recordTraits(workspace, visitorId, traits),
    traitCatalog: (workspace) => inner.traitCatalog(workspace),
  };
}

const workspace = await openWorkspace({ dir: config.shop, home: config.home });
const client = await connectRedisClient(config.redis.url);
const base = createRedisRepositories({ client, prefix: `${config.redis.prefix}:svc` });
const service = createApp({
  assistants: [audienceBuilderAssistant({ interpreter: createOfflineInterpreter(), audiences: base.audiences, glossary: base.glossary })],
  checkpointer: new MemorySaver(),
  repositories: config.phases ? { ...base, visitors: timedVisitors(base.visitors) } : base,
  workspaces: { get: async () => workspace },
  logger: pino({ level: 'silent' }),
  settings: BENCH_SETTINGS,
  referenceTime: () => new Date(config.now),
});
// The routes ask the context for the matcher on each request, so it can be wrapped here.
const matcher: LiveMatcher = service.context.live;
if (config.phases) service.context.live = {
  async match(ws, visitor) {
    const s = als.getStore();
    if (s) s.matchStart = now();
    try {
      return await matcher.match(ws, visitor);
    } finally {
      if (s) s.matchEnd = now();
    }
  },
  matchMany: (ws, visitors) => matcher.matchMany(ws, visitors),
};

const server = await listen(service, { port: 0, host: '127.0.0.1' });
/** Timings with their span, until the report marks those a GC pause fell in. */
let pendingTimings: { t0: number; end: number; timing: ServerTiming }[] = [];
let unmatched = 0;
let gcPausesMs: number[] = [];
/** Start and end (performance.now()) of each GC pause during the run. */
let gcSpans: [number, number][] = [];
let cpuAt = process.cpuUsage();
let startedAt = now();
const loop = monitorEventLoopDelay({ resolution: 1 });
const gc = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcPausesMs.push(e.duration);
    gcSpans.push([e.startTime, e.startTime + e.duration]);
  }
});
gc.observe({ entryTypes: ['gc'] });

// Before express: the request's stamps follow it through body parsing into the matcher.
if (config.phases) server.server.prependListener('request', (req, res) => {
  if (req.method !== 'POST' || req.url !== '/v1/match') return;
  const s: Stamps = { t0: now() };
  als.enterWith(s);
  res.once('finish', () => {
    const end = now();
    if (s.matchStart === undefined || s.matchEnd === undefined || s.readStart === undefined || s.readEnd === undefined) {
      unmatched++;
      return;
    }
    const workEnd = s.writeStart ?? s.matchEnd;
    const timing: ServerTiming = {
      before: s.readStart - s.t0,
      read: s.readEnd - s.readStart,
      work: workEnd - s.readEnd,
      write: s.writeStart !== undefined && s.writeEnd !== undefined ? s.writeEnd - s.writeStart : 0,
      after: end - (s.writeEnd ?? s.matchEnd),
      total: end - s.t0,
      gc: false,
    };
    pendingTimings.push({ t0: s.t0, end, timing });
  });
});

const inspector = config.heapProfile || config.cpuProfile ? new Session() : undefined;
inspector?.connect();

process.on('message', async (m: ProfileRequest) => {
  if (m.kind === 'start') {
    if (config.heapProfile) {
      await inspector?.post('HeapProfiler.enable');
      await inspector?.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: config.heapProfileAll === true } as never);
    }
    if (config.cpuProfile) {
      await inspector?.post('Profiler.enable');
      await inspector?.post('Profiler.setSamplingInterval', { interval: 250 });
      await inspector?.post('Profiler.start');
    }
    pendingTimings = [];
    unmatched = 0;
    gcPausesMs = [];
    gcSpans = [];
    loop.reset();
    loop.enable();
    cpuAt = process.cpuUsage();
    startedAt = now();
    send({ kind: 'started' });
  } else if (m.kind === 'report') {
    loop.disable();
    if (inspector && config.heapProfile) writeFileSync(config.heapProfile, JSON.stringify((await inspector.post('HeapProfiler.stopSampling')).profile));
    if (inspector && config.cpuProfile) writeFileSync(config.cpuProfile, JSON.stringify((await inspector.post('Profiler.stop')).profile));
    const cpu = process.cpuUsage(cpuAt);
    const ms = (ns: number) => ns / 1e6;
    const timings = pendingTimings.map(({ t0, end, timing }) => ({ ...timing, gc: gcSpans.some(([a, b]) => a < end && b > t0 - GC_WAIT_MS) }));
    send({
      kind: 'report',
      timings,
      unmatched,
      loopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      gcPausesMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      seconds: (now() - startedAt) / 1000,
    });
  } else if (m.kind === 'stop') {
    gc.disconnect();
    void server
      .close(1000)
      .then(() => client.disconnect())
      .then(() => workspace.close())
      .finally(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready', url: server.url });
