/**
 * compute() timed per definition on the DuckDB engine, and the same definitions through the
 * reference evaluator (in a worker thread with its own heap, so its gigabytes of objects are
 * gone when it ends and never slow the engine's timings).
 */
import { Worker } from 'node:worker_threads';
import type { DuckDBValue } from '@duckdb/node-api';
import { memberSetQuery } from '../src/engine/compile/audience.js';
import { createDuckDbEngine } from '../src/engine/duckdb-engine.js';
import { openStore } from '../src/store/store.js';
import type { BenchDefinition } from './definitions.js';
import { handQueries } from './hand-queries.js';
import { rssMiB } from './environment.js';
import { summarize, timed, type Summary } from './stats.js';

export interface EngineTiming {
  key: string;
  size: number;
  summary: Summary;
  /** One query counting the members (the engine's own member SQL, without its ORDER BY): the floor under compute(). */
  countSummary: Summary;
  /** The hand-written DuckDB count of the same members (hand-queries.ts): the baseline. */
  handSummary: Summary;
  /** What the hand query counted: must equal `size`. */
  handSize: number;
}

export interface EngineBench {
  profiles: number;
  timings: EngineTiming[];
  rssMiB: number;
}

/** Times each definition `runs` times after one untimed warm-up; runs are interleaved across definitions. */
export async function benchEngine(dbPath: string, defs: readonly BenchDefinition[], now: Date, runs: number, log: (line: string) => void): Promise<EngineBench> {
  const store = await openStore(dbPath);
  const engine = createDuckDbEngine({ connection: store.connection, schema: store.schema, catalog: store.catalog });
  try {
    const hand = handQueries(store.schema, now, store.catalog.workspace.lookbackDays);
    const countHand = async (key: string): Promise<{ value: number; seconds: number }> => {
      const q = hand[key];
      if (!q) throw new Error(`no hand-written query for the bench definition "${key}"`);
      const { value, seconds } = await timed(() => store.connection.runAndReadAll(q.sql, q.params as DuckDBValue[]));
      return { value: Number(value.getRowObjectsJS()[0]!.n), seconds };
    };
    const sizes = new Map<string, number>();
    const handSizes = new Map<string, number>();
    let profiles = 0;
    for (const d of defs) {
      const { value, seconds } = await timed(() => engine.compute(d.definition, { now }));
      sizes.set(d.key, value.size);
      profiles = value.totalProfiles;
      const counted = await countHand(d.key);
      handSizes.set(d.key, counted.value);
      log(`engine warm-up ${d.key}: ${value.size} members, ${seconds.toFixed(3)} s; hand SQL ${counted.value} members, ${counted.seconds.toFixed(3)} s`);
    }
    const samples = new Map<string, number[]>(defs.map((d) => [d.key, []]));
    const countSamples = new Map<string, number[]>(defs.map((d) => [d.key, []]));
    const handSamples = new Map<string, number[]>(defs.map((d) => [d.key, []]));
    for (let run = 0; run < runs; run++) {
      for (const d of defs) {
        const { seconds } = await timed(() => engine.compute(d.definition, { now }));
        samples.get(d.key)!.push(seconds);
        const members = memberSetQuery({ schema: store.schema, catalog: store.catalog, now, dialect: 'duckdb', lookbackDays: store.catalog.workspace.lookbackDays }, d.definition);
        const counted = await timed(() => store.connection.runAndReadAll(`SELECT COUNT(*) FROM (${members.text}) AS members`, [...members.params] as DuckDBValue[]));
        countSamples.get(d.key)!.push(counted.seconds);
        handSamples.get(d.key)!.push((await countHand(d.key)).seconds);
      }
      log(`engine run ${run + 1}/${runs} done`);
    }
    const timings = defs.map((d) => ({
      key: d.key,
      size: sizes.get(d.key)!,
      summary: summarize(samples.get(d.key)!),
      countSummary: summarize(countSamples.get(d.key)!),
      handSummary: summarize(handSamples.get(d.key)!),
      handSize: handSizes.get(d.key)!,
    }));
    return { profiles, timings, rssMiB: rssMiB() };
  } finally {
    await engine.close();
    await store.close();
  }
}

export interface ReferenceTiming {
  key: string;
  size: number;
  summary: Summary;
}

export interface ReferenceBench {
  profiles: number;
  events: number;
  loadSeconds: number;
  heapMiB: number;
  timings: ReferenceTiming[];
}

export interface ReferenceJob {
  dir: string;
  now: string;
  runs: number;
}

export type ReferenceMessage = { kind: 'log'; line: string } | { kind: 'done'; result: ReferenceBench };

/** Heap for the reference worker: a 100k-profile workspace holds ~2M event objects. */
const REFERENCE_HEAP_MB = 12_288;

export function benchReference(job: ReferenceJob, log: (line: string) => void): Promise<ReferenceBench> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./reference-worker.js', import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: REFERENCE_HEAP_MB },
    });
    let result: ReferenceBench | undefined;
    worker.on('message', (m: ReferenceMessage) => {
      if (m.kind === 'log') log(m.line);
      else result = m.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`reference worker exited with code ${code} and no result`))));
  });
}
