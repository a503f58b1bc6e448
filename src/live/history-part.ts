/**
 * What the SQL engine can say about a live audience before any visitor arrives: an upper bound
 * of the known profiles who could match when they visit.
 *
 * Conditions on the visit (context conditions, and traits only visitors record about themselves)
 * are unknown until then. A definition has no negation except its exclusions, so it only grows
 * when a leaf turns true: in the root an unknown leaf counts as true, inside an exclusion as
 * false. Whatever the visit turns out to be, a profile that matches the live definition matches
 * this history part.
 */
import type { AudienceDefinition, Condition, Exclusion, Group, LeafCondition } from '../definition/schema.js';
import { allLeaves } from '../definition/walk.js';

export interface LiveOnlyOptions {
  /** Traits only visitors carry (recorded answers the profiles do not have): unknown before a visit, like context. */
  visitorOnlyTraits?: Iterable<string>;
}

function liveOnlyTest(opts: LiveOnlyOptions): (leaf: LeafCondition) => boolean {
  const visitorOnly = new Set(opts.visitorOnlyTraits ?? []);
  return (leaf) => leaf.type === 'context' || (leaf.type === 'trait' && visitorOnly.has(leaf.trait));
}

/** Whether the definition needs a visit to be decided: a live audience rather than a list. */
export function isLiveDefinition(def: AudienceDefinition, opts: LiveOnlyOptions = {}): boolean {
  return allLeaves(def).some(liveOnlyTest(opts));
}

/** The group with every live-only leaf replaced by `unknown`, folded: a constant when nothing else decides it. */
function fold(group: Group, unknown: boolean, liveOnly: (leaf: LeafCondition) => boolean): Group | boolean {
  const kept: Condition[] = [];
  for (const child of group.conditions) {
    const folded = child.type === 'group' ? fold(child, unknown, liveOnly) : liveOnly(child) ? unknown : child;
    if (folded === true) {
      if (group.op === 'or') return true;
    } else if (folded === false) {
      if (group.op === 'and') return false;
    } else {
      kept.push(folded);
    }
  }
  // Every child was dropped for being the group's neutral value: true for "and", false for "or".
  if (kept.length === 0) return group.op === 'and';
  return { ...group, conditions: kept };
}

/**
 * The definition the SQL engine counts for a live audience, or undefined when only visit
 * conditions decide it (every known profile could match). An exclusion left with nothing but
 * visit conditions is dropped: it may exclude nobody.
 */
export function historyPart(def: AudienceDefinition, opts: LiveOnlyOptions = {}): AudienceDefinition | undefined {
  const liveOnly = liveOnlyTest(opts);
  const root = fold(def.root, true, liveOnly);
  // The root never folds to false (unknown leaves are true there); true means every profile.
  if (typeof root === 'boolean') return undefined;
  const exclude = def.exclude.flatMap((e): Exclusion[] => {
    const folded = fold(e.root, false, liveOnly);
    return typeof folded === 'boolean' ? [] : [{ ...e, root: folded }];
  });
  return { ...def, root, exclude };
}
