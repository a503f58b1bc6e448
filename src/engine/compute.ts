/**
 * One "compute" in one database session: the definition is evaluated once into a temporary
 * table (every profile, its channel flags, a flag per part), then size, reach, the parts' sizes
 * and the first members are read from it. On a store that cannot change (DuckDB read-only), the
 * channel flags of every profile are worked out once and kept in a temporary table for as long
 * as the runner is open, so a compute never joins the traits of the channel rules again.
 */
import type { AudienceDefinition, Group } from '../definition/schema.js';
import { conditionPredicate, groupPredicate } from './compile/condition.js';
import type { CompileContext } from './compile/context.js';
import { table } from './compile/context.js';
import { sql, type Fragment } from './compile/fragment.js';
import { evaluationQuery, flag, keptReachColumns, reachFlagsQuery, samplesQuery, summaryQuery, type EvaluationSource, type PartsShape } from './compute-queries.js';
import { createScratchTable, dropScratchTable, scratchTable } from './scratch-tables.js';
import { toNumber, type Row, type SqlRunner, type SqlSession } from './sql-runner.js';
import type { SampleMember } from './types.js';

export interface Channel {
  channel: string;
  rule: Group;
}

export interface ComputeCounts {
  size: number;
  /** Members reachable on each channel, in the order of the channels. */
  reach: number[];
  /** Profiles meeting each top-level condition, then each exclusion, on its own. */
  partSizes: number[];
  totalProfiles: number;
  samples: SampleMember[];
}

export interface Computer {
  compute(ctx: CompileContext, def: AudienceDefinition, sampleSize: number): Promise<ComputeCounts>;
  /** Drops the kept reach table, if any. */
  close(): Promise<void>;
}

let computers = 0;

function sampleValue(row: Row): string | number | boolean | null {
  if (row.value_bool !== null && row.value_bool !== undefined) return Boolean(row.value_bool);
  if (row.value_num !== null && row.value_num !== undefined) return Number(row.value_num);
  return row.value_text === null || row.value_text === undefined ? null : String(row.value_text);
}

function samplesOf(rows: readonly Row[], shownTraits: readonly string[]): SampleMember[] {
  const byUser = new Map<string, SampleMember['traits']>();
  for (const row of rows) {
    const userId = String(row.user_id);
    let traits = byUser.get(userId);
    if (!traits) byUser.set(userId, (traits = Object.fromEntries(shownTraits.map((t) => [t, null]))));
    if (row.name !== null && row.name !== undefined) traits[String(row.name)] = sampleValue(row);
  }
  return [...byUser].map(([userId, traits]) => ({ userId, traits }));
}

export function createComputer(runner: SqlRunner, channels: readonly Channel[], shownTraits: readonly string[]): Computer {
  // Names of this computer's own: two engines on one connection never share a temporary table.
  const id = ++computers;
  const reachName = `audience_reach_${id}`;
  const evaluationName = `audience_eval_${id}`;
  /** The kept reach table: the compiled channel tests it was made with, and how to drop it. */
  let kept: { madeWith: string; drop: Fragment } | undefined;

  async function keptReach(session: SqlSession, ctx: CompileContext, tests: readonly Fragment[]): Promise<EvaluationSource> {
    // Channel rules do not depend on `now` today; should a rule ever compile differently, rebuild.
    const madeWith = JSON.stringify(tests.map((t) => [t.text, t.params]));
    if (kept?.madeWith !== madeWith) {
      kept = undefined;
      await session.all(dropScratchTable(ctx, reachName));
      await session.all(createScratchTable(ctx, reachName, reachFlagsQuery(ctx, tests)));
      kept = { madeWith, drop: dropScratchTable(ctx, reachName) };
    }
    return { from: sql`${scratchTable(ctx, reachName)} p`, reach: keptReachColumns(tests.length) };
  }

  return {
    async compute(ctx, def, sampleSize) {
      const tests = channels.map((c) => groupPredicate(ctx, c.rule, `channels.${c.channel}`));
      const parts = [
        ...def.root.conditions.map((c, i) => conditionPredicate(ctx, c, `root.conditions.${i}`)),
        ...def.exclude.map((e, i) => groupPredicate(ctx, e.root, `exclude.${i}.root`)),
      ];
      const shape: PartsShape = { op: def.root.op, conditions: def.root.conditions.length, exclusions: def.exclude.length };
      const keep = tests.length > 0 && (await runner.tablesAreFixed());
      const evaluation = scratchTable(ctx, evaluationName);

      return runner.session(async (session) => {
        const source: EvaluationSource = keep
          ? await keptReach(session, ctx, tests)
          : { from: sql`${table(ctx, 'profiles')} p`, reach: tests.map(flag) };
        await session.all(dropScratchTable(ctx, evaluationName));
        await session.all(createScratchTable(ctx, evaluationName, evaluationQuery(source, parts)));
        try {
          const [summary] = await session.all(summaryQuery(evaluation, shape, tests.length));
          const sampleRows = sampleSize > 0 ? await session.all(samplesQuery(ctx, evaluation, shape, sampleSize, shownTraits)) : [];
          return {
            size: toNumber(summary!.size),
            reach: tests.map((_, i) => toNumber(summary![`r${i}`])),
            partSizes: parts.map((_, i) => toNumber(summary![`c${i}`])),
            totalProfiles: toNumber(summary!.total),
            samples: samplesOf(sampleRows, shownTraits),
          };
        } finally {
          // A failed statement leaves PostgreSQL's transaction aborted; its rollback drops the table.
          await session.all(dropScratchTable(ctx, evaluationName)).catch(() => undefined);
        }
      });
    },

    async close() {
      if (!kept) return;
      const { drop } = kept;
      kept = undefined;
      // The store may already be closed, taking its temporary tables with it.
      await runner.session((session) => session.all(drop)).catch(() => undefined);
    },
  };
}
