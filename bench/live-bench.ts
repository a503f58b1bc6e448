/**
 * Live audiences in-process: per visitor, the visit's facts, all 50 audiences qualified and the
 * first match, with the compiled list against the naive interpretation of the same definitions,
 * both over the same visitors in the same run. Per-visitor latency on the monotonic clock.
 */
import { compileLiveList } from '../src/live/compile/index.js';
import { naiveQualify } from '../src/live/naive.js';
import type { LiveAudience, Qualification, VisitorTraitInfo } from '../src/live/types.js';
import { visitFacts } from '../src/live/visit-facts.js';
import { benchLiveAudiences, LIVE_TRAIT_TYPES } from './live-audiences.js';
import { benchVisitors, type BenchVisitor } from './live-visitors.js';
import { percentile } from './stats.js';

export interface LiveRun {
  visitorsPerSecond: number;
  /** Audience qualifications per second (visitors × audiences). */
  evaluationsPerSecond: number;
  p50Micros: number;
  p99Micros: number;
  maxMicros: number;
}

export interface LiveBench {
  audiences: number;
  visitors: number;
  historyConditions: number;
  rounds: number;
  compiled: LiveRun;
  naive: LiveRun;
  /** Visitors whose first match or reasons differ between the two (0 expected). */
  disagreements: number;
  /** Share of visitors with a match above the default audiences at the bottom. */
  matchedAboveDefaults: number;
}

const VISITOR_TRAITS: VisitorTraitInfo[] = [{ name: 'shopping_for', type: 'string', values: ['cat', 'dog', 'puppy', 'fish'] }];
const OPTS = { currency: 'EUR', traitTypes: { ...LIVE_TRAIT_TYPES }, visitorTraits: VISITOR_TRAITS };
/** Built-in defaults sit at the bottom of the bench list. */
const DEFAULTS = 5;

function firstMatch(qs: readonly Qualification[], audiences: readonly LiveAudience[]): number {
  for (let i = 0; i < qs.length; i++) if (qs[i]!.qualifies && audiences[i]!.enabled) return i;
  return -1;
}

/** The profile answers of the history conditions: eight fixed patterns (about one answer in five true), by visitor. */
function historyPatterns(n: number): boolean[][] {
  return Array.from({ length: 8 }, (_, p) => Array.from({ length: n }, (_, i) => (p * 3 + i) % 5 === 0));
}

function summarise(samples: Float64Array, audiences: number): LiveRun {
  const list = Array.from(samples);
  const totalSeconds = list.reduce((a, b) => a + b, 0) / 1e9;
  return {
    visitorsPerSecond: list.length / totalSeconds,
    evaluationsPerSecond: (list.length * audiences) / totalSeconds,
    p50Micros: percentile(list, 0.5) / 1000,
    p99Micros: percentile(list, 0.99) / 1000,
    maxMicros: Math.max(...list) / 1000,
  };
}

export function benchLive(opts: { visitors: number; rounds: number; now: Date }, log: (line: string) => void): LiveBench {
  const audiences = benchLiveAudiences();
  const list = compileLiveList(audiences, OPTS);
  const histories = historyPatterns(list.historyConditions.length);
  const visitors = benchVisitors(opts.visitors);
  const { now } = opts;

  const compiled = (v: BenchVisitor, i: number) => {
    const qs = list.qualify(visitFacts(v.visitor, v.recorded), histories[i & 7]!, now);
    return { index: firstMatch(qs, audiences), qs };
  };
  const naive = (v: BenchVisitor, i: number) => {
    const qs = naiveQualify(audiences, { visitor: v.visitor, recordedTraits: v.recorded, historyConditions: list.historyConditions, history: histories[i & 7]!, now }, OPTS);
    return { index: firstMatch(qs, audiences), qs };
  };

  log(`live: ${audiences.length} audiences, ${visitors.length} visitors, ${list.historyConditions.length} history conditions; warming up and checking agreement`);
  let disagreements = 0;
  let matched = 0;
  visitors.forEach((v, i) => {
    const a = compiled(v, i);
    const b = naive(v, i);
    if (a.index !== b.index || JSON.stringify(a.qs) !== JSON.stringify(b.qs)) disagreements++;
    if (a.index >= 0 && a.index < audiences.length - DEFAULTS) matched++;
  });
  for (let i = 0; i < visitors.length; i++) compiled(visitors[i]!, i);

  const samples = { compiled: new Float64Array(visitors.length * opts.rounds), naive: new Float64Array(visitors.length * opts.rounds) };
  let sink = 0;
  for (let round = 0; round < opts.rounds; round++) {
    log(`live: round ${round + 1} of ${opts.rounds}`);
    for (const [name, run] of [['compiled', compiled], ['naive', naive]] as const) {
      const out = samples[name];
      for (let i = 0; i < visitors.length; i++) {
        const started = process.hrtime.bigint();
        sink += run(visitors[i]!, i).index;
        out[round * visitors.length + i] = Number(process.hrtime.bigint() - started);
      }
    }
  }
  if (sink === Number.MIN_SAFE_INTEGER) log('unreachable'); // keeps the results alive
  return {
    audiences: audiences.length,
    visitors: visitors.length,
    historyConditions: list.historyConditions.length,
    rounds: opts.rounds,
    compiled: summarise(samples.compiled, audiences.length),
    naive: summarise(samples.naive, audiences.length),
    disagreements,
    matchedAboveDefaults: matched / visitors.length,
  };
}
