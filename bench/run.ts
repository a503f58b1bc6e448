/**
 * The benchmark: import throughput and compute() latency of the DuckDB engine, the service
 * (turn latency, checkpointer, open streams) and live audiences in-process, each printed beside
 * a baseline measured in the same run (ratios hold on a noisy, shared machine).
 *
 *   node dist/bench/run.js [--sections import,compute,postgres,clickhouse,service,live,live-http,ingest] [--postgres <url>] [--sizes 100000,1000000] [--runs 5]
 *                          [--keep <dir>] [--reimport] [--reference-max 100000] [--shop <dir>]
 *                          [--turns 200] [--streams 1000] [--visitors 5000] [--ingest-events 200000]
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
import { benchIngest } from './ingest-bench.js';
import { benchLive } from './live-bench.js';
import { benchLiveHttp } from './live-http-bench.js';
import { liveReport } from './live-report.js';
import { besideTable, computeTable, importTable, referenceNote, type ComputeSection, type ImportRow } from './report.js';
import { benchBeside, clickhouseOpener, postgresOpener, type BesideBench } from './beside-bench.js';
import { benchService } from './service-bench.js';

const NOW = '2026-11-01T00:00:00Z';
const SEED = 7;
const EVENTS_PER_PROFILE = 20;
const ALWAYS_REIMPORT_UP_TO = 100_000;
const SECTIONS = ['import', 'compute', 'postgres', 'clickhouse', 'service', 'live', 'live-http', 'ingest'] as const;
/** `postgres` and `clickhouse` are asked for by name: each loads every size into another database. */
const DEFAULT_SECTIONS = SECTIONS.filter((s) => s !== 'postgres' && s !== 'clickhouse');
type Section = (typeof SECTIONS)[number];
const SERVICE_WARMUP_TURNS = 10;
const CHECKPOINT_OPS = 2000;

interface Args {
  sections: Set<Section>;
  turns: number;
  streams: number;
  visitors: number;
  ingestEvents: number;
  sizes: number[];
  runs: number;
  keep: string;
  reimport: boolean;
  referenceMax: number;
  shop: string;
  postgres: string;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sections: { type: 'string', default: DEFAULT_SECTIONS.join(',') },
      postgres: { type: 'string', default: 'postgres://root@127.0.0.1:5432/test' },
      turns: { type: 'string', default: '200' },
      streams: { type: 'string', default: '1000' },
      visitors: { type: 'string', default: '5000' },
      'ingest-events': { type: 'string', default: '200000' },
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
  const sections = values.sections.split(',').map((s) => s.trim());
  const unknown = sections.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length || sections.length === 0) throw new Error(`--sections takes a list of ${SECTIONS.join(', ')}; got ${values.sections}`);
  return {
    sections: new Set(sections as Section[]),
    turns: positive('turns', values.turns),
    streams: positive('streams', values.streams),
    visitors: positive('visitors', values.visitors),
    ingestEvents: positive('ingest-events', values['ingest-events']),
    sizes: values.sizes.split(',').map((s) => positive('sizes', s.trim())),
    runs: positive('runs', values.runs),
    keep: values.keep,
    reimport: values.reimport,
    referenceMax: positive('reference-max', values['reference-max']),
    shop: values.shop,
    postgres: values.postgres,
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
  const besides: BesideBench[] = [];
  const wants = (s: Section) => args.sections.has(s);

  if (wants('import') && existsSync(args.shop)) {
    imports.push({ bench: await benchImport('shop', args.shop, join(args.keep, 'db-shop.duckdb'), log), cached: false });
  } else if (wants('import')) {
    log(`no shop workspace at ${args.shop}: its import is not measured`);
  }

  for (const profiles of wants('import') || wants('compute') || wants('postgres') || wants('clickhouse') ? args.sizes : []) {
    const spec: GeneratedSpec = { profiles, eventsPerProfile: EVENTS_PER_PROFILE, seed: SEED, now: NOW };
    const workspace = await ensureGenerated(args.keep, spec, log);
    const dbPath = importPath(args.keep, spec);
    // Without the import section any valid earlier import will do: compute only needs the data.
    const reimport = args.reimport || (wants('import') && profiles <= ALWAYS_REIMPORT_UP_TO);
    const earlier = reimport ? undefined : await cachedImport(dbPath, workspace);
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
    if (wants('postgres')) besides.push(await benchBeside('PostgreSQL', postgresOpener(args.postgres), dbPath, defs, new Date(NOW), args.runs, log));
    if (wants('clickhouse')) besides.push(await benchBeside('ClickHouse (chdb)', clickhouseOpener, dbPath, defs, new Date(NOW), args.runs, log));
    if (!wants('compute')) continue;

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

  const service = wants('service')
    ? await benchService({ shop: args.shop, home: args.keep, now: new Date(NOW), turns: args.turns, warmupTurns: SERVICE_WARMUP_TURNS, checkpointOps: CHECKPOINT_OPS, streams: args.streams }, log)
    : undefined;

  const live = wants('live') ? benchLive({ visitors: args.visitors, rounds: args.runs, now: new Date(NOW) }, log) : undefined;
  const liveHttp = wants('live-http') ? await benchLiveHttp({ shop: args.shop, home: args.keep, now: new Date(NOW) }, log) : undefined;

  const ingest = wants('ingest') ? await benchIngest({ shop: args.shop, home: args.keep, now: new Date(NOW), events: args.ingestEvents }, log) : undefined;

  const out: string[] = [`Machine: ${machineAtStart}; at the end: load average ${loadAverages()}.`];
  if (wants('compute')) {
    out.push(
      `compute() = size + reachability + 10 samples with traits + per-condition sizes; ${args.runs} timed runs after one warm-up, interleaved across definitions. ` +
        '"member count" = one query counting the members with the engine\'s own member SQL (without its ORDER BY), the floor under compute(). ' +
        '"hand SQL count" = the same members counted by the DuckDB query an engineer would write for that definition (bench/hand-queries.ts), in the same runs: the baseline both are held to. ' +
        'The reference evaluator returns the member ids only.',
    );
  }
  if (wants('import')) out.push('', '### Import throughput', '', importTable(imports));
  for (const s of sections) {
    out.push('', `### compute() at ${s.profiles.toLocaleString('en-US')} profiles / ${s.events.toLocaleString('en-US')} events (DuckDB)`, '', computeTable(defs, s), '', referenceNote(s));
  }
  for (const b of besides) out.push('', `### compute() on ${b.engine} beside DuckDB at ${b.profiles.toLocaleString('en-US')} profiles`, '', besideTable(defs, b));
  if (service) out.push('', service);
  if (live) out.push('', '### Live audiences in-process', '', liveReport(live));
  if (liveHttp) out.push('', '### POST /v1/match end to end (HTTP + Redis)', '', liveHttp);
  if (ingest) out.push('', ingest);
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
