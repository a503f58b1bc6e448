/**
 * An AudienceEngine over any database that runs the portable SQL: the DuckDB and PostgreSQL
 * engines differ only in their runner.
 */
import type { Catalog } from '../catalog/types.js';
import type { AudienceDefinition } from '../definition/schema.js';
import { explainDefinition } from '../definition/explain.js';
import type { StoreSchema } from '../store/layout.js';
import { channelRules } from './channels.js';
import { audiencePredicate, memberQuery, toCompiledSql } from './compile/audience.js';
import { conditionPredicate, groupPredicate } from './compile/condition.js';
import type { CompileContext } from './compile/context.js';
import { quantileQuery } from './compile/measure.js';
import { conditionSizesQuery, firstMembersQuery, reachQuery, traitsOfQuery } from './compute-queries.js';
import { sampleTraits } from './sample-traits.js';
import { toNumber, type Row, type SqlRunner } from './sql-runner.js';
import type { AudienceEngine, AudienceResult, ComputeOptions, EngineName, Measure, SampleMember } from './types.js';

export interface SqlEngineOptions {
  name: EngineName;
  runner: SqlRunner;
  schema: StoreSchema;
  catalog: Catalog;
}

const DEFAULT_SAMPLE_SIZE = 10;

function sampleValue(row: Row): string | number | boolean | null {
  if (row.value_bool !== null && row.value_bool !== undefined) return Boolean(row.value_bool);
  if (row.value_num !== null && row.value_num !== undefined) return Number(row.value_num);
  return row.value_text === null || row.value_text === undefined ? null : String(row.value_text);
}

export function createSqlEngine({ name, runner, schema, catalog }: SqlEngineOptions): AudienceEngine {
  // Read once, so a workspace whose channel rules cannot be read fails when opened, not mid-answer.
  const channels = channelRules(catalog.workspace.channels, schema.traitTypes);
  const shownTraits = sampleTraits(catalog);
  const context = (opts: ComputeOptions): CompileContext => ({
    schema,
    catalog,
    now: opts.now,
    dialect: runner.dialect,
    lookbackDays: catalog.workspace.lookbackDays,
    ...(runner.tableSchema ? { tableSchema: runner.tableSchema } : {}),
  });

  async function samples(ctx: CompileContext, def: AudienceDefinition, n: number): Promise<SampleMember[]> {
    if (n <= 0) return [];
    const ids = (await runner.all(firstMembersQuery(ctx, audiencePredicate(ctx, def), n))).map((r) => String(r.user_id));
    if (ids.length === 0 || shownTraits.length === 0) return ids.map((userId) => ({ userId, traits: {} }));
    const byUser = new Map(ids.map((id) => [id, Object.fromEntries(shownTraits.map((t) => [t, null])) as SampleMember['traits']]));
    for (const row of await runner.all(traitsOfQuery(ctx, ids, shownTraits))) {
      const traits = byUser.get(String(row.user_id));
      if (traits) traits[String(row.name)] = sampleValue(row);
    }
    return ids.map((userId) => ({ userId, traits: byUser.get(userId)! }));
  }

  return {
    name,

    async compute(def, opts): Promise<AudienceResult> {
      const ctx = context(opts);
      const member = audiencePredicate(ctx, def);
      const channelTests = channels.map((c) => groupPredicate(ctx, c.rule, `channels.${c.channel}`));
      // Each top-level condition, then each exclusion, on its own: the lines the user reads.
      const parts = [
        ...def.root.conditions.map((c, i) => conditionPredicate(ctx, c, `root.conditions.${i}`)),
        ...def.exclude.map((e, i) => groupPredicate(ctx, e.root, `exclude.${i}.root`)),
      ];
      const lines = explainDefinition(def, { currency: catalog.workspace.currency });
      // Side by side on PostgreSQL's pool; DuckDB's runner takes them in turn.
      const [[reach], [sizes], sampled] = await Promise.all([
        runner.all(reachQuery(ctx, member, channelTests)),
        runner.all(conditionSizesQuery(ctx, parts)),
        samples(ctx, def, opts.sampleSize ?? DEFAULT_SAMPLE_SIZE),
      ]);
      return {
        size: toNumber(reach!.size),
        reachability: Object.fromEntries(channels.map((c, i) => [c.channel, toNumber(reach![`r${i}`])])),
        samples: sampled,
        conditionSizes: parts.map((_, i) => ({ line: lines[i] ?? '', size: toNumber(sizes![`c${i}`]) })),
        totalProfiles: toNumber(sizes!.total),
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

    close: () => runner.close(),
  };
}
