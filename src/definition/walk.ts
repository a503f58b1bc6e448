import type { AudienceDefinition, Condition, Group, LeafCondition } from './schema.js';

/** Every leaf condition of a group, depth first, in reading order. */
export function leaves(group: Group): LeafCondition[] {
  const out: LeafCondition[] = [];
  const visit = (c: Condition) => {
    if (c.type === 'group') c.conditions.forEach(visit);
    else out.push(c);
  };
  visit(group);
  return out;
}

/** Leaves of the root and of every exclusion. */
export function allLeaves(def: AudienceDefinition): LeafCondition[] {
  return [...leaves(def.root), ...def.exclude.flatMap((e) => leaves(e.root))];
}

export function depth(c: Condition): number {
  return c.type === 'group' ? 1 + Math.max(0, ...c.conditions.map(depth)) : 0;
}
