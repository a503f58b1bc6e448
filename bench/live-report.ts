/** The live bench's figures as a Markdown table, compiled beside the naive baseline. */
import type { LiveBench, LiveRun } from './live-bench.js';

export const LIVE_GOAL_P99_MICROS = 50;

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const micros = (n: number): string => (n >= 100 ? int(n) : n.toFixed(1));

export function liveReport(b: LiveBench): string {
  const row = (name: string, r: LiveRun) => `| ${name} | ${int(r.visitorsPerSecond)} | ${int(r.evaluationsPerSecond)} | ${micros(r.p50Micros)} | ${micros(r.p99Micros)} | ${micros(r.maxMicros)} | ${r.p99Micros < LIVE_GOAL_P99_MICROS ? 'met' : 'missed'} |`;
  return [
    `${b.visitors.toLocaleString('en-US')} distinct visitors × ${b.rounds} rounds against ${b.audiences} ordered audiences (${b.historyConditions} history conditions answered by fixed arrays). ` +
      'Per visitor: visit facts + all audiences qualified + first match. The naive baseline interprets the definitions per call ' +
      '(URL and User-Agent parsed, text lower-cased, patterns compiled, reasons written per condition).',
    '',
    `| evaluator | visitors/s | audience evaluations/s | p50 µs | p99 µs | max µs | p99 < ${LIVE_GOAL_P99_MICROS} µs |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('compiled', b.compiled),
    row('naive', b.naive),
    '',
    `Compiled / naive: ${(b.compiled.visitorsPerSecond / b.naive.visitorsPerSecond).toFixed(1)}× the throughput, ` +
      `p99 ${(b.naive.p99Micros / b.compiled.p99Micros).toFixed(1)}× lower. ` +
      `Answers ${b.disagreements === 0 ? 'agree for every visitor' : `DIFFER for ${int(b.disagreements)} visitors`}; ` +
      `${(b.matchedAboveDefaults * 100).toFixed(1)}% of visitors matched an audience above the defaults.`,
  ].join('\n');
}
