/**
 * One "compute" in one database session: size, reach, the parts' sizes and the first members in
 * one pass over the profiles (compute-queries.ts), then the shown traits of those few members.
 * The channel flags of every profile are worked out once and kept, so a compute never joins the
 * traits of the channel rules again: beside the workspace tables where the runner allows it
 * (PostgreSQL, until the workspace is loaded again), else in a temporary table for as long as
 * the runner is open on a store that cannot change (DuckDB read-only).
 */
import { createHash } from 'node:crypto';
import type { AudienceDefinition, Group } from '../definition/schema.js';
import { memberSetQuery } from './compile/audience.js';
import { conditionPredicate, groupPredicate } from './compile/condition.js';
import type { CompileContext } from './compile/context.js';
import { table } from './compile/context.js';
import { Fragment, ident, sql } from './compile/fragment.js';
import { evaluationQuery, firstMembersQuery, flag, keptReachColumns, reachFlagsQuery, sampleTraitsQuery, summaryQuery, type EvaluationSource, type PartsShape } from './compute-queries.js';
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

/** The members in the order given, each with its shown traits (null when it has none). */
function samplesOf(userIds: readonly string[], rows: readonly Row[], shownTraits: readonly string[]): SampleMember[] {
  const byUser = new Map<string, SampleMember['traits']>(userIds.map((id) => [id, Object.fromEntries(shownTraits.map((t) => [t, null]))]));
  for (const row of rows) {
    const traits = byUser.get(String(row.user_id));
    if (traits && row.name !== null && row.name !== undefined) traits[String(row.name)] = sampleValue(row);
  }
  return [...byUser].map(([userId, traits]) => ({ userId, traits }));
}

/** DuckDB's `first` column: a list of ids, or NULL when there are no members. */
function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function createComputer(runner: SqlRunner, channels: readonly Channel[], shownTraits: readonly string[]): Computer {
  // Names of this computer's own: two engines on one connection never share a temporary table.
  const id = ++computers;
  const reachName = `audience_reach_${id}`;
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

  /** `<tableSchema>.channel_flags_<hash of the tests>`, made by the first compute that needs it. */
  async function storedReach(session: SqlSession, ctx: CompileContext, tests: readonly Fragment[]): Promise<EvaluationSource> {
    const hash = createHash('sha256').update(JSON.stringify(tests.map((t) => [t.text, t.params]))).digest('hex').slice(0, 16);
    const name = ident(`channel_flags_${hash}`).text;
    const stored = new Fragment(ctx.tableSchema ? `${ident(ctx.tableSchema).text}.${name}` : name, []);
    // Two computes that both find it missing take turns; the second finds it made.
    await session.all(sql`SELECT pg_advisory_xact_lock(hashtext(${stored.text}))`);
    await session.all(sql`CREATE TABLE IF NOT EXISTS ${stored} AS ${reachFlagsQuery(ctx, tests)}`);
    return { from: sql`${stored} p`, reach: keptReachColumns(tests.length) };
  }

  async function reachSource(session: SqlSession, ctx: CompileContext, tests: readonly Fragment[], keep: boolean): Promise<EvaluationSource> {
    if (tests.length > 0 && runner.keepsDerivedTables) return storedReach(session, ctx, tests);
    if (keep) return keptReach(session, ctx, tests);
    return { from: sql`${table(ctx, 'profiles')} p`, reach: tests.map(flag) };
  }

  return {
    async compute(ctx, def, sampleSize) {
      const tests = channels.map((c) => groupPredicate(ctx, c.rule, `channels.${c.channel}`));
      const parts = [
        ...def.root.conditions.map((c, i) => conditionPredicate(ctx, c, `root.conditions.${i}`)),
        ...def.exclude.map((e, i) => groupPredicate(ctx, e.root, `exclude.${i}.root`)),
      ];
      const shape: PartsShape = { op: def.root.op, conditions: def.root.conditions.length, exclusions: def.exclude.length };
      const keep = tests.length > 0 && !runner.keepsDerivedTables && (await runner.tablesAreFixed());
      // DuckDB keeps the first members in the counting pass; elsewhere a LIMITed member query reads them.
      const inPass = runner.dialect === 'duckdb' && sampleSize > 0;

      return runner.session(async (session) => {
        const source = await reachSource(session, ctx, tests, keep);
        const evaluation = evaluationQuery(source, parts);
        // PostgreSQL would inline the evaluation into every SUM that reads a flag, running each
        // part's subquery once per reference; OFFSET 0 keeps it one subquery, evaluated once.
        const once = runner.dialect === 'postgres' ? sql`${evaluation} OFFSET 0` : evaluation;
        const [summary] = await session.all(summaryQuery(once, shape, tests.length, inPass ? sampleSize : undefined));
        const size = toNumber(summary!.size);
        let first: string[] = [];
        if (inPass) first = idList(summary!.first);
        else if (sampleSize > 0 && size > 0) {
          first = (await session.all(firstMembersQuery(ctx, memberSetQuery(ctx, def), sampleSize))).map((r) => String(r.user_id));
        }
        const traitRows = first.length > 0 && shownTraits.length > 0 ? await session.all(sampleTraitsQuery(ctx, first, shownTraits)) : [];
        return {
          size,
          reach: tests.map((_, i) => toNumber(summary![`r${i}`])),
          partSizes: parts.map((_, i) => toNumber(summary![`c${i}`])),
          totalProfiles: toNumber(summary!.total),
          samples: samplesOf(first, traitRows, shownTraits),
        };
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
