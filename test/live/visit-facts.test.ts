import { describe, expect, it } from 'vitest';
import { createUserAgentCache, parseUserAgent } from '../../src/live/user-agent.js';
import { localClock, visitFacts } from '../../src/live/visit-facts.js';
import { VisitorInput } from '../../src/live/visitor.js';
import { visitor } from './live-fixtures.js';

const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const ANDROID_PHONE = 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

describe('visitFacts', () => {
  it('parses URL parameters once: names lower-cased, first occurrence, decoded', () => {
    const f = visitFacts(visitor({ url: 'https://a.example/p?UTM_SOURCE=News%20Letter&utm_source=x&q=a+b#top?frag=1' }), {});
    expect([...f.params.keys()]).toEqual(['utm_source', 'q']);
    expect(f.params.get('utm_source')).toEqual({ raw: 'News Letter', lower: 'news letter' });
    expect(f.params.get('q')?.raw).toBe('a b');
    expect(f.url).toEqual({ raw: 'https://a.example/p?UTM_SOURCE=News%20Letter&utm_source=x&q=a+b#top?frag=1', lower: 'https://a.example/p?utm_source=news%20letter&utm_source=x&q=a+b#top?frag=1' });
  });

  it('keeps cookies by lower-cased name and normalises the place', () => {
    const f = visitFacts(visitor({ cookies: { Consent: 'Yes' }, country: 'de', city: 'München' }), {});
    expect(f.cookies.get('consent')).toEqual({ raw: 'Yes', lower: 'yes' });
    expect(f.country).toBe('DE');
    expect(f.city).toBe('münchen');
  });

  it('reads minute and weekday from the local wall clock and ignores the offset', () => {
    expect(localClock('2026-11-23T14:05:00+14:00')).toEqual({ minuteOfDay: 14 * 60 + 5, dayOfWeek: 0 });
    expect(localClock('2026-11-29T23:59Z')).toEqual({ minuteOfDay: 1439, dayOfWeek: 6 });
    // 1 January 50 was a Saturday; 1 January 1950 a Sunday.
    expect(localClock('0050-01-01T00:00')).toEqual({ minuteOfDay: 0, dayOfWeek: 5 });
    expect(localClock('2026-02-31T10:00')).toEqual({ minuteOfDay: 600 });
    expect(localClock(undefined)).toBeUndefined();
  });

  it('counts a visit without a session count as the first session', () => {
    expect(visitFacts(visitor(), {}).sessionCount).toBe(1);
    expect(visitFacts(visitor({ sessionCount: 4 }), {}).sessionCount).toBe(4);
  });

  it('merges traits with the ones the site sends winning over recorded answers', () => {
    const f = visitFacts(visitor({}, { shopping_for: 'dog', plan: 'gold' }), { shopping_for: 'cat', pets: ['cat'] });
    expect({ ...f.traits }).toEqual({ shopping_for: 'dog', plan: 'gold', pets: ['cat'] });
    expect(visitFacts(visitor(), {}).traits.constructor).toBeUndefined();
  });

  it('derives device, os and browser from the User-Agent only where the visit does not give them', () => {
    expect(visitFacts(visitor({ userAgent: IPAD }), {})).toMatchObject({ device: 'tablet', os: 'ios', browser: 'safari' });
    expect(visitFacts(visitor({ userAgent: ANDROID_PHONE }), {})).toMatchObject({ device: 'mobile', os: 'android', browser: 'chrome' });
    expect(visitFacts(visitor({ userAgent: MAC }), {})).toMatchObject({ device: 'desktop', os: 'macos', browser: 'safari' });
    expect(visitFacts(visitor({ userAgent: MAC, device: 'mobile', os: 'iPadOS' }), {})).toMatchObject({ device: 'mobile', os: 'ipados', browser: 'safari' });
    const f = visitFacts(visitor(), {});
    expect([f.device, f.os, f.browser]).toEqual([undefined, undefined, undefined]);
  });

  it('leaves the device unknown for agents that are no desktop, phone or tablet', () => {
    expect(parseUserAgent('Googlebot/2.1 (+http://www.google.com/bot.html)').device).toBeUndefined();
    expect(parseUserAgent('curl/8.4.0').device).toBeUndefined();
  });
});

describe('createUserAgentCache', () => {
  it('parses each distinct header once and forgets the oldest beyond its size', () => {
    const parse = createUserAgentCache(2);
    const first = parse(IPAD);
    expect(parse(IPAD)).toBe(first);
    parse(MAC);
    parse(ANDROID_PHONE);
    expect(parse(IPAD)).not.toBe(first);
    expect(parse(IPAD)).toEqual(first);
  });
});

describe('VisitorInput', () => {
  it('refuses a local time on a day the calendar does not have, naming the field', () => {
    const parsed = VisitorInput.safeParse({ id: 'v1', context: { localTime: '2026-02-31T10:00:00' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['context', 'localTime']);
    expect(parsed.error?.issues[0]?.message).toBe('must be a real calendar date');
    expect(VisitorInput.safeParse({ id: 'v1', context: { localTime: '2028-02-29T23:59' } }).success).toBe(true);
    expect(VisitorInput.safeParse({ id: 'v1', context: { localTime: '0100-02-29T10:00' } }).success).toBe(false);
  });

  it('says which kinds of value a trait may hold when it is none of them', () => {
    const parsed = VisitorInput.safeParse({ id: 'v1', traits: { shopping_for: { pet: 'cat' } } });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['traits.shopping_for', 'must be text, a number, true or false, or a list of up to 100 texts'],
    ]);
  });
});
