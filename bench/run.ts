/**
 * The benchmark: import throughput and compute() latency of the DuckDB engine, each printed
 * beside a baseline measured in the same run (ratios hold on a noisy, shared machine).
 *
 *   node dist/bench/run.js [--sizes 100000,1000000] [--runs 5] [--keep <dir>] [--reimport]
 *                          [--reference-max 100000] [--shop <dir>]
 *
 * Progress goes to stderr, Markdown tables to stdout. Generated workspaces and their imports are
 * kept under --keep (default /tmp/audience-agent-bench) and reused while their parameters and
 * the code that made them are unchanged. Workspaces up to 100k profiles are imported afresh
 * every run (that import is the throughput figure); bigger ones reuse an earlier import, whose
 * figures are shown as such, unless --reimport.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchEngine, benchReference, type ReferenceBench } from './compute-bench.js';
import { cachedImport, ensureGenerated, ensureSubset, forgetImport, importPath, recordImport, type GeneratedSpec } from './datasets.js';
import { benchDefinitions } from './definitions.js';
import { describeMachine, loadAverages } from './environment.js';
import { benchImport } from './import-bench.js';
import { computeTable, importTable, referenceNote, type ComputeSection, type ImportRow } from './report.js';

const NOW = '2026-11-01T00:00:00Z';
const SEED = 7;
const EVENTS_PER_PROFILE = 20;
const ALWAYS_REIMPORT_UP_TO = 100_000;

interface Args {
  sizes: number[];
  runs: number;
  keep: string;
  reimport: boolean;
  referenceMax: number;
  shop: string;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      runs: { type: 'string', default: '5' },
      keep: { type: 'string', default: '/tmp/audience-agent-bench' },
      reimport: { type: 'boolean', default: false },
      'reference-max': { type: 'string', default: '100000' },
      shop: { type: 'string', default: join(import.meta.dirname, '../../../shared/datasets/shop') },
    },
  });
  const positive = (name: string, text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
    return n;
  };
  return {
    sizes: values.sizes.split(',').map((s) => positive('sizes', s.trim())),
    runs: positive('runs', values.runs),
    keep: values.keep,
    reimport: values.reimport,
    referenceMax: positive('reference-max', values['reference-max']),
    shop: values.shop,
  };
}

const started = performance.now();
const log = (line: string): void => {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
};

async function main(args: Args): Promise<void> {
  const defs = benchDefinitions();
  const machineAtStart = describeMachine();
  log(machineAtStart);
  const imports: ImportRow[] = [];
  const sections: ComputeSection[] = [];

  if (existsSync(args.shop)) {
    imports.push({ bench: await benchImport('shop', args.shop, join(args.keep, 'db-shop.duckdb'), log), cached: false });
  } else {
    log(`no shop workspace at ${args.shop}: its import is not measured`);
  }

  for (const profiles of args.sizes) {
    const spec: GeneratedSpec = { profiles, eventsPerProfile: EVENTS_PER_PROFILE, seed: SEED, now: NOW };
    const workspace = await ensureGenerated(args.keep, spec, log);
    const dbPath = importPath(args.keep, spec);
    const earlier = args.reimport || profiles <= ALWAYS_REIMPORT_UP_TO ? undefined : await cachedImport(dbPath, workspace);
    if (earlier) {
      log(`reusing the import ${dbPath} from ${earlier.measuredAt}`);
      imports.push({ bench: earlier, cached: true });
    } else {
      await forgetImport(dbPath);
      const bench = await benchImport(`generated ${profiles.toLocaleString('en-US')}`, workspace.dir, dbPath, log);
      await recordImport(dbPath, workspace, bench);
      imports.push({ bench, cached: false });
    }
    const events = imports.at(-1)!.bench.events;

    log(`compute on DuckDB, ${profiles} profiles: ${args.runs} runs of ${defs.length} definitions`);
    const engine = await benchEngine(dbPath, defs, new Date(NOW), args.runs, log);

    const scale = Math.ceil(profiles / args.referenceMax);
    let reference: ReferenceBench | undefined;
    let referenceSkipped: string | undefined;
    try {
      const dir = scale > 1 ? await ensureSubset(workspace, scale, log) : workspace.dir;
      reference = await benchReference({ dir, now: NOW, runs: args.runs }, log);
    } catch (err) {
      referenceSkipped = err instanceof Error ? err.message : String(err);
      log(`reference evaluator failed: ${referenceSkipped}`);
    }
    sections.push({ profiles, events, engine, reference, referenceScale: scale, ...(referenceSkipped ? { referenceSkipped } : {}) });
  }

  const out: string[] = [
    `Machine: ${machineAtStart}; at the end: load average ${loadAverages()}.`,
    `compute() = size + reachability + 10 samples with traits + per-condition sizes; ${args.runs} timed runs after one warm-up, interleaved across definitions. ` +
      '"member count" = one query counting the members with the engine\'s own member SQL (toSql), the floor under compute(). ' +
      'The reference evaluator returns the member ids only.',
    '',
    '### Import throughput',
    '',
    importTable(imports),
  ];
  for (const s of sections) {
    out.push('', `### compute() at ${s.profiles.toLocaleString('en-US')} profiles / ${s.events.toLocaleString('en-US')} events (DuckDB)`, '', computeTable(defs, s), '', referenceNote(s));
  }
  out.push('', `Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

let args: Args;
try {
  args = parse(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
await main(args);
