/** Context conditions read straight from the raw visitor, for the naive baseline (naive.ts). */
import { DAYS_OF_WEEK, type ContextCondition } from '../definition/schema.js';
import { patternOrNothing } from '../definition/pattern.js';
import { compareNumbers } from '../definition/compare.js';
import { clockMinutes, inClockWindow } from './compile/context.js';
import { parseUserAgent } from './user-agent.js';
import type { VisitorInput } from './visitor.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** Countries are compared upper-cased, as ISO writes them; everything else lower-cased. */
const sameIn = (field: ContextCondition['field'], a: string, b: string) => (field === 'country' ? a.toUpperCase() === b.toUpperCase() : same(a, b));

function param(url: string | undefined, name: string): string | undefined {
  if (url === undefined) return undefined;
  try {
    for (const [k, v] of new URL(url).searchParams) if (same(k, name)) return v;
  } catch {
    return undefined;
  }
  return undefined;
}

function cookie(cookies: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(cookies ?? {}).find((k) => same(k, name));
  return key === undefined ? undefined : cookies![key];
}

function textValue(c: ContextCondition, visitor: VisitorInput): string | undefined {
  const ctx = visitor.context;
  switch (c.field) {
    case 'url': return ctx.url;
    case 'referrer': return ctx.referrer;
    case 'url_param': return param(ctx.url, c.name);
    case 'cookie': return cookie(ctx.cookies, c.name);
    case 'country': return ctx.country;
    case 'city': return ctx.city;
    case 'device': return ctx.device ?? (ctx.userAgent ? parseUserAgent(ctx.userAgent).device : undefined);
    case 'os': return ctx.os ?? (ctx.userAgent ? parseUserAgent(ctx.userAgent).os : undefined);
    case 'browser': return ctx.browser ?? (ctx.userAgent ? parseUserAgent(ctx.userAgent).browser : undefined);
    default: return undefined;
  }
}

/** Local time's minute of day and weekday (0 = Monday, none for a date off the calendar), from the wall-clock digits. */
function clock(localTime: string | undefined): { minute: number; day: number | undefined } | undefined {
  const m = localTime?.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  if (!m) return undefined;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  const onCalendar = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}`;
  return { minute: Number(m[4]) * 60 + Number(m[5]), day: onCalendar ? (date.getUTCDay() + 6) % 7 : undefined };
}

export function contextHolds(c: ContextCondition, visitor: VisitorInput): boolean {
  switch (c.field) {
    case 'session_count': return compareNumbers(visitor.context.sessionCount ?? 1, c.op, c.value);
    case 'local_time': {
      const t = clock(visitor.context.localTime);
      return t !== undefined && inClockWindow(t.minute, clockMinutes(c.value[0]), clockMinutes(c.value[1]));
    }
    case 'day_of_week': {
      const t = clock(visitor.context.localTime);
      const listed = t?.day !== undefined && (c.value as readonly string[]).includes(DAYS_OF_WEEK[t.day]!);
      return c.op === 'in' ? listed : !listed;
    }
  }
  const v = textValue(c, visitor);
  switch (c.op) {
    case 'exists': return v !== undefined;
    case 'not_exists': return v === undefined;
    case 'in': return v !== undefined && c.value.some((x) => sameIn(c.field, x, v));
    case 'not_in': return v === undefined || !c.value.some((x) => sameIn(c.field, x, v));
    case 'eq': return v !== undefined && same(v, c.value);
    case 'neq': return v === undefined || !same(v, c.value);
    case 'contains': return v !== undefined && v.toLowerCase().includes(c.value.toLowerCase());
    case 'not_contains': return v === undefined || !v.toLowerCase().includes(c.value.toLowerCase());
    case 'starts_with': return v !== undefined && v.toLowerCase().startsWith(c.value.toLowerCase());
    case 'matches': return v !== undefined && patternOrNothing(c.value).test(v);
    case 'not_matches': return v === undefined || !patternOrNothing(c.value).test(v);
  }
}
