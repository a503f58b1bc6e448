/** Live audiences and visitors for the live tests, and one-condition checks run both ways. */
import { expect } from 'vitest';
import type { ValueType } from '../../src/catalog/types.js';
import { defineAudience } from '../../src/definition/parse.js';
import type { AudienceDefinition, Condition } from '../../src/definition/schema.js';
import { compileLiveList } from '../../src/live/compile/index.js';
import { naiveQualify } from '../../src/live/naive.js';
import type { LiveAudience, Qualification, VisitorTraitInfo, VisitorTraitValue } from '../../src/live/types.js';
import { VisitorInput } from '../../src/live/visitor.js';
import { visitFacts } from '../../src/live/visit-facts.js';

export const NOW = new Date('2026-11-23T12:00:00Z');
export const TRAIT_TYPES: Record<string, ValueType> = { plan: 'string', age: 'number', tags: 'string[]', signed_up: 'date', vip: 'boolean' };
export const VISITOR_TRAITS: VisitorTraitInfo[] = [{ name: 'shopping_for', type: 'string', values: ['cat', 'dog'] }];
const OPTS = { currency: 'EUR', traitTypes: TRAIT_TYPES, visitorTraits: VISITOR_TRAITS };

export function definition(op: 'and' | 'or', conditions: Condition[], exclude: { name: string; conditions: Condition[] }[] = []): AudienceDefinition {
  return defineAudience({
    version: 1,
    root: { type: 'group', op, conditions },
    exclude: exclude.map((e) => ({ name: e.name, root: { type: 'group', op: 'and', conditions: e.conditions } })),
  });
}

export function liveAudience(id: string, def: AudienceDefinition, enabled = true): LiveAudience {
  return {
    id, name: id, description: '', definition: def, duration: { unit: 'session' }, enabled, builtIn: false,
    createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
  };
}

export const visitor = (context: Record<string, unknown> = {}, traits: Record<string, unknown> = {}): VisitorInput =>
  VisitorInput.parse({ id: 'v-1', context, traits });

export interface Run {
  qualifications: Qualification[];
  historyConditions: readonly unknown[];
}

/**
 * Qualifies a visitor with the compiled list, checks the naive baseline says the same, and
 * returns the compiled answers. `answer` gives the history answer for each history condition.
 */
export function qualifyBoth(
  audiences: LiveAudience[],
  v: VisitorInput,
  { recorded = {}, answer = () => false }: { recorded?: Record<string, VisitorTraitValue>; answer?: (c: unknown) => boolean } = {},
): Run {
  const list = compileLiveList(audiences, OPTS);
  const history = list.historyConditions.map(answer);
  const qualifications = list.qualify(visitFacts(v, recorded), history, NOW);
  const naive = naiveQualify(audiences, { visitor: v, recordedTraits: recorded, historyConditions: list.historyConditions, history, now: NOW }, OPTS);
  expect(naive).toEqual(qualifications);
  return { qualifications, historyConditions: list.historyConditions };
}

/** Whether one condition holds for the visitor (compiled and naive agreeing). */
export function holds(condition: Condition, v: VisitorInput, recorded: Record<string, VisitorTraitValue> = {}, answer?: (c: unknown) => boolean): boolean {
  return qualifyBoth([liveAudience('a', definition('and', [condition]))], v, { recorded, ...(answer ? { answer } : {}) }).qualifications[0]!.qualifies;
}
