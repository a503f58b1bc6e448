/** Drafts into the definition's conditions: parts by AND, alternatives by OR. */
import type { Condition, Exclusion, Group, Window } from '../../../definition/schema.js';
import type { Draft, DraftTree, EventDraft } from './drafts.js';
import { treeDrafts } from './sentence.js';
import { shareWindows } from './windows.js';

export function eventConditions(d: EventDraft, window: Window | undefined): Condition[] {
  const base = { events: d.events, filters: d.filters };
  const w = window ? { window } : {};
  const m = d.measure;
  switch (m.type) {
    case 'count':
      return [{ type: 'event', ...base, ...w, count: { op: m.op, value: m.value } }];
    case 'recency':
      return [{ type: 'recency', ...base, op: m.op, amount: m.amount, unit: m.unit }];
    case 'aggregate': {
      if (m.op !== 'between') return [{ type: 'aggregate', ...base, ...w, fn: m.fn, property: m.property, op: m.op, value: m.value as number }];
      const [lo, hi] = m.value as [number, number];
      return [
        { type: 'aggregate', ...base, ...w, fn: m.fn, property: m.property, op: 'gte', value: lo },
        { type: 'aggregate', ...base, ...w, fn: m.fn, property: m.property, op: 'lte', value: hi },
      ];
    }
  }
}

function group(op: 'and' | 'or', conditions: Condition[]): Condition {
  const flat = conditions.flatMap((c) => (c.type === 'group' && c.op === op ? c.conditions : [c]));
  // The same condition said twice ("left products in their cart without buying") counts once.
  const unique = [...new Map(flat.map((c) => [JSON.stringify(c), c])).values()];
  return unique.length === 1 ? unique[0]! : { type: 'group', op, conditions: unique };
}

function treeConditions(tree: DraftTree, windows: Map<EventDraft, Window | undefined>): Condition[] {
  const draft = (d: Draft): Condition[] => {
    if (d.kind === 'leaf') return [d.condition];
    if (d.kind === 'event') return eventConditions(d, windows.get(d));
    if (d.kind === 'any') return [group('or', d.drafts.map((e) => group('and', eventConditions(e, windows.get(e)))))];
    return [];
  };
  return tree.items.flatMap((item): Condition[] => {
    if (item.kind === 'choice') {
      const branches = item.branches.map((b) => treeConditions(b, windows)).filter((c) => c.length > 0).map((c) => group('and', c));
      return branches.length ? [group('or', branches)] : [];
    }
    const alternatives = item.alternatives.map((a) => a.flatMap(draft)).filter((a) => a.length > 0).map((a) => group('and', a));
    return alternatives.length ? [group(item.op, alternatives)] : [];
  });
}

const asGroup = (c: Condition): Group => (c.type === 'group' ? c : { type: 'group', op: 'and', conditions: [c] });

/** The opposite of a condition that has one without changing what it counts: a list, a trait value, a tag. */
/** The opposite of a condition built of negatable leaves: not (A and B) is (not A) or (not B). */
export function negatedCondition(c: Condition): Condition | undefined {
  if (c.type === 'event' && c.count.op === 'gte' && c.count.value === 1) return { ...c, count: { op: 'eq', value: 0 } };
  if (c.type === 'event' && c.count.op === 'eq' && c.count.value === 0) return { ...c, count: { op: 'gte', value: 1 } };
  if (c.type !== 'group') return negatedLeaf(c);
  const parts = c.conditions.map(negatedCondition);
  if (parts.some((p) => p === undefined)) return undefined;
  return { type: 'group', op: c.op === 'and' ? 'or' : 'and', conditions: parts as Condition[] };
}

export function negatedLeaf(c: Condition): Condition | undefined {
  if (c.type === 'list') return { ...c, op: c.op === 'in' ? 'not_in' : 'in' };
  if (c.type !== 'trait') return undefined;
  switch (c.op) {
    case 'eq': return { ...c, op: 'neq' };
    case 'neq': return { ...c, op: 'eq' };
    case 'in': return { ...c, op: 'not_in' };
    case 'not_in': return { ...c, op: 'in' };
    case 'contains_any': return { ...c, op: 'contains_none' };
    case 'contains_none': return { ...c, op: 'contains_any' };
    case 'exists': return { type: 'trait', trait: c.trait, op: 'not_exists' };
    case 'not_exists': return { type: 'trait', trait: c.trait, op: 'exists' };
    default: return undefined;
  }
}

/**
 * The definition's root and exclusions. An exclusion that is one list, trait value or tag ("leave
 * out the Blocklist") is its negation in the root; anything else ("excluding anyone refunded in
 * the last 60 days") is an audience taken away, named by the words that said it.
 */
export function buildDefinitionParts(tree: DraftTree, anchors: ReadonlyArray<{ order: number; window: Window }>): { root: Group; exclude: Exclusion[] } {
  // A window said once covers its clause: the audience's own, or an exclusion's.
  const eventsOf = (t: DraftTree) => treeDrafts(t).filter((d): d is EventDraft => d.kind === 'event');
  const windows = new Map([...shareWindows(eventsOf(tree), anchors), ...tree.exclusions.flatMap((e) => [...shareWindows(eventsOf(e.tree), [])])]);
  const conditions = treeConditions(tree, windows);
  const exclude: Exclusion[] = [];
  for (const e of tree.exclusions) {
    const inner = treeConditions(e.tree, windows);
    if (!inner.length) continue;
    const single = inner.length === 1 ? negatedLeaf(inner[0]!) : undefined;
    if (single) conditions.push(single);
    else exclude.push({ name: e.text.slice(0, 200), root: asGroup(group('and', inner)) });
  }
  return { root: asGroup(group('and', conditions)), exclude };
}
