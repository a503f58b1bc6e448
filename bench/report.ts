/** The benchmark's figures as Markdown tables, each beside the baseline it is compared with. */
import type { EngineBench, ReferenceBench } from './compute-bench.js';
import type { BenchDefinition } from './definitions.js';
import type { ImportBench } from './import-bench.js';
import type { BesideBench } from './beside-bench.js';

export const IMPORT_GOAL_EVENTS_PER_SECOND = 300_000;
export const COMPUTE_GOAL_SECONDS = 1;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (seconds: number): string => (seconds * 1000 >= 100 ? int(seconds * 1000) : (seconds * 1000).toFixed(1));
const ratio = (x: number): string => (x >= 10 ? `${x.toFixed(0)}×` : x >= 1 ? `${x.toFixed(1)}×` : `${x.toFixed(3)}×`);

export interface ImportRow {
  bench: ImportBench;
  /** Measured in an earlier run and reused with its data. */
  cached: boolean;
}

export function importTable(rows: readonly ImportRow[]): string {
  return table(
    ['workspace', 'profiles', 'events', 'import s', 'import events/s', 'parse-only baseline events/s', 'import / baseline', `goal ≥ ${int(IMPORT_GOAL_EVENTS_PER_SECOND)}/s`, 'measured (load avg)'],
    rows.map(({ bench: b, cached }) => [
      b.workspace,
      int(b.profiles),
      int(b.events),
      b.import.seconds.toFixed(1),
      int(b.import.eventsPerSecond),
      int(b.baseline.eventsPerSecond),
      ratio(b.import.eventsPerSecond / b.baseline.eventsPerSecond),
      b.import.eventsPerSecond >= IMPORT_GOAL_EVENTS_PER_SECOND ? 'met' : 'missed',
      `${cached ? 'earlier run, ' : ''}${b.measuredAt.slice(0, 16)}Z (${b.loadAverage})`,
    ]),
  );
}

export interface ComputeSection {
  profiles: number;
  events: number;
  engine: EngineBench;
  reference?: ReferenceBench;
  /** The reference ran on 1/scale of the profiles; its times are multiplied by scale. */
  referenceScale: number;
  referenceSkipped?: string;
}

export function computeTable(defs: readonly BenchDefinition[], s: ComputeSection): string {
  const full = s.reference !== undefined && s.referenceScale === 1;
  const head = ['definition', 'members', 'hand SQL agrees', 'engine p50 ms', 'engine p95 ms', 'member count p50 ms', 'hand SQL count p50 ms', 'member count / hand', 'compute / hand', `reference p50 ms${s.referenceScale > 1 ? ` (×${s.referenceScale})` : ''}`, 'engine / reference', `p50 < ${COMPUTE_GOAL_SECONDS} s`];
  if (full) head.splice(3, 0, 'reference agrees');
  const rows = defs.map((d) => {
    const e = s.engine.timings.find((t) => t.key === d.key)!;
    const r = s.reference?.timings.find((t) => t.key === d.key);
    const refP50 = r ? r.summary.p50 * s.referenceScale : undefined;
    const row = [
      `${d.key}: ${d.description}`,
      int(e.size),
      e.handSize === e.size ? 'yes' : `NO (${int(e.handSize)})`,
      ms(e.summary.p50),
      ms(e.summary.p95),
      ms(e.countSummary.p50),
      ms(e.handSummary.p50),
      ratio(e.countSummary.p50 / e.handSummary.p50),
      ratio(e.summary.p50 / e.handSummary.p50),
      refP50 === undefined ? '–' : ms(refP50),
      refP50 === undefined ? '–' : ratio(e.summary.p50 / refP50),
      e.summary.p50 < COMPUTE_GOAL_SECONDS ? 'yes' : 'NO',
    ];
    if (full) row.splice(3, 0, r!.size === e.size ? 'yes' : `NO (${int(r!.size)})`);
    return row;
  });
  return table(head, rows);
}

export function referenceNote(s: ComputeSection): string {
  if (!s.reference) return `Reference evaluator not run: ${s.referenceSkipped ?? 'skipped'}.`;
  const r = s.reference;
  const subset = s.referenceScale > 1
    ? ` — 1 in ${s.referenceScale} of the profiles, with all their events; its times are multiplied by ${s.referenceScale} (evaluation is linear in profiles)`
    : '';
  return `Reference evaluator: ${int(r.profiles)} profiles, ${int(r.events)} events${subset}; loading took ${r.loadSeconds.toFixed(1)} s, heap ${int(r.heapMiB)} MiB (not included in its times). Engine process RSS after the runs: ${int(s.engine.rssMiB)} MiB.`;
}

export function besideTable(defs: readonly BenchDefinition[], b: BesideBench): string {
  const rows = defs.map((d) => {
    const t = b.timings.find((x) => x.key === d.key)!;
    return [`${d.key}: ${d.description}`, int(t.size), ms(t.duckdb.p50), ms(t.other.p50), ms(t.other.p95), ratio(t.other.p50 / t.duckdb.p50), t.other.p50 <= 2 * t.duckdb.p50 ? 'yes' : 'NO'];
  });
  return [
    `Loaded into ${b.engine} in ${b.loadSeconds.toFixed(1)} s; its first compute() took ${ms(b.firstComputeSeconds)} ms.`,
    '',
    table(['definition', 'members', 'DuckDB p50 ms', `${b.engine} p50 ms`, `${b.engine} p95 ms`, `${b.engine} / DuckDB`, 'within 2×'], rows),
  ].join('\n');
}
