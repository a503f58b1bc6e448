/**
 * The facts of one visit, built once per request so that every compiled predicate reads ready
 * values: the URL's parameters parsed once, text lower-cased once, local time as minutes and
 * weekday, device / OS / browser from the User-Agent when the visit does not give them.
 */
import type { VisitFacts, VisitorTraitValue } from './types.js';
import { createUserAgentCache, type DeviceFacts } from './user-agent.js';
import type { VisitorInput } from './visitor.js';

type Text = { raw: string; lower: string };

const text = (raw: string): Text => ({ raw, lower: raw.toLowerCase() });

/** The wall-clock digits of an ISO local date-time; its offset, when given, is not applied. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * Query parameters of a URL as a browser reads them (WHATWG parser: tabs and newlines dropped,
 * values decoded): names lower-cased, first occurrence wins. An unparsable URL has none.
 */
export function urlParams(url: string): Map<string, Text> {
  const params = new Map<string, Text>();
  if (!url.includes('?')) return params;
  let search: URLSearchParams;
  try {
    search = new URL(url).searchParams;
  } catch {
    return params;
  }
  for (const [name, value] of search) {
    const key = name.toLowerCase();
    if (!params.has(key)) params.set(key, text(value));
  }
  return params;
}

/** Cookie names lower-cased (first one wins when two differ only by case). */
export function cookieMap(cookies: Record<string, string> | undefined): Map<string, Text> {
  const out = new Map<string, Text>();
  for (const name in cookies) {
    const key = name.toLowerCase();
    if (!out.has(key)) out.set(key, text(cookies[name]!));
  }
  return out;
}

/**
 * Minute of the day (0..1439) and weekday (0 = Monday) of a local date-time, or undefined; a
 * date that is not on the calendar (02-31) has no weekday.
 */
export function localClock(localTime: string | undefined): { minuteOfDay: number; dayOfWeek?: number } | undefined {
  const m = localTime === undefined ? null : LOCAL_TIME.exec(localTime);
  if (!m) return undefined;
  const minuteOfDay = Number(m[4]) * 60 + Number(m[5]);
  const month = Number(m[2]) - 1;
  const day = new Date(0);
  day.setUTCFullYear(Number(m[1]), month, Number(m[3])); // Date.UTC would read years 0–99 as 1900–1999
  if (day.getUTCMonth() !== month || day.getUTCDate() !== Number(m[3])) return { minuteOfDay };
  return { minuteOfDay, dayOfWeek: (day.getUTCDay() + 6) % 7 };
}

const cachedUserAgent = createUserAgentCache();

export function visitFacts(
  visitor: VisitorInput,
  recordedTraits: Record<string, VisitorTraitValue>,
  parseUserAgent: (userAgent: string) => DeviceFacts = cachedUserAgent,
): VisitFacts {
  const c = visitor.context;
  const agent = c.userAgent !== undefined && (c.device === undefined || c.os === undefined || c.browser === undefined)
    ? parseUserAgent(c.userAgent)
    : undefined;
  const facts: VisitFacts = {
    id: visitor.id,
    params: c.url === undefined ? new Map() : urlParams(c.url),
    cookies: cookieMap(c.cookies),
    sessionCount: c.sessionCount ?? 1,
    // Sent traits win over recorded answers; no prototype, so a trait named "constructor" is just a trait.
    traits: Object.assign(Object.create(null) as Record<string, VisitorTraitValue>, recordedTraits, visitor.traits),
  };
  const device = c.device ?? agent?.device;
  if (device) facts.device = device;
  const os = c.os?.toLowerCase() ?? agent?.os;
  if (os) facts.os = os;
  const browser = c.browser?.toLowerCase() ?? agent?.browser;
  if (browser) facts.browser = browser;
  if (c.city !== undefined) facts.city = c.city.toLowerCase();
  if (c.country !== undefined) facts.country = c.country.toUpperCase();
  if (c.url !== undefined) facts.url = text(c.url);
  if (c.referrer !== undefined) facts.referrer = text(c.referrer);
  const clock = localClock(c.localTime);
  if (clock) Object.assign(facts, clock);
  return facts;
}
