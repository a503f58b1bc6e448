import type { AudienceDefinition, HistoryCondition, Window } from '../definition/schema.js';

export type EngineName = 'duckdb' | 'postgres' | 'clickhouse';

export interface ComputeOptions {
  /** Reference time: the same question over the same data gives the same answer. */
  now: Date;
  /** How many sample members to return (default 10). */
  sampleSize?: number;
}

export interface SampleMember {
  userId: string;
  /** A few non-personal traits to recognise the person by (name, country, tier…). */
  traits: Record<string, string | number | boolean | null>;
}

export interface ConditionSize {
  /** The plain-language line of the top-level condition. */
  line: string;
  size: number;
}

export interface AudienceResult {
  size: number;
  /** Channel name → members reachable on it. */
  reachability: Record<string, number>;
  samples: SampleMember[];
  /** Size of each top-level condition on its own ("why is my audience empty?"). */
  conditionSizes: ConditionSize[];
  /** The whole workspace's profile count, for percentages. */
  totalProfiles: number;
}

export interface CompiledSql {
  /** Portable SQL with `?` placeholders; values are never in the text. */
  sql: string;
  params: unknown[];
}

/** A per-profile measure whose distribution helps turn vague words into numbers. */
export interface Measure {
  events: string[];
  fn: 'count' | 'sum' | 'avg' | 'min' | 'max';
  /** Required for sum/avg/min/max. */
  property?: string;
  window?: Window;
}

export interface AudienceEngine {
  readonly name: EngineName;
  compute(def: AudienceDefinition, opts: ComputeOptions): Promise<AudienceResult>;
  /** Member ids, ordered by user id. */
  memberIds(def: AudienceDefinition, opts: ComputeOptions): Promise<string[]>;
  /** Every profile's user id, in no particular order. */
  profileIds(): Promise<string[]>;
  /** Members streamed in user id order, for exports of any size. */
  streamMembers(def: AudienceDefinition, opts: ComputeOptions): AsyncIterable<string>;
  /** The member query as the user may see it ("export as SQL"). */
  toSql(def: AudienceDefinition, opts: ComputeOptions): CompiledSql;
  /**
   * Quantiles (0..1) of a measure over the profiles that performed the events at least once
   * ("top 10% of spenders spend over $1,240"). Empty when nobody performed them.
   */
  quantiles(measure: Measure, qs: number[], opts: ComputeOptions): Promise<number[]>;
  /**
   * Whether each condition holds for the one profile `userId` (a live visitor), in one query:
   * `results[i]` answers `conditions[i]`. An id without a profile is a profile with no history
   * and no traits ("never ordered" holds, "ordered" does not).
   */
  evaluateFor(userId: string, conditions: HistoryCondition[], opts: ComputeOptions): Promise<boolean[]>;
  close(): Promise<void>;
}
