/**
 * compute() on PostgreSQL beside DuckDB over the same imported workspace: the store is loaded
 * into a schema of its own (timed), then each definition is computed on both engines in turn.
 * The first PostgreSQL compute also makes the kept channel flags; it is timed on its own.
 */
import pg from 'pg';
import { createDuckDbEngine } from '../src/engine/duckdb-engine.js';
import { createPostgresEngine } from '../src/engine/postgres-engine.js';
import { loadWorkspaceIntoPostgres } from '../src/engine/postgres-load.js';
import { postgresSchemaName } from '../src/engine/postgres-names.js';
import { openStore } from '../src/store/store.js';
import type { BenchDefinition } from './definitions.js';
import { summarize, timed, type Summary } from './stats.js';

export interface PostgresTiming {
  key: string;
  size: number;
  duckdb: Summary;
  postgres: Summary;
}

export interface PostgresBench {
  profiles: number;
  loadSeconds: number;
  firstComputeSeconds: number;
  timings: PostgresTiming[];
}

export async function benchPostgres(dbPath: string, databaseUrl: string, defs: readonly BenchDefinition[], now: Date, runs: number, log: (line: string) => void): Promise<PostgresBench> {
  const store = await openStore(dbPath);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const schemaName = postgresSchemaName(`bench ${process.pid}`);
  const duckdb = createDuckDbEngine(store);
  try {
    log(`postgres: loading ${dbPath} into ${schemaName}…`);
    const load = await timed(() => loadWorkspaceIntoPostgres(store, { pool, schemaName }));
    log(`postgres: loaded in ${load.seconds.toFixed(1)} s`);
    const postgres = createPostgresEngine({ pool, schemaName, schema: store.schema, catalog: store.catalog });
    const first = await timed(() => postgres.compute(defs[0]!.definition, { now }));
    const samples = new Map(defs.map((d) => [d.key, { duckdb: [] as number[], postgres: [] as number[], size: 0 }]));
    for (let run = 0; run <= runs; run++) {
      for (const d of defs) {
        const duck = await timed(() => duckdb.compute(d.definition, { now }));
        const pgTimed = await timed(() => postgres.compute(d.definition, { now }));
        if (duck.value.size !== pgTimed.value.size) throw new Error(`${d.key}: DuckDB counts ${duck.value.size} members, PostgreSQL ${pgTimed.value.size}`);
        const s = samples.get(d.key)!;
        s.size = duck.value.size;
        // Run 0 warms both up.
        if (run > 0) {
          s.duckdb.push(duck.seconds);
          s.postgres.push(pgTimed.seconds);
        }
      }
      log(`postgres run ${run}/${runs} done${run === 0 ? ' (warm-up)' : ''}`);
    }
    await postgres.close();
    return {
      profiles: first.value.totalProfiles,
      loadSeconds: load.seconds,
      firstComputeSeconds: first.seconds,
      timings: defs.map((d) => {
        const s = samples.get(d.key)!;
        return { key: d.key, size: s.size, duckdb: summarize(s.duckdb), postgres: summarize(s.postgres) };
      }),
    };
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${schemaName} CASCADE`).catch(() => undefined);
    await pool.end();
    await duckdb.close();
    await store.close();
  }
}
