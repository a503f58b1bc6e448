/**
 * The visit side of one alternative: each fact of the visit said ("on mobile", "from the spring
 * campaign", "at the weekend") is a condition; "not on mobile", "without the consent cookie"
 * negate it the way the definition reads negative tests (a visit that does not say matches).
 */
import type { Comparator, ContextCondition } from '../../../definition/schema.js';
import type { Mention } from '../recognise/mentions.js';
import type { Draft } from './drafts.js';
import { invert } from './filters.js';
import type { Negation } from './negation.js';
import { escapeRegex } from '../recognise/context-text.js';

const TEXT_NEGATION = { eq: 'neq', neq: 'eq', contains: 'not_contains', not_contains: 'contains', matches: 'not_matches', not_matches: 'matches' } as const;

/** The opposite test: "not on mobile" is device not_in mobile, "not at night" the rest of the day. */
export function negateContext(c: ContextCondition): ContextCondition {
  switch (c.field) {
    case 'local_time':
      return { ...c, value: [c.value[1], c.value[0]] };
    case 'day_of_week':
      return { ...c, op: c.op === 'in' ? 'not_in' : 'in' };
    case 'session_count':
      return { ...c, op: invert(c.op as Comparator) };
    default:
      switch (c.op) {
        case 'in': return { ...c, op: 'not_in' } as ContextCondition;
        case 'not_in': return { ...c, op: 'in' } as ContextCondition;
        case 'exists': return { ...c, op: 'not_exists' } as ContextCondition;
        case 'not_exists': return { ...c, op: 'exists' } as ContextCondition;
        // There is no "does not start with": the same test as a pattern, negated.
        case 'starts_with': return { ...c, op: 'not_matches', value: `^${escapeRegex(c.value)}` } as ContextCondition;
        default: return { ...c, op: TEXT_NEGATION[c.op] } as ContextCondition;
      }
  }
}

/**
 * The opposite of a meaning given for a word about the visit ("outside business hours" with
 * "between 09:00 and 17:00 on weekdays"): not any one of its conditions holding, so (17:00 to
 * 09:00) or the weekend. Undefined when the meaning is not about the visit alone.
 */
export function negateContextDrafts(drafts: readonly Draft[]): Draft[] | undefined {
  const conditions: ContextCondition[] = [];
  for (const d of drafts) {
    if (d.kind !== 'leaf' || d.condition.type !== 'context') return undefined;
    conditions.push(d.condition);
  }
  if (!conditions.length) return undefined;
  if (conditions.length === 1) return [{ kind: 'leaf', condition: negateContext(conditions[0]!) }];
  return [{ kind: 'leaf', condition: { type: 'group', op: 'or', conditions: conditions.map(negateContext) } }];
}

export function contextPart(ms: readonly Mention[], neg: Map<Mention, Negation>, used: Set<Mention>): Draft[] {
  const drafts: Draft[] = [];
  for (const m of ms) {
    if (m.kind !== 'context') continue;
    used.add(m);
    if (!neg.has(m)) m.conditions.forEach((condition) => drafts.push({ kind: 'leaf', condition }));
    // "not on an iPhone": not a mobile, or not iOS.
    else if (m.conditions.length === 1) drafts.push({ kind: 'leaf', condition: negateContext(m.conditions[0]!) });
    else drafts.push({ kind: 'leaf', condition: { type: 'group', op: 'or', conditions: m.conditions.map(negateContext) } });
  }
  return drafts;
}
