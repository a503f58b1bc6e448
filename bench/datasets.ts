/**
 * The benchmark's data under one folder, reused across runs: generated workspaces, their
 * DuckDB imports and profile subsets. Each is reused only when a marker written after it was
 * complete names the same parameters and the same build of the code that made it, so a
 * half-written folder or a changed generator or importer never feeds stale data to a run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from '../src/synth/generate.js';
import type { ImportBench } from './import-bench.js';
import { writeSubset } from './subset.js';
import { timed } from './stats.js';

export interface GeneratedSpec {
  profiles: number;
  eventsPerProfile: number;
  seed: number;
  now: string;
}

const DIST_SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** A hash of the compiled modules under dist/src/<folder>: changes whenever that code does. */
function buildOf(folder: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) hash.update(name).update(readFileSync(path));
    }
  };
  walk(join(DIST_SRC, folder));
  return hash.digest('hex').slice(0, 12);
}

const key = (s: GeneratedSpec): string => `p${s.profiles}-e${s.eventsPerProfile}-s${s.seed}`;

async function readMarker<T>(path: string): Promise<T | undefined> {
  if (!existsSync(path)) return undefined;
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

interface WorkspaceMarker {
  spec: GeneratedSpec;
  build: string;
  events: number;
  seconds: number;
}

export interface BenchWorkspace {
  dir: string;
  events: number;
  /** Seconds it took to generate, in this run or the one that made it. */
  generateSeconds: number;
  reused: boolean;
}

export async function ensureGenerated(root: string, spec: GeneratedSpec, log: (line: string) => void): Promise<BenchWorkspace> {
  const dir = join(root, `ws-${key(spec)}`);
  const markerPath = join(dir, '.bench-complete.json');
  const build = buildOf('synth');
  const marker = await readMarker<WorkspaceMarker>(markerPath);
  if (marker && marker.build === build && JSON.stringify(marker.spec) === JSON.stringify(spec)) {
    log(`reusing generated workspace ${dir} (${marker.events} events)`);
    return { dir, events: marker.events, generateSeconds: marker.seconds, reused: true };
  }
  await rm(dir, { recursive: true, force: true });
  log(`generating ${spec.profiles} profiles × ~${spec.eventsPerProfile} events into ${dir}…`);
  let lastLog = 0;
  const { value, seconds } = await timed(() =>
    generateWorkspace({
      dir,
      profiles: spec.profiles,
      seed: spec.seed,
      now: spec.now,
      eventsPerProfile: spec.eventsPerProfile,
      onProgress: (p) => {
        if (p.phase === 'events' && performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`  generating: day ${p.done}/${p.total}, ${p.events} events`);
        }
      },
    }),
  );
  await writeFile(markerPath, JSON.stringify({ spec, build, events: value.events, seconds } satisfies WorkspaceMarker));
  log(`generated ${value.events} events in ${seconds.toFixed(1)} s`);
  return { dir, events: value.events, generateSeconds: seconds, reused: false };
}

interface ImportMarker {
  source: string;
  build: string;
  bench: ImportBench;
}

export function importPath(root: string, spec: GeneratedSpec): string {
  return join(root, `db-${key(spec)}.duckdb`);
}

/** The figures of an earlier import of `source` into `dbPath`, if that import is still valid. */
export async function cachedImport(dbPath: string, source: BenchWorkspace): Promise<ImportBench | undefined> {
  const marker = await readMarker<ImportMarker>(`${dbPath}.bench.json`);
  if (!marker || !existsSync(dbPath) || !source.reused) return undefined;
  return marker.source === source.dir && marker.build === buildOf('store') ? marker.bench : undefined;
}

export async function recordImport(dbPath: string, source: BenchWorkspace, bench: ImportBench): Promise<void> {
  await writeFile(`${dbPath}.bench.json`, JSON.stringify({ source: source.dir, build: buildOf('store'), bench } satisfies ImportMarker));
}

export async function forgetImport(dbPath: string): Promise<void> {
  await rm(`${dbPath}.bench.json`, { force: true });
}

interface SubsetMarker {
  source: string;
  every: number;
  profiles: number;
  events: number;
}

/** Every n-th profile of a generated workspace, written once beside it. */
export async function ensureSubset(source: BenchWorkspace, every: number, log: (line: string) => void): Promise<string> {
  const dir = `${source.dir}-every${every}`;
  const markerPath = join(dir, '.bench-complete.json');
  const marker = await readMarker<SubsetMarker>(markerPath);
  if (marker && source.reused && marker.source === source.dir && marker.every === every) {
    log(`reusing subset ${dir} (${marker.profiles} profiles, ${marker.events} events)`);
    return dir;
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  log(`writing 1 in ${every} profiles of ${source.dir} into ${dir}…`);
  const { value, seconds } = await timed(() => writeSubset(source.dir, dir, every));
  await writeFile(markerPath, JSON.stringify({ source: source.dir, every, ...value } satisfies SubsetMarker));
  log(`subset: ${value.profiles} profiles, ${value.events} events in ${seconds.toFixed(1)} s`);
  return dir;
}
