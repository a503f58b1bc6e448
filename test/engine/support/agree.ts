/** Runs one definition on every evaluator and returns what each says. */
import type { AudienceDefinition } from '../../../src/definition/schema.js';
import { evaluateReference } from '../../../src/reference/evaluate.js';
import type { Engines } from './engines.js';

export interface Answers {
  duckdb: string[];
  postgres: string[];
  reference: string[];
}

export async function membersEverywhere(engines: Engines, def: AudienceDefinition, now: Date): Promise<Answers> {
  const [duckdb, postgres] = await Promise.all([engines.duckdb.memberIds(def, { now }), engines.postgres.memberIds(def, { now })]);
  return { duckdb, postgres, reference: evaluateReference(def, engines.reference, now) };
}

/** The same list three times when all agree with `expected`, so one toEqual shows any disagreement. */
export function expectedEverywhere(expected: string[]): Answers {
  return { duckdb: expected, postgres: expected, reference: expected };
}
