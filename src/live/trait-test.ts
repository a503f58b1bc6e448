/**
 * A trait condition over a value the visit carries (sent by the site or recorded from the
 * visitor's own answer), with the reference semantics of profile traits (src/reference/traits.ts).
 * The type is the catalog's or the recorded trait's when known, else read from the value; a
 * value the condition cannot test (the text "35" against "more than 30") counts as no value,
 * so negative operators hold, as they do for a visit without the trait.
 */
import type { ValueType } from '../catalog/types.js';
import type { TraitCondition } from '../definition/schema.js';
import { traitProblem, VISITOR_TRAIT_TYPES } from '../definition/validate-types.js';
import { evaluateTrait } from '../reference/traits.js';
import type { VisitorTraitInfo, VisitorTraitValue } from './types.js';

const NEGATIVE_OPS: ReadonlySet<TraitCondition['op']> = new Set(['neq', 'not_in', 'not_contains', 'contains_none', 'not_exists']);

/** Whether the condition holds for someone without the trait. */
export function holdsWithoutValue(c: TraitCondition): boolean {
  return NEGATIVE_OPS.has(c.op);
}

/** The declared type of a trait: the catalog's, else the recorded visitor trait's. */
export function declaredTraitType(name: string, traitTypes: Record<string, ValueType>, visitorTraits: readonly VisitorTraitInfo[] = []): ValueType | undefined {
  if (Object.hasOwn(traitTypes, name)) return traitTypes[name];
  const info = visitorTraits.find((t) => t.name === name);
  return info && VISITOR_TRAIT_TYPES[info.type];
}

/** Types a value may be read as, in order of preference: text may also be a date. */
function typesOfValue(v: VisitorTraitValue): readonly ValueType[] {
  if (Array.isArray(v)) return ['string[]'];
  if (typeof v === 'string') return ['string', 'datetime'];
  return [typeof v as 'number' | 'boolean'];
}

/** The type to test a present value as, or undefined when the condition cannot test it. */
export function testType(c: TraitCondition, v: VisitorTraitValue, declared: ValueType | undefined): ValueType | undefined {
  const candidates = declared ? [declared] : typesOfValue(v);
  return candidates.find((t) => traitProblem(c, t) === undefined);
}

export function traitHolds(c: TraitCondition, v: VisitorTraitValue, declared: ValueType | undefined, now: Date): boolean {
  const type = testType(c, v, declared);
  if (type === undefined) return holdsWithoutValue(c);
  return evaluateTrait({ [c.trait]: v }, c, { [c.trait]: type }, now);
}
