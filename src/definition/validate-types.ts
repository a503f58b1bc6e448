/**
 * Whether an operator and its values fit the type of the trait or property they test, and if
 * not, why, in words. Mirrors what the SQL compiler accepts (src/engine/compile/value-tests.ts),
 * so a definition that passes here compiles, and the user hears the reason before any query.
 */
import type { ValueType } from '../catalog/types.js';
import type { VisitorTraitInfo } from '../live/types.js';
import type { PropertyFilter, Scalar, TraitCondition } from './schema.js';

type Kind = 'text' | 'number' | 'boolean' | 'date' | 'list';

const HOLDS: Record<Kind, string> = {
  text: 'holds text',
  number: 'holds numbers',
  boolean: 'is true or false',
  date: 'holds dates',
  list: 'is a list of text values',
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function kindOf(type: ValueType, listIsText = false): Kind {
  switch (type) {
    case 'string': return 'text';
    case 'date': case 'datetime': return 'date';
    // Event properties that arrived as arrays are stored as text.
    case 'string[]': return listIsText ? 'text' : 'list';
    default: return type;
  }
}

function isDate(v: unknown): boolean {
  return typeof v === 'string' && (DATE_ONLY.test(v) || DATE_TIME.test(v)) && !Number.isNaN(new Date(v).getTime());
}

function fits(kind: Kind, v: Scalar | string): boolean {
  switch (kind) {
    case 'text': case 'list': return typeof v === 'string';
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'date': return isDate(v);
  }
}

function describe(v: Scalar | string): string {
  return typeof v === 'string' ? `the text "${v}"` : `the ${typeof v} ${String(v)}`;
}

/** The first value that does not fit, as a reason. */
function valuesProblem(name: string, kind: Kind, values: readonly (Scalar | string)[]): string | undefined {
  const bad = values.find((v) => !fits(kind, v));
  if (bad === undefined) return undefined;
  const hint = kind === 'date' ? ' (a date is written like 2026-10-01)' : '';
  return `${name} ${HOLDS[kind]}, so it cannot be compared with ${describe(bad)}${hint}`;
}

/** Rules shared by traits and event properties (list traits are handled apart). */
function scalarProblem(name: string, kind: Exclude<Kind, 'list'>, op: string, values: readonly (Scalar | string)[]): string | undefined {
  switch (op) {
    case 'exists': case 'not_exists':
      return undefined;
    case 'gt': case 'gte': case 'lt': case 'lte':
      if (kind === 'boolean') return `${name} is true or false, so it can only be equal or not equal to a value`;
      return valuesProblem(name, kind, values);
    case 'between':
      if (kind !== 'number' && kind !== 'date') return `"between" needs numbers or dates, and ${name} ${HOLDS[kind]}`;
      return valuesProblem(name, kind, values);
    case 'contains': case 'not_contains': case 'contains_any': case 'contains_all': case 'contains_none':
      return kind === 'text' ? undefined : `"contains" looks for words in text, and ${name} ${HOLDS[kind]}`;
    case 'in_last': case 'before_last':
      return kind === 'date' ? undefined : `"in the last" needs a date, and ${name} ${HOLDS[kind]}`;
    default: // eq, neq, in, not_in
      return valuesProblem(name, kind, values);
  }
}

function conditionValues(c: TraitCondition | PropertyFilter): (Scalar | string)[] {
  if (!('value' in c)) return [];
  return Array.isArray(c.value) ? c.value : [c.value];
}

export function traitProblem(c: TraitCondition, type: ValueType): string | undefined {
  const kind = kindOf(type);
  const values = conditionValues(c);
  if (kind !== 'list') return scalarProblem(c.trait, kind, c.op, values);
  switch (c.op) {
    case 'gt': case 'gte': case 'lt': case 'lte': case 'between': case 'in_last': case 'before_last':
      return `${c.trait} ${HOLDS.list}; ask whether it contains items (contains any of, contains all of, contains none of)`;
    default:
      return valuesProblem(c.trait, kind, values);
  }
}

/** A property may carry different types on different events: it fits if one of them accepts it. */
export function filterProblem(f: PropertyFilter, types: readonly ValueType[]): string | undefined {
  const problems = types.map((t) => scalarProblem(f.property, kindOf(t, true) as Exclude<Kind, 'list'>, f.op, conditionValues(f)));
  return problems.includes(undefined) ? undefined : problems[0];
}

export function aggregateProblem(fn: string, property: string, types: readonly ValueType[]): string | undefined {
  if (types.includes('number')) return undefined;
  const kind = kindOf(types[0] ?? 'string', true);
  return `${fn === 'avg' ? 'an average' : fn === 'sum' ? 'a sum' : `a ${fn === 'min' ? 'minimum' : 'maximum'}`} needs numbers, and ${property} ${HOLDS[kind]}`;
}

/** The type of a trait visitors recorded about themselves (live audiences), as a catalog type. */
export const VISITOR_TRAIT_TYPES: Record<VisitorTraitInfo['type'], ValueType> = {
  string: 'string', number: 'number', boolean: 'boolean', array: 'string[]',
};
