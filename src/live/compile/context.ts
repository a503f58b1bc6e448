/**
 * Context conditions compiled into predicates over the visit's facts: value sets lower-cased
 * (country upper-cased) once, regular expressions compiled once. Negative operators hold when
 * the visit does not say.
 */
import { DAYS_OF_WEEK, type ContextCondition } from '../../definition/schema.js';
import { compareNumbers } from '../../definition/compare.js';
import { patternOrNothing } from '../../definition/pattern.js';
import type { VisitFacts } from '../types.js';
import type { Predicate } from './predicate.js';

type Text = { raw: string; lower: string } | undefined;
type TextOp = Extract<ContextCondition, { value: string }>['op'];

export function textTest(op: TextOp, value: string): (t: Text) => boolean {
  const v = value.toLowerCase();
  switch (op) {
    case 'eq': return (t) => t !== undefined && t.lower === v;
    case 'neq': return (t) => t === undefined || t.lower !== v;
    case 'contains': return (t) => t !== undefined && t.lower.includes(v);
    case 'not_contains': return (t) => t === undefined || !t.lower.includes(v);
    case 'starts_with': return (t) => t !== undefined && t.lower.startsWith(v);
    case 'matches': {
      const re = patternOrNothing(value);
      return (t) => t !== undefined && re.test(t.raw);
    }
    case 'not_matches': {
      const re = patternOrNothing(value);
      return (t) => t === undefined || !re.test(t.raw);
    }
  }
}

function setTest(op: 'in' | 'not_in', values: readonly string[], casing: (s: string) => string): (v: string | undefined) => boolean {
  const set = new Set(values.map(casing));
  return op === 'in' ? (v) => v !== undefined && set.has(v) : (v) => v === undefined || !set.has(v);
}


/** "HH:MM" → minutes since midnight. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** From inclusive to exclusive, wrapping past midnight when from > to; from = to is empty. */
export function inClockWindow(minute: number, from: number, to: number): boolean {
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

const lower = (s: string) => s.toLowerCase();
const upper = (s: string) => s.toUpperCase();

function textOf(c: ContextCondition): (f: VisitFacts) => Text {
  switch (c.field) {
    case 'url': return (f) => f.url;
    case 'referrer': return (f) => f.referrer;
    case 'url_param': {
      const name = c.name.toLowerCase();
      return (f) => f.params.get(name);
    }
    case 'cookie': {
      const name = c.name.toLowerCase();
      return (f) => f.cookies.get(name);
    }
    default: throw new Error(`live compile: ${c.field} is not text`);
  }
}

export function compileContext(c: ContextCondition): Predicate {
  switch (c.field) {
    case 'device': {
      const test = setTest(c.op, c.value, lower);
      return (f) => test(f.device);
    }
    case 'country': {
      const test = setTest(c.op, c.value, upper);
      return (f) => test(f.country);
    }
    case 'city': case 'os': case 'browser': {
      const test = setTest(c.op, c.value, lower);
      const field = c.field;
      return (f) => test(f[field]);
    }
    case 'local_time': {
      const from = clockMinutes(c.value[0]);
      const to = clockMinutes(c.value[1]);
      return (f) => f.minuteOfDay !== undefined && inClockWindow(f.minuteOfDay, from, to);
    }
    case 'day_of_week': {
      const days = new Set(c.value.map((d) => DAYS_OF_WEEK.indexOf(d)));
      return c.op === 'in'
        ? (f) => f.dayOfWeek !== undefined && days.has(f.dayOfWeek)
        : (f) => f.dayOfWeek === undefined || !days.has(f.dayOfWeek);
    }
    case 'session_count': {
      const { op, value } = c;
      return (f) => compareNumbers(f.sessionCount, op, value);
    }
    default: {
      const get = textOf(c);
      switch (c.op) {
        case 'exists': return (f) => get(f) !== undefined;
        case 'not_exists': return (f) => get(f) === undefined;
        case 'in': case 'not_in': {
          const test = setTest(c.op, c.value, lower);
          return (f) => test(get(f)?.lower);
        }
        default: {
          const test = textTest(c.op, c.value);
          return (f) => test(get(f));
        }
      }
    }
  }
}
