/**
 * Turn latency through the service against the same turn in-process. One turn = POST
 * /threads/:id/runs/stream with a description, read until the stream ends (the draft, or a
 * question), with the real audience builder (offline interpreter) over one workspace. Three
 * ways, interleaved turn by turn so a noisy machine slows all of them alike:
 *
 * - the service on Redis (stores and checkpoints) in a process of its own, over HTTP on loopback;
 * - the same service with its memory stores (the difference is what Redis costs);
 * - the graph in this process with MemorySaver and memory repositories (no HTTP, no run
 *   machinery): the baseline, so service / in-process is the service's own overhead.
 *
 * The client is this process, so reading the stream never competes with the service for its
 * event loop (it does compete for the machine's cores, as any co-located client would).
 */
import { randomUUID } from 'node:crypto';
import { MemorySaver } from '@langchain/langgraph';
import { createAudienceBuilderGraph } from '../graphs/audience-builder/graph.js';
import { InMemoryAudienceRepository } from '../src/audiences/memory-audience-repository.js';
import { InMemoryGlossaryRepository } from '../src/glossary/memory-glossary-repository.js';
import { createOfflineInterpreter } from '../src/interpreter/offline/index.js';
import { AUDIENCE_BUILDER_ID } from '../src/server/assistants/audience-builder.js';
import type { Workspace } from '../src/store/workspace.js';
import { ServiceHost } from './service-host-client.js';
import type { HostGraph } from './service-host.js';
import type { BenchRedis } from './service-redis.js';
import { postJson, sseFrames } from './service-sse.js';

/** Three kinds of turn: traits only, an event window, and a vague word the builder asks about. */
export const TURN_PROMPTS = ['Gold tier members in Japan', 'Customers who bought in the last 30 days', 'High-spending customers'];

export interface TurnSamples {
  /** Request sent → stream ended, ms. */
  totalMs: number[];
  /** Request sent → response headers (time to first byte), ms; none in-process. */
  headersMs: number[];
  /** Request sent → first graph event (the first frame after `metadata`), ms. */
  firstEventMs: number[];
  /** How each prompt's turn ended, e.g. `confirming, 123 members` or `clarifying`. */
  outcomes: Map<string, Set<string>>;
}

export interface TurnBench {
  turns: number;
  warmup: number;
  redis: TurnSamples;
  memory: TurnSamples;
  inProcess: TurnSamples;
}

export interface TurnBenchOptions {
  /** The workspace opened here (the baseline); the services open the same folder and cache. */
  workspace: Workspace;
  shop: string;
  home: string;
  redis: BenchRedis;
  now: Date;
  turns: number;
  warmup: number;
}

const samples = (): TurnSamples => ({ totalMs: [], headersMs: [], firstEventMs: [], outcomes: new Map() });

interface TurnValues {
  status?: string;
  currentDraft?: { size?: number } | null;
}

/** The state in a `values` event; an interrupt is announced as a values event of its own. */
function stateOf(data: unknown): TurnValues | undefined {
  return typeof data === 'object' && data !== null && 'status' in data ? (data as TurnValues) : undefined;
}

function outcomeOf(values: TurnValues | undefined, failed: boolean): string {
  if (failed || !values) return 'error';
  const size = values.status === 'confirming' ? values.currentDraft?.size : undefined;
  return size === undefined ? String(values.status) : `${values.status}, ${size} members`;
}

function record(into: TurnSamples, prompt: string, outcome: string): void {
  const seen = into.outcomes.get(prompt) ?? new Set<string>();
  seen.add(outcome);
  into.outcomes.set(prompt, seen);
}

interface Timed {
  totalMs: number;
  headersMs?: number;
  firstEventMs: number;
  outcome: string;
}

async function serviceTurn(svc: ServiceHost, prompt: string): Promise<Timed> {
  const thread = (await (await postJson(`${svc.url}/threads`, {})).json()) as { thread_id: string };
  const t0 = performance.now();
  const res = await postJson(`${svc.url}/threads/${thread.thread_id}/runs/stream`, { assistant_id: AUDIENCE_BUILDER_ID, input: { prompt }, stream_mode: ['values', 'custom'] });
  const headersMs = performance.now() - t0;
  if (res.status !== 200) throw new Error(`POST runs/stream answered ${res.status}: ${await res.text()}`);
  let firstEventMs = 0;
  let values: TurnValues | undefined;
  let failed = false;
  for await (const f of sseFrames(res)) {
    if (f.event === 'metadata') continue;
    if (!firstEventMs) firstEventMs = performance.now() - t0;
    if (f.event === 'values') values = stateOf(f.data) ?? values;
    if (f.event === 'error') failed = true;
  }
  return { totalMs: performance.now() - t0, headersMs, firstEventMs, outcome: outcomeOf(values, failed) };
}

export async function benchTurns(o: TurnBenchOptions, log: (line: string) => void): Promise<TurnBench> {
  const interpreter = createOfflineInterpreter();
  const graphOfHost: HostGraph = { kind: 'audience-builder', shop: o.shop, home: o.home, now: o.now.toISOString() };
  const onRedis = await ServiceHost.start({ redis: { url: o.redis.url, prefix: `${o.redis.prefix}:turns` }, graph: graphOfHost });
  const inMemory = await ServiceHost.start({ graph: graphOfHost }).catch(async (err: unknown) => {
    await onRedis.stop();
    throw err;
  });
  const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
  const deps = { interpreter, catalog: o.workspace.catalog, search: o.workspace.search, engine: o.workspace.engine, audiences: new InMemoryAudienceRepository(), glossary: new InMemoryGlossaryRepository(), workspaceId: 'bench', now: o.now };

  async function inProcessTurn(prompt: string): Promise<Timed> {
    const t0 = performance.now();
    const stream = await graph.stream({ prompt }, { configurable: { ...deps, thread_id: randomUUID() }, streamMode: ['values', 'custom'] });
    let firstEventMs = 0;
    let values: TurnValues | undefined;
    for await (const chunk of stream) {
      if (!firstEventMs) firstEventMs = performance.now() - t0;
      const [mode, data] = chunk as [string, unknown];
      if (mode === 'values') values = stateOf(data) ?? values;
    }
    return { totalMs: performance.now() - t0, firstEventMs, outcome: outcomeOf(values, false) };
  }

  const result: TurnBench = { turns: o.turns, warmup: o.warmup, redis: samples(), memory: samples(), inProcess: samples() };
  const ways: [TurnSamples, (prompt: string) => Promise<Timed>][] = [
    [result.redis, (p) => serviceTurn(onRedis, p)],
    [result.memory, (p) => serviceTurn(inMemory, p)],
    [result.inProcess, inProcessTurn],
  ];
  try {
    for (let i = 0; i < o.warmup + o.turns; i++) {
      const prompt = TURN_PROMPTS[i % TURN_PROMPTS.length]!;
      // Rotating which way goes first (independently of the prompt) keeps any after-effect of the
      // previous turn (GC, caches) fair.
      const first = Math.floor(i / TURN_PROMPTS.length) % ways.length;
      for (let k = 0; k < ways.length; k++) {
        const [into, turn] = ways[(first + k) % ways.length]!;
        const t = await turn(prompt);
        record(into, prompt, t.outcome);
        if (i < o.warmup) continue;
        into.totalMs.push(t.totalMs);
        into.firstEventMs.push(t.firstEventMs);
        if (t.headersMs !== undefined) into.headersMs.push(t.headersMs);
      }
      if ((i + 1) % 50 === 0) log(`turns: ${i + 1}/${o.warmup + o.turns} of each way done`);
    }
  } finally {
    await onRedis.stop();
    await inMemory.stop();
  }
  return result;
}
