/**
 * Random but meaningful definitions over a workspace: names and values come from the data, so
 * conditions select real people and disagreements between engines show up.
 */
import fc from 'fast-check';
import type { Condition, Group, PropertyFilter, TimeUnit, Window } from '../../../src/definition/schema.js';
import type { ReferenceData } from '../../../src/reference/load.js';
import type { AudienceDefinitionInput } from '../../../src/definition/schema.js';

interface Pools {
  events: string[];
  propertiesOf: Map<string, string[]>;
  propertyValues: Map<string, (string | number)[]>;
  traitValues: Map<string, (string | number | boolean)[]>;
  lists: string[];
}

function distinctSample<T>(values: Iterable<T>, max: number): T[] {
  const out = new Set<T>();
  for (const v of values) {
    out.add(v);
    if (out.size >= max) break;
  }
  return [...out];
}

export function poolsOf(data: ReferenceData): Pools {
  const propertiesOf = new Map<string, Set<string>>();
  const propertyValues = new Map<string, Set<string | number>>();
  for (const byName of data.events.values()) {
    for (const e of [...byName.values()].flat()) {
      const props = propertiesOf.get(e.event) ?? new Set();
      for (const [k, v] of Object.entries(e.properties)) {
        props.add(k);
        const vs = propertyValues.get(k) ?? new Set();
        if (vs.size < 40 && (typeof v === 'string' || typeof v === 'number')) vs.add(v);
        propertyValues.set(k, vs);
      }
      propertiesOf.set(e.event, props);
    }
  }
  const traitValues = new Map<string, (string | number | boolean)[]>();
  for (const name of Object.keys(data.traitTypes)) {
    const values = [...data.profiles.values()].flatMap((t) => (Array.isArray(t[name]) ? (t[name] as string[]) : t[name] === undefined ? [] : [t[name] as string | number | boolean]));
    traitValues.set(name, distinctSample(values, 30));
  }
  return {
    events: [...propertiesOf.keys()].sort(),
    propertiesOf: new Map([...propertiesOf].map(([k, v]) => [k, [...v].sort()])),
    propertyValues: new Map([...propertyValues].map(([k, v]) => [k, [...v]])),
    traitValues,
    lists: [...data.lists.keys()],
  };
}

const comparator = fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte');
const orderComparator = fc.constantFrom('gt', 'gte', 'lt', 'lte');
const unit = fc.constantFrom<TimeUnit>('days', 'weeks', 'months');
// Thresholds with many decimals never equal a sum of cents, so float summation order cannot flip a test.
const threshold = (max: number) => fc.integer({ min: 0, max }).map((n) => n + 0.377_7);

function needle(pool: (string | number | boolean)[]): fc.Arbitrary<string> {
  const texts = pool.filter((v): v is string => typeof v === 'string' && v.length > 0);
  if (texts.length === 0) return fc.constant('a');
  return fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.nat({ max: 4 }), fc.boolean()).map(([t, start, len, upper]) => {
    const from = start % t.length;
    const piece = t.slice(from, from + 1 + len);
    return upper ? piece.toUpperCase() : piece;
  });
}

function windowArb(now: Date): fc.Arbitrary<Window | undefined> {
  const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  return fc.oneof(
    fc.constant(undefined),
    fc.record({ kind: fc.constant('last' as const), amount: fc.constantFrom(1, 2, 7, 14, 30, 60, 90, 180, 365), unit: fc.constant('days' as const) }),
    fc.record({ kind: fc.constant('last' as const), amount: fc.integer({ min: 1, max: 12 }), unit }),
    fc.tuple(fc.integer({ min: 1, max: 360 }), fc.integer({ min: 1, max: 120 })).map(([a, len]) => ({ kind: 'between' as const, from: day(a + len), to: day(a) })),
  );
}

function filterArb(p: Pools, property: string): fc.Arbitrary<PropertyFilter> {
  const values = p.propertyValues.get(property) ?? [];
  if (values.length > 0 && typeof values[0] === 'number') {
    const nums = fc.constantFrom(...(values as number[]));
    return fc.oneof(
      fc.record({ property: fc.constant(property), op: comparator, value: nums }),
      fc.record({ property: fc.constant(property), op: fc.constantFrom('in', 'not_in'), value: fc.array(nums, { minLength: 1, maxLength: 3 }) }),
      fc.tuple(nums, nums).map(([a, b]) => ({ property, op: 'between' as const, value: [Math.min(a, b), Math.max(a, b)] as [number, number] })),
      fc.record({ property: fc.constant(property), op: fc.constantFrom('exists', 'not_exists') }),
    ) as fc.Arbitrary<PropertyFilter>;
  }
  const texts = fc.constantFrom(...((values.length ? values : ['x']) as string[]));
  return fc.oneof(
    fc.record({ property: fc.constant(property), op: fc.constantFrom('eq', 'neq'), value: texts }),
    fc.record({ property: fc.constant(property), op: fc.constantFrom('in', 'not_in'), value: fc.array(texts, { minLength: 1, maxLength: 3 }) }),
    fc.record({ property: fc.constant(property), op: fc.constantFrom('contains', 'not_contains'), value: needle(values) }),
    fc.record({ property: fc.constant(property), op: fc.constantFrom('exists', 'not_exists') }),
  ) as fc.Arbitrary<PropertyFilter>;
}

interface Selector {
  events: string[];
  filters: PropertyFilter[];
  window: Window | undefined;
}

function selectorArb(p: Pools, now: Date): fc.Arbitrary<Selector> {
  return fc.constantFrom(...p.events).chain((event) => {
    const props = p.propertiesOf.get(event) ?? [];
    const filters: fc.Arbitrary<PropertyFilter[]> = props.length ? fc.array(fc.constantFrom(...props).chain((prop) => filterArb(p, prop)), { maxLength: 2 }) : fc.constant([]);
    return fc.record({ events: fc.constant([event]), filters, window: windowArb(now) });
  });
}

function eventArb(p: Pools, now: Date): fc.Arbitrary<Condition> {
  return fc.tuple(selectorArb(p, now), comparator, fc.integer({ min: 0, max: 6 })).map(([s, op, value]) => ({
    type: 'event' as const, events: s.events, filters: s.filters, ...(s.window ? { window: s.window } : {}), count: { op, value },
  }));
}

function aggregateArb(p: Pools, now: Date): fc.Arbitrary<Condition> {
  const numeric = p.events.flatMap((e) => (p.propertiesOf.get(e) ?? []).filter((prop) => typeof p.propertyValues.get(prop)?.[0] === 'number').map((prop) => [e, prop] as const));
  return fc.tuple(fc.constantFrom(...numeric), windowArb(now), fc.constantFrom('sum', 'avg', 'min', 'max'), orderComparator, threshold(3000)).map(([[event, property], window, fn, op, value]) => ({
    type: 'aggregate' as const, events: [event], filters: [], ...(window ? { window } : {}), fn, property, op, value: fn === 'sum' ? value : value / 10,
  }));
}

function recencyArb(p: Pools, now: Date): fc.Arbitrary<Condition> {
  return fc.tuple(selectorArb(p, now), fc.constantFrom('within', 'more_than', 'never'), fc.integer({ min: 1, max: 12 }), unit).map(([s, op, amount, u]) =>
    op === 'never' ? { type: 'recency' as const, events: s.events, filters: s.filters, op } : { type: 'recency' as const, events: s.events, filters: s.filters, op, amount, unit: u },
  );
}

function traitArb(p: Pools, types: Record<string, string>, now: Date): fc.Arbitrary<Condition> {
  const names = Object.keys(types).sort();
  return fc.constantFrom(...names).chain((trait): fc.Arbitrary<Condition> => {
    const pool = p.traitValues.get(trait) ?? [];
    const exists = fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('exists' as const, 'not_exists' as const) });
    const type = types[trait];
    const values = pool.length ? fc.constantFrom(...pool) : fc.constant('x');
    const texts = fc.array(needle(pool), { minLength: 1, maxLength: 3 });
    if (type === 'string[]') {
      const items = fc.array(values as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 });
      return fc.oneof(exists, fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('contains_any', 'contains_all', 'contains_none', 'in', 'not_in'), value: items }),
        fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('eq', 'neq'), value: values }),
        fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('contains', 'not_contains'), value: needle(pool) })) as fc.Arbitrary<Condition>;
    }
    if (type === 'boolean') return fc.oneof(exists, fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('eq', 'neq'), value: fc.boolean() })) as fc.Arbitrary<Condition>;
    if (type === 'date' || type === 'datetime') {
      const day = fc.integer({ min: 0, max: 60 * 365 }).map((d) => new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10));
      return fc.oneof(exists,
        fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: comparator, value: fc.oneof(day, values) }),
        fc.tuple(day, day).map(([a, b]) => ({ type: 'trait' as const, trait, op: 'between' as const, value: (a < b ? [a, b] : [b, a]) as [string, string] })),
        fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('in_last', 'before_last'), amount: fc.integer({ min: 1, max: 400 }), unit: fc.constantFrom<TimeUnit>('days', 'weeks', 'months', 'years') })) as fc.Arbitrary<Condition>;
    }
    if (type === 'number') {
      const nums = pool.length ? fc.constantFrom(...(pool as number[])) : fc.constant(1);
      return fc.oneof(exists, fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: comparator, value: nums }),
        fc.tuple(nums, nums).map(([a, b]) => ({ type: 'trait' as const, trait, op: 'between' as const, value: [Math.min(a, b), Math.max(a, b)] as [number, number] })),
        fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('in', 'not_in'), value: fc.array(nums, { minLength: 1, maxLength: 4 }) })) as fc.Arbitrary<Condition>;
    }
    return fc.oneof(exists, fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: comparator, value: values }),
      fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('in', 'not_in'), value: fc.array(values, { minLength: 1, maxLength: 4 }) }),
      fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('contains', 'not_contains'), value: needle(pool) }),
      fc.record({ type: fc.constant('trait' as const), trait: fc.constant(trait), op: fc.constantFrom('contains_any', 'contains_all', 'contains_none'), value: texts })) as fc.Arbitrary<Condition>;
  });
}

export function definitionArb(data: ReferenceData, now: Date): fc.Arbitrary<AudienceDefinitionInput> {
  const p = poolsOf(data);
  const list = fc.record({ type: fc.constant('list' as const), list: fc.constantFrom(...p.lists), op: fc.constantFrom('in' as const, 'not_in' as const) });
  const leaf = fc.oneof(
    { arbitrary: eventArb(p, now), weight: 4 },
    { arbitrary: aggregateArb(p, now), weight: 2 },
    { arbitrary: recencyArb(p, now), weight: 2 },
    { arbitrary: traitArb(p, data.traitTypes, now), weight: 4 },
    { arbitrary: list, weight: 1 },
  ) as fc.Arbitrary<Condition>;
  const group = fc.letrec<{ group: Group; node: Condition }>((tie) => ({
    group: fc.record({ type: fc.constant('group' as const), op: fc.constantFrom('and' as const, 'or' as const), conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    node: fc.oneof({ depthSize: 'small', maxDepth: 2, withCrossShrink: true }, leaf, tie('group')),
  })).group;
  return fc.record({
    version: fc.constant(1 as const),
    root: group,
    exclude: fc.array(fc.record({ name: fc.constant('Excluded'), root: group }), { maxLength: 1 }),
  });
}
