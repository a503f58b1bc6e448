/** Event, aggregate and recency conditions evaluated over one profile's events in memory. */
import type { AggregateCondition, Comparator, EventCondition, PropertyFilter, RecencyCondition, Window } from '../definition/schema.js';
import { durationDays, subtractDays } from '../definition/time.js';
import type { ValueType } from '../catalog/types.js';
import type { ReferenceEvent, UserEvents } from './load.js';
import { compareValue, containsText, hasValue, inRange, oneOf, type Kind } from './values.js';

function holds(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'neq': return a !== b;
    case 'gt': return a > b;
    case 'gte': return a >= b;
    case 'lt': return a < b;
    case 'lte': return a <= b;
  }
}

function kindOf(type: ValueType | undefined, value: unknown): Kind {
  if (type === 'date' || type === 'datetime') return 'time';
  if (type === 'number' || type === 'boolean' || type === 'string') return type;
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

function passes(e: ReferenceEvent, f: PropertyFilter, propertyTypes: Record<string, ValueType>): boolean {
  const v = e.properties[f.property];
  const present = hasValue(v);
  switch (f.op) {
    case 'exists': return present;
    case 'not_exists': return !present;
    case 'eq': case 'gt': case 'gte': case 'lt': case 'lte':
      return present && compareValue(v, kindOf(propertyTypes[f.property], f.value), f.op, f.value);
    case 'neq': return !present || !compareValue(v, kindOf(propertyTypes[f.property], f.value), 'eq', f.value);
    case 'in': return present && oneOf(v, kindOf(propertyTypes[f.property], f.value[0]), f.value);
    case 'not_in': return !present || !oneOf(v, kindOf(propertyTypes[f.property], f.value[0]), f.value);
    case 'between': return present && inRange(v, kindOf(propertyTypes[f.property], f.value[0]), f.value);
    case 'contains': return present && containsText(v, f.value);
    case 'not_contains': return !present || !containsText(v, f.value);
  }
}

function inWindow(ts: number, window: Window | undefined, now: Date): boolean {
  if (!window) return true;
  if (window.kind === 'last') return ts >= subtractDays(now, durationDays(window.amount, window.unit)).getTime();
  return ts >= Date.parse(window.from) && ts < Date.parse(window.to);
}

interface Selector {
  events: string[];
  filters: PropertyFilter[];
  window?: Window;
}

export interface EventContext {
  now: Date;
  propertyTypes: Record<string, ValueType>;
  /** Events older than this many days before now are outside the plan's history. */
  lookbackDays?: number;
}

export function matching(events: UserEvents, s: Selector, ctx: EventContext): ReferenceEvent[] {
  const oldest = ctx.lookbackDays === undefined ? -Infinity : subtractDays(ctx.now, ctx.lookbackDays).getTime();
  const named = [...new Set(s.events)].flatMap((name) => events.get(name) ?? []);
  return named.filter((e) => e.ts >= oldest && inWindow(e.ts, s.window, ctx.now) && s.filters.every((f) => passes(e, f, ctx.propertyTypes)));
}

export function evaluateEvent(events: UserEvents, c: EventCondition, ctx: EventContext): boolean {
  return holds(matching(events, c, ctx).length, c.count.op, c.count.value);
}

export function evaluateAggregate(events: UserEvents, c: AggregateCondition, ctx: EventContext): boolean {
  const values = matching(events, c, ctx)
    .map((e) => e.properties[c.property])
    .filter((v): v is number => typeof v === 'number');
  if (c.fn === 'sum') return holds(values.reduce((a, b) => a + b, 0), c.op, c.value);
  if (values.length === 0) return false;
  const measure = c.fn === 'avg' ? values.reduce((a, b) => a + b, 0) / values.length : c.fn === 'min' ? Math.min(...values) : Math.max(...values);
  return holds(measure, c.op, c.value);
}

export function evaluateRecency(events: UserEvents, c: RecencyCondition, ctx: EventContext): boolean {
  const found = matching(events, { events: c.events, filters: c.filters }, ctx);
  if (c.op === 'never') return found.length === 0;
  if (found.length === 0) return false;
  const last = Math.max(...found.map((e) => e.ts));
  const cutoff = subtractDays(ctx.now, durationDays(c.amount, c.unit)).getTime();
  return c.op === 'within' ? last >= cutoff : last < cutoff;
}
