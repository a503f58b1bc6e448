/** Short builders for definitions in tests; everything still goes through defineAudience. */
import { defineAudience } from '../../../src/definition/parse.js';
import type { AudienceDefinition, Comparator, Condition, PropertyFilter, TraitCondition, Window } from '../../../src/definition/schema.js';

export function audience(conditions: Condition[], exclude: { name: string; conditions: Condition[] }[] = []): AudienceDefinition {
  return defineAudience({
    version: 1,
    root: { type: 'group', op: 'and', conditions },
    exclude: exclude.map((e) => ({ name: e.name, root: { type: 'group', op: 'and', conditions: e.conditions } })),
  });
}

export function anyOf(...conditions: Condition[]): Condition {
  return { type: 'group', op: 'or', conditions };
}

export function allOf(...conditions: Condition[]): Condition {
  return { type: 'group', op: 'and', conditions };
}

export function lastDays(amount: number): Window {
  return { kind: 'last', amount, unit: 'days' };
}

export function did(events: string | string[], op: Comparator, value: number, opts: { window?: Window; filters?: PropertyFilter[] } = {}): Condition {
  return {
    type: 'event',
    events: Array.isArray(events) ? events : [events],
    filters: opts.filters ?? [],
    ...(opts.window ? { window: opts.window } : {}),
    count: { op, value },
  };
}

/** TraitCondition without its `type`, one variant at a time (Omit alone would merge them). */
type TraitTest = TraitCondition extends infer T ? (T extends TraitCondition ? Omit<T, 'type'> : never) : never;

export function trait(t: TraitTest): Condition {
  return { type: 'trait', ...t } as TraitCondition;
}
