/**
 * compute() on another engine beside DuckDB over the same imported workspace: the store is loaded
 * into it (timed), then each definition is computed on both engines in turn, the sizes checked
 * equal. The first compute on the other engine (PostgreSQL: it also makes the kept channel
 * flags) is timed on its own.
 */
import pg from 'pg';
import { createClickHouseEngine } from '../src/engine/clickhouse-engine.js';
import { loadWorkspaceIntoClickHouse } from '../src/engine/clickhouse-load.js';
import { createDuckDbEngine } from '../src/engine/duckdb-engine.js';
import { createPostgresEngine } from '../src/engine/postgres-engine.js';
import { loadWorkspaceIntoPostgres } from '../src/engine/postgres-load.js';
import { postgresSchemaName } from '../src/engine/postgres-names.js';
import type { AudienceEngine } from '../src/engine/types.js';
import { openStore, type Store } from '../src/store/store.js';
import type { BenchDefinition } from './definitions.js';
import { summarize, timed, type Summary } from './stats.js';

export interface BesideTiming {
  key: string;
  size: number;
  duckdb: Summary;
  other: Summary;
}

export interface BesideBench {
  engine: string;
  profiles: number;
  loadSeconds: number;
  firstComputeSeconds: number;
  timings: BesideTiming[];
}

interface Opened {
  engine: AudienceEngine;
  close(): Promise<void>;
}

export type EngineOpener = (store: Store) => Promise<Opened>;

/** PostgreSQL at `url`, in a schema of its own dropped at the end. */
export function postgresOpener(url: string): EngineOpener {
  return async (store) => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const schemaName = postgresSchemaName(`bench ${process.pid}`);
    const close = async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schemaName} CASCADE`).catch(() => undefined);
      await pool.end();
    };
    try {
      await loadWorkspaceIntoPostgres(store, { pool, schemaName });
    } catch (err) {
      await close();
      throw err;
    }
    const engine = createPostgresEngine({ pool, schemaName, schema: store.schema, catalog: store.catalog });
    return { engine, close };
  };
}

/** ClickHouse embedded in this process (chdb, a dev dependency), through the official client. */
export const clickhouseOpener: EngineOpener = async (store) => {
  const [{ createClient }, chdb] = await Promise.all([import('@clickhouse/client'), import('chdb/connection')]);
  type Connection = NonNullable<Parameters<typeof createClient>[0]>['connection'];
  const client = createClient({ connection: chdb.createChdbConnection({ path: ':memory:' }) as unknown as Connection });
  const database = postgresSchemaName(`bench ${process.pid}`);
  try {
    await loadWorkspaceIntoClickHouse(store, { client, database });
  } catch (err) {
    await client.close();
    throw err;
  }
  const engine = createClickHouseEngine({ client, database, schema: store.schema, catalog: store.catalog });
  return { engine, close: () => client.close() };
};

export async function benchBeside(name: string, open: EngineOpener, dbPath: string, defs: readonly BenchDefinition[], now: Date, runs: number, log: (line: string) => void): Promise<BesideBench> {
  const store = await openStore(dbPath);
  const duckdb = createDuckDbEngine(store);
  let opened: Opened | undefined;
  try {
    log(`${name}: loading ${dbPath}…`);
    const load = await timed(() => open(store));
    opened = load.value;
    const other = opened.engine;
    log(`${name}: loaded in ${load.seconds.toFixed(1)} s`);
    const first = await timed(() => other.compute(defs[0]!.definition, { now }));
    const samples = new Map(defs.map((d) => [d.key, { duckdb: [] as number[], other: [] as number[], size: 0 }]));
    for (let run = 0; run <= runs; run++) {
      for (const d of defs) {
        const duck = await timed(() => duckdb.compute(d.definition, { now }));
        const theirs = await timed(() => other.compute(d.definition, { now }));
        if (duck.value.size !== theirs.value.size) throw new Error(`${d.key}: DuckDB counts ${duck.value.size} members, ${name} ${theirs.value.size}`);
        const s = samples.get(d.key)!;
        s.size = duck.value.size;
        // Run 0 warms both up.
        if (run > 0) {
          s.duckdb.push(duck.seconds);
          s.other.push(theirs.seconds);
        }
      }
      log(`${name} run ${run}/${runs} done${run === 0 ? ' (warm-up)' : ''}`);
    }
    return {
      engine: name,
      profiles: first.value.totalProfiles,
      loadSeconds: load.seconds,
      firstComputeSeconds: first.seconds,
      timings: defs.map((d) => {
        const s = samples.get(d.key)!;
        return { key: d.key, size: s.size, duckdb: summarize(s.duckdb), other: summarize(s.other) };
      }),
    };
  } finally {
    await opened?.engine.close();
    await opened?.close();
    await duckdb.close();
    await store.close();
  }
}
