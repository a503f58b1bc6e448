/** Worker thread: loads a workspace folder into the reference evaluator and times the ten definitions. */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateReference } from '../src/reference/evaluate.js';
import { loadReferenceData } from '../src/reference/load.js';
import type { ReferenceBench, ReferenceJob, ReferenceMessage } from './compute-bench.js';
import { benchDefinitions } from './definitions.js';
import { summarize, timed } from './stats.js';

/** Events held per profile, whether as one list or as lists by event name. */
function countEvents(perProfile: Iterable<unknown>): number {
  let n = 0;
  for (const held of perProfile) {
    if (Array.isArray(held)) n += held.length;
    else if (held instanceof Map) n += countEvents(held.values());
  }
  return n;
}

const job = workerData as ReferenceJob;
const send = (m: ReferenceMessage): void => parentPort!.postMessage(m);
const log = (line: string): void => send({ kind: 'log', line });

const now = new Date(job.now);
const defs = benchDefinitions();
log(`reference: loading ${job.dir}…`);
const { value: data, seconds: loadSeconds } = await timed(() => loadReferenceData(job.dir));
const events = countEvents(data.events.values());
const heapMiB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
log(`reference: loaded ${data.profiles.size} profiles, ${events} events in ${loadSeconds.toFixed(1)} s (heap ${heapMiB} MiB)`);

const sizes = new Map<string, number>();
const samples = new Map<string, number[]>(defs.map((d) => [d.key, []]));
// The first run of each definition is a warm-up, as for the engine.
for (let run = 0; run <= job.runs; run++) {
  for (const d of defs) {
    const { value, seconds } = await timed(() => evaluateReference(d.definition, data, now));
    sizes.set(d.key, value.length);
    if (run > 0) samples.get(d.key)!.push(seconds);
  }
  log(`reference run ${run}/${job.runs} done${run === 0 ? ' (warm-up)' : ''}`);
}

const result: ReferenceBench = {
  profiles: data.profiles.size,
  events,
  loadSeconds,
  heapMiB,
  timings: defs.map((d) => ({ key: d.key, size: sizes.get(d.key)!, summary: summarize(samples.get(d.key)!) })),
};
send({ kind: 'done', result });
