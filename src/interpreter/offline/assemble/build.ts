/** Drafts into the definition's conditions: parts by AND, alternatives by OR. */
import type { Condition, Group, Window } from '../../../definition/schema.js';
import type { Draft, DraftTree, EventDraft } from './drafts.js';

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

export function buildRoot(tree: DraftTree, windows: Map<EventDraft, Window | undefined>): Group {
  const draft = (d: Draft): Condition[] => {
    if (d.kind === 'leaf') return [d.condition];
    if (d.kind === 'event') return eventConditions(d, windows.get(d));
    if (d.kind === 'any') return [group('or', d.drafts.map((e) => group('and', eventConditions(e, windows.get(e)))))];
    return [];
  };
  const parts = tree.parts
    .map((p) => {
      const alternatives = p.alternatives.map((a) => a.flatMap(draft)).filter((a) => a.length > 0).map((a) => group('and', a));
      return alternatives.length ? group(p.op, alternatives) : undefined;
    })
    .filter((c): c is Condition => c !== undefined);
  const root = group('and', parts);
  return root.type === 'group' ? root : { type: 'group', op: 'and', conditions: [root] };
}
