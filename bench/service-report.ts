/** The service benchmark's figures as Markdown tables, each beside the baseline measured with it. */
import { CHECKPOINT_OPS, type CheckpointBench } from './service-checkpoint.js';
import type { StreamsBench } from './service-streams.js';
import { TURN_PROMPTS, type TurnBench, type TurnSamples } from './service-turns.js';
import { percentile } from './stats.js';

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
/** Milliseconds with three significant figures at most. */
const ms = (x: number): string => (x >= 100 ? int(x) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const ratio = (x: number): string => (x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`);
const p50 = (xs: readonly number[]) => percentile(xs, 0.5);
const p99 = (xs: readonly number[]) => percentile(xs, 0.99);
const pair = (xs: readonly number[]): string => (xs.length ? `${ms(p50(xs))} / ${ms(p99(xs))}` : '–');
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

export function turnTable(t: TurnBench): string {
  const base = t.inProcess.totalMs;
  const row = (name: string, s: TurnSamples): string[] => [
    name,
    ms(p50(s.totalMs)),
    ms(p99(s.totalMs)),
    pair(s.headersMs),
    pair(s.firstEventMs),
    s === t.inProcess ? '1 (baseline)' : ratio(p50(s.totalMs) / p50(base)),
    s === t.inProcess ? '1 (baseline)' : ratio(p99(s.totalMs) / p99(base)),
  ];
  return table(
    ['turn through', 'turn p50 ms', 'turn p99 ms', 'first byte (headers) p50 / p99 ms', 'first graph event p50 / p99 ms', 'p50 / in-process', 'p99 / in-process'],
    [row('service: HTTP + Redis', t.redis), row('service: HTTP + memory stores', t.memory), row('in-process graph + MemorySaver (baseline)', t.inProcess)],
  );
}

export function turnNote(t: TurnBench): string {
  const outcomes = TURN_PROMPTS.map((p) => {
    const seen = new Set([t.redis, t.memory, t.inProcess].flatMap((s) => [...(s.outcomes.get(p) ?? [])]));
    return `"${p}" → ${[...seen].join(' | ')}${seen.size > 1 ? ' (DIFFERENT across runs)' : ''}`;
  });
  return `${int(t.turns)} timed turns each way after ${t.warmup} warm-up turns, the three ways interleaved turn by turn, each turn on a new thread, prompts in rotation; how their turns ended, all ways: ${outcomes.join('; ')}. ` +
    'Turn = request sent until the stream ended; first graph event = first frame after `metadata` (in-process: the first chunk of `graph.stream`). ' +
    'Each service runs in a process of its own (default settings but the rate limit); the HTTP client and the in-process baseline run in the benchmark process.';
}

export function checkpointTable(c: CheckpointBench): string {
  return table(
    ['operation', 'n', 'RedisSaver p50 ms', 'RedisSaver p99 ms', 'MemorySaver p50 ms (baseline)', 'MemorySaver p99 ms', 'Redis / memory p50', 'Redis / memory p99'],
    CHECKPOINT_OPS.map((op) => {
      const r = c.redis[op];
      const m = c.memory[op];
      return [op, int(r.length), ms(p50(r)), ms(p99(r)), ms(p50(m)), ms(p99(m)), ratio(p50(r) / p50(m)), ratio(p99(r) / p99(m))];
    }),
  );
}

export function checkpointNote(c: CheckpointBench): string {
  const size = (xs: number[]) => `${kib(p50(xs))} KiB median, ${kib(Math.max(...xs))} KiB largest`;
  return `Workload: the checkpointer calls of one real conversation on the shop workspace ("${c.steps.join('" → "')}", ending ${c.status}: ` +
    `${c.putsPerConversation} puts and ${c.writesPerConversation} putWrites), replayed on ${int(c.conversations)} fresh threads per saver, the two savers alternating thread by thread, after one untimed conversation each. ` +
    `Checkpoints as serialized (whole state: the draft with its samples, explanation, tool calls): ${size(c.putBytes)}; writes per putWrites call: ${size(c.writeBytes)}. ` +
    '"getTuple (latest)" is timed after each put (what a turn reads first: the latest id, then the checkpoint, its values and writes); "getTuple (by id)" reads every checkpoint of the thread after the conversation.';
}

export function streamsTable(s: StreamsBench): string {
  const per = (a: number, b: number) => kib((b - a) / s.streams);
  return table(
    ['open streams', 'idle RSS MiB (baseline)', `RSS with ${int(s.streams)} streams MiB`, 'RSS per stream KiB', 'with streams / idle', 'heap used idle → held MiB', 'heap per stream KiB'],
    [[
      `${int(s.opened)} (service counts ${int(s.serverOpenStreams)})`,
      mib(s.idle.rss),
      mib(s.held.rss),
      per(s.idle.rss, s.held.rss),
      ratio(s.held.rss / s.idle.rss),
      `${mib(s.idle.heapUsed)} → ${mib(s.held.heapUsed)}`,
      per(s.idle.heapUsed, s.held.heapUsed),
    ]],
  );
}

export function streamsNote(s: StreamsBench): string {
  return `One service process (Redis stores, default settings) running one long turn; ${int(s.streams)} clients rejoin its stream from the start (\`Last-Event-ID: -1\`, one TCP connection each, opened ${100} at a time in ${s.openSeconds.toFixed(1)} s) and wait for its next event. ` +
    'Memory read in the service process after a full collection (`--expose-gc`), idle = listening with the turn running and no stream; held = 1 s after the last stream delivered its first frame. ' +
    `After all streams were closed: RSS ${mib(s.closed.rss)} MiB, heap used ${mib(s.closed.heapUsed)} MiB.`;
}
