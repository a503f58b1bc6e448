/**
 * Device type, operating system and browser read from a User-Agent header (bowser, MIT), for
 * visits that send the header instead of the fields. Names are lower-cased for the
 * case-insensitive tests: "ios", "android", "windows", "macos"; "safari", "chrome", "firefox".
 */
import Bowser from 'bowser';
import type { VisitFacts } from './types.js';

export type DeviceFacts = Pick<VisitFacts, 'device' | 'os' | 'browser'>;

/** Bowser's platform types; TVs, bots and the unrecognised stay unknown. */
const DEVICES: Record<string, VisitFacts['device']> = { desktop: 'desktop', mobile: 'mobile', tablet: 'tablet' };

export function parseUserAgent(userAgent: string): DeviceFacts {
  const parsed = Bowser.parse(userAgent);
  const facts: DeviceFacts = {};
  const device = parsed.platform.type ? DEVICES[parsed.platform.type] : undefined;
  if (device) facts.device = device;
  if (parsed.os.name) facts.os = parsed.os.name.toLowerCase();
  if (parsed.browser.name) facts.browser = parsed.browser.name.toLowerCase();
  return facts;
}

/**
 * A parser that remembers the last `size` distinct headers: a site's traffic repeats a few
 * hundred User-Agents, and parsing one costs several microseconds, more than evaluating every
 * audience of a visit.
 */
export function createUserAgentCache(size = 2_000): (userAgent: string) => DeviceFacts {
  const seen = new Map<string, DeviceFacts>();
  return (userAgent) => {
    let facts = seen.get(userAgent);
    if (facts) return facts;
    facts = parseUserAgent(userAgent);
    if (seen.size >= size) seen.delete(seen.keys().next().value!);
    seen.set(userAgent, facts);
    return facts;
  };
}
