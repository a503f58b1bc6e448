import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { holds, visitor } from './live-fixtures.js';

const c = (x: Record<string, unknown>) => ({ type: 'context', ...x }) as Condition;
const nothing = visitor();

describe('device, country, city, os and browser', () => {
  it('tests the device against a set, and not_in includes visits of unknown device', () => {
    expect(holds(c({ field: 'device', op: 'in', value: ['mobile', 'tablet'] }), visitor({ device: 'mobile' }))).toBe(true);
    expect(holds(c({ field: 'device', op: 'in', value: ['mobile'] }), visitor({ device: 'desktop' }))).toBe(false);
    expect(holds(c({ field: 'device', op: 'in', value: ['mobile'] }), nothing)).toBe(false);
    expect(holds(c({ field: 'device', op: 'not_in', value: ['mobile'] }), visitor({ device: 'desktop' }))).toBe(true);
    expect(holds(c({ field: 'device', op: 'not_in', value: ['mobile'] }), visitor({ device: 'mobile' }))).toBe(false);
    expect(holds(c({ field: 'device', op: 'not_in', value: ['mobile'] }), nothing)).toBe(true);
  });

  it('compares country codes in any case', () => {
    expect(holds(c({ field: 'country', op: 'in', value: ['de', 'AT'] }), visitor({ country: 'DE' }))).toBe(true);
    expect(holds(c({ field: 'country', op: 'in', value: ['AT'] }), visitor({ country: 'at' }))).toBe(true);
    expect(holds(c({ field: 'country', op: 'not_in', value: ['DE'] }), visitor({ country: 'de' }))).toBe(false);
    expect(holds(c({ field: 'country', op: 'not_in', value: ['DE'] }), nothing)).toBe(true);
  });

  it('compares city, os and browser case-insensitively, negatives holding when the visit does not say', () => {
    expect(holds(c({ field: 'city', op: 'in', value: ['berlin'] }), visitor({ city: 'Berlin' }))).toBe(true);
    expect(holds(c({ field: 'city', op: 'in', value: ['Berlin'] }), nothing)).toBe(false);
    expect(holds(c({ field: 'os', op: 'in', value: ['iOS'] }), visitor({ os: 'ios' }))).toBe(true);
    expect(holds(c({ field: 'os', op: 'not_in', value: ['Android'] }), visitor({ os: 'ANDROID' }))).toBe(false);
    expect(holds(c({ field: 'os', op: 'not_in', value: ['Android'] }), nothing)).toBe(true);
    expect(holds(c({ field: 'browser', op: 'in', value: ['Safari'] }), visitor({ browser: 'safari' }))).toBe(true);
    expect(holds(c({ field: 'browser', op: 'not_in', value: ['Safari'] }), visitor({ browser: 'Chrome' }))).toBe(true);
  });

  it('reads device, os and browser from the User-Agent when the visit does not give them', () => {
    const iphone = visitor({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1' });
    expect(holds(c({ field: 'device', op: 'in', value: ['mobile'] }), iphone)).toBe(true);
    expect(holds(c({ field: 'os', op: 'in', value: ['iOS'] }), iphone)).toBe(true);
    expect(holds(c({ field: 'browser', op: 'in', value: ['safari'] }), iphone)).toBe(true);
    const windows = visitor({ device: 'tablet', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' });
    expect(holds(c({ field: 'device', op: 'in', value: ['tablet'] }), windows)).toBe(true);
    expect(holds(c({ field: 'os', op: 'in', value: ['windows'] }), windows)).toBe(true);
  });
});

describe('page URL and referrer', () => {
  const page = visitor({ url: 'https://Shop.example.com/Products/Cat-Food?utm_source=Spring', referrer: 'https://www.google.com/search?q=cat' });

  it('applies every text operator case-insensitively', () => {
    expect(holds(c({ field: 'url', op: 'eq', value: 'https://shop.example.com/products/cat-food?utm_source=spring' }), page)).toBe(true);
    expect(holds(c({ field: 'url', op: 'neq', value: 'https://shop.example.com/' }), page)).toBe(true);
    expect(holds(c({ field: 'url', op: 'contains', value: '/PRODUCTS/' }), page)).toBe(true);
    expect(holds(c({ field: 'url', op: 'not_contains', value: '/products/' }), page)).toBe(false);
    expect(holds(c({ field: 'url', op: 'starts_with', value: 'HTTPS://shop.' }), page)).toBe(true);
    expect(holds(c({ field: 'url', op: 'starts_with', value: 'shop.' }), page)).toBe(false);
    expect(holds(c({ field: 'referrer', op: 'contains', value: 'google.' }), page)).toBe(true);
    expect(holds(c({ field: 'referrer', op: 'eq', value: 'https://www.bing.com/' }), page)).toBe(false);
  });

  it('finds a regular expression anywhere in the address, ignoring case', () => {
    expect(holds(c({ field: 'url', op: 'matches', value: '/products/(cat|dog)-' }), page)).toBe(true);
    expect(holds(c({ field: 'url', op: 'matches', value: '^https://shop\\.example\\.com/products/[a-z-]+$' }), page)).toBe(false);
    expect(holds(c({ field: 'url', op: 'matches', value: 'UTM_SOURCE=spring$' }), page)).toBe(true);
    expect(holds(c({ field: 'url', op: 'not_matches', value: '/checkout' }), page)).toBe(true);
    expect(holds(c({ field: 'referrer', op: 'not_matches', value: 'google\\.[a-z]+' }), page)).toBe(false);
  });

  it('lets negative operators match a visit without the field, and positive ones not', () => {
    for (const op of ['neq', 'not_contains', 'not_matches']) expect(holds(c({ field: 'referrer', op, value: 'google' }), nothing)).toBe(true);
    for (const op of ['eq', 'contains', 'starts_with', 'matches']) expect(holds(c({ field: 'referrer', op, value: 'google' }), nothing)).toBe(false);
    expect(holds(c({ field: 'referrer', op: 'exists' }), page)).toBe(true);
    expect(holds(c({ field: 'referrer', op: 'exists' }), nothing)).toBe(false);
    expect(holds(c({ field: 'url', op: 'not_exists' }), nothing)).toBe(true);
    expect(holds(c({ field: 'url', op: 'not_exists' }), page)).toBe(false);
  });

  it('lets a pattern RE2 refuses (a definition that skipped validation) match no text instead of failing the request', () => {
    expect(holds(c({ field: 'url', op: 'matches', value: '(?<=shop)\\.example' }), page)).toBe(false);
    expect(holds(c({ field: 'url', op: 'not_matches', value: '(unclosed' }), page)).toBe(true);
  });

  it('runs a catastrophic-backtracking pattern over a long hostile URL in linear time', () => {
    const hostile = visitor({ url: `https://shop.example.com/?q=${'a'.repeat(1_900)}!` });
    // A backtracking engine takes longer than the age of the universe on this input: the test would never end.
    expect(holds(c({ field: 'url', op: 'matches', value: '(a+)+$' }), hostile)).toBe(false);
    expect(holds(c({ field: 'url', op: 'matches', value: '(a|aa)+b' }), hostile)).toBe(false);
  });
});

describe('URL parameters and cookies', () => {
  const v = visitor({
    url: 'https://shop.example.com/?UTM_Source=Spring&utm_campaign=cat%20week&utm_source=autumn&flag',
    cookies: { Plan: 'Gold', consent: 'yes' },
  });

  it('reads a parameter by name in any case, its first occurrence, decoded', () => {
    expect(holds(c({ field: 'url_param', name: 'utm_source', op: 'eq', value: 'spring' }), v)).toBe(true);
    expect(holds(c({ field: 'url_param', name: 'utm_source', op: 'eq', value: 'autumn' }), v)).toBe(false);
    expect(holds(c({ field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'Cat Week' }), v)).toBe(true);
    expect(holds(c({ field: 'url_param', name: 'utm_campaign', op: 'in', value: ['dog week', 'cat week'] }), v)).toBe(true);
    expect(holds(c({ field: 'url_param', name: 'utm_campaign', op: 'not_in', value: ['cat week'] }), v)).toBe(false);
    expect(holds(c({ field: 'url_param', name: 'utm_campaign', op: 'matches', value: '^cat\\s' }), v)).toBe(true);
  });

  it('counts a parameter without a value as present', () => {
    expect(holds(c({ field: 'url_param', name: 'flag', op: 'exists' }), v)).toBe(true);
    expect(holds(c({ field: 'url_param', name: 'utm_medium', op: 'exists' }), v)).toBe(false);
    expect(holds(c({ field: 'url_param', name: 'utm_medium', op: 'not_exists' }), v)).toBe(true);
    expect(holds(c({ field: 'url_param', name: 'utm_medium', op: 'not_in', value: ['email'] }), v)).toBe(true);
    expect(holds(c({ field: 'url_param', name: 'utm_medium', op: 'neq', value: 'email' }), v)).toBe(true);
  });

  it('reads cookies by name in any case', () => {
    expect(holds(c({ field: 'cookie', name: 'plan', op: 'eq', value: 'gold' }), v)).toBe(true);
    expect(holds(c({ field: 'cookie', name: 'PLAN', op: 'contains', value: 'OL' }), v)).toBe(true);
    expect(holds(c({ field: 'cookie', name: 'consent', op: 'not_contains', value: 'yes' }), v)).toBe(false);
    expect(holds(c({ field: 'cookie', name: 'session', op: 'exists' }), v)).toBe(false);
    expect(holds(c({ field: 'cookie', name: 'session', op: 'not_contains', value: 'x' }), v)).toBe(true);
  });
});

describe('local time, day of week and session count', () => {
  const at = (localTime: string) => visitor({ localTime });

  it('takes the hour from the visitor wall clock, from inclusive to exclusive, ignoring the offset', () => {
    const office = c({ field: 'local_time', op: 'between', value: ['09:00', '17:30'] });
    expect(holds(office, at('2026-11-23T09:00:00'))).toBe(true);
    expect(holds(office, at('2026-11-23T17:29:59+09:00'))).toBe(true);
    expect(holds(office, at('2026-11-23T17:30'))).toBe(false);
    expect(holds(office, at('2026-11-23T08:59:00Z'))).toBe(false);
    expect(holds(office, nothing)).toBe(false);
  });

  it('wraps a window past midnight when from is after to', () => {
    const night = c({ field: 'local_time', op: 'between', value: ['22:00', '06:00'] });
    expect(holds(night, at('2026-11-23T23:15:00'))).toBe(true);
    expect(holds(night, at('2026-11-24T00:00:00'))).toBe(true);
    expect(holds(night, at('2026-11-24T05:59:00'))).toBe(true);
    expect(holds(night, at('2026-11-24T06:00:00'))).toBe(false);
    expect(holds(night, at('2026-11-24T21:59:00'))).toBe(false);
  });

  it('reads the day of week from the date part', () => {
    const weekend = c({ field: 'day_of_week', op: 'in', value: ['saturday', 'sunday'] });
    expect(holds(weekend, at('2026-11-28T10:00:00'))).toBe(true); // a Saturday
    expect(holds(weekend, at('2026-11-29T23:59:00-11:00'))).toBe(true); // Sunday there, Monday in UTC
    expect(holds(weekend, at('2026-11-23T10:00:00'))).toBe(false); // a Monday
    expect(holds(weekend, nothing)).toBe(false);
    const weekdays = c({ field: 'day_of_week', op: 'not_in', value: ['saturday', 'sunday'] });
    expect(holds(weekdays, at('2026-11-23T10:00:00'))).toBe(true);
    expect(holds(weekdays, at('2026-11-28T10:00:00'))).toBe(false);
    expect(holds(weekdays, nothing)).toBe(true);
  });

  it('counts a visit that does not say as a first session', () => {
    const fresh = c({ field: 'session_count', op: 'eq', value: 1 });
    const returning = c({ field: 'session_count', op: 'gt', value: 1 });
    expect(holds(fresh, nothing)).toBe(true);
    expect(holds(returning, nothing)).toBe(false);
    expect(holds(returning, visitor({ sessionCount: 3 }))).toBe(true);
    expect(holds(c({ field: 'session_count', op: 'lte', value: 3 }), visitor({ sessionCount: 3 }))).toBe(true);
    expect(holds(c({ field: 'session_count', op: 'lt', value: 3 }), visitor({ sessionCount: 3 }))).toBe(false);
    expect(holds(c({ field: 'session_count', op: 'gte', value: 4 }), visitor({ sessionCount: 3 }))).toBe(false);
    expect(holds(c({ field: 'session_count', op: 'neq', value: 3 }), visitor({ sessionCount: 3 }))).toBe(false);
  });
});
