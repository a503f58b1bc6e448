/**
 * An AudienceEngine over any database that runs the portable SQL: the DuckDB and PostgreSQL
 * engines differ only in their runner.
 */
import type { Catalog } from '../catalog/types.js';
import { explainDefinition } from '../definition/explain.js';
import type { StoreSchema } from '../store/layout.js';
import { channelRules } from './channels.js';
import { memberQuery, toCompiledSql } from './compile/audience.js';
import { conditionPredicate } from './compile/condition.js';
import { table, type CompileContext } from './compile/context.js';
import { join, sql } from './compile/fragment.js';
import { quantileQuery } from './compile/measure.js';
import { createComputer } from './compute.js';
import { sampleTraits } from './sample-traits.js';
import { toBoolean, type SqlRunner } from './sql-runner.js';
import type { AudienceEngine, AudienceResult, ComputeOptions, EngineName, Measure } from './types.js';

export interface SqlEngineOptions {
  name: EngineName;
  runner: SqlRunner;
  schema: StoreSchema;
  catalog: Catalog;
}

const DEFAULT_SAMPLE_SIZE = 10;

export function createSqlEngine({ name, runner, schema, catalog }: SqlEngineOptions): AudienceEngine {
  // Read once, so a workspace whose channel rules cannot be read fails when opened, not mid-answer.
  const channels = channelRules(catalog.workspace.channels, schema.traitTypes);
  const computer = createComputer(runner, channels, sampleTraits(catalog));
  const context = (opts: ComputeOptions): CompileContext => ({
    schema,
    catalog,
    now: opts.now,
    dialect: runner.dialect,
    lookbackDays: catalog.workspace.lookbackDays,
    ...(runner.tableSchema ? { tableSchema: runner.tableSchema } : {}),
  });

  return {
    name,

    async compute(def, opts): Promise<AudienceResult> {
      const counts = await computer.compute(context(opts), def, opts.sampleSize ?? DEFAULT_SAMPLE_SIZE);
      // Each top-level condition, then each exclusion, on its own: the lines the user reads.
      const lines = explainDefinition(def, { currency: catalog.workspace.currency });
      return {
        size: counts.size,
        reachability: Object.fromEntries(channels.map((c, i) => [c.channel, counts.reach[i]!])),
        samples: counts.samples,
        conditionSizes: counts.partSizes.map((size, i) => ({ line: lines[i] ?? '', size })),
        totalProfiles: counts.totalProfiles,
      };
    },

    async memberIds(def, opts) {
      const rows = await runner.all(memberQuery(context(opts), def));
      return rows.map((r) => String(r.user_id));
    },

    async *streamMembers(def, opts) {
      for await (const row of runner.stream(memberQuery(context(opts), def))) yield String(row.user_id);
    },

    toSql(def, opts) {
      return toCompiledSql(memberQuery(context(opts), def));
    },

    async quantiles(measure: Measure, qs: number[], opts) {
      const [row] = await runner.all(quantileQuery(context(opts), measure, qs));
      const values = qs.map((_, i) => row?.[`q${i}`]);
      // Nobody performed the events: there is no distribution to read.
      if (values.some((v) => v === null || v === undefined)) return [];
      return values.map(Number);
    },

    async profileIds() {
      const rows = await runner.all(sql`SELECT p.user_id FROM ${table(context({ now: new Date(0) }), 'profiles')} p`);
      return rows.map((r) => String(r.user_id));
    },

    async evaluateFor(userId, conditions, opts) {
      if (conditions.length === 0) return [];
      const ctx: CompileContext = { ...context(opts), onlyUser: userId };
      // One small select per condition, glued by UNION ALL: DuckDB plans each on its own, where
      // one row with many IN columns chains their joins and plans in time that grows faster.
      const branches = conditions.map((c, i) => sql`SELECT ${i} AS i, ${conditionPredicate(ctx, c, `conditions.${i}`)} AS v FROM ${table(ctx, 'profiles')} p`);
      const rows = await runner.all(join(branches, ' UNION ALL '));
      const results = conditions.map(() => false);
      for (const row of rows) results[Number(row.i)] = toBoolean(row.v);
      return results;
    },

    async close() {
      await computer.close();
      await runner.close();
    },
  };
}
