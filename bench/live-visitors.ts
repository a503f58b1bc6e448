/**
 * Distinct visitors for the live bench, drawn from a seeded generator: pages with and without
 * campaign parameters, referrers, places, local times across the week, cookies, session counts,
 * a third sending only a User-Agent, some with a self-segmentation answer or a plan trait.
 */
import type { VisitorTraitValue } from '../src/live/types.js';
import { VisitorInput } from '../src/live/visitor.js';

/** mulberry32: small, fast and good enough to spread test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PAGES = [
  '/', '/products/cat-tower-deluxe', '/products/dog-bed-xl-42', '/products/fish-tank-60l', '/products/garden-hose-20m',
  '/category/cats', '/sale/', '/deals?sort=price', '/search', '/checkout/payment', '/checkout/cart', '/blog/how-to-train-a-puppy',
];
const PARAMS: [string, string][] = [
  ['utm_source', 'google'], ['utm_source', 'newsletter'], ['utm_source', 'facebook'], ['utm_source', 'partner-42'],
  ['utm_medium', 'cpc'], ['utm_medium', 'email'], ['utm_campaign', 'spring-sale'], ['utm_campaign', 'black-friday'],
  ['utm_campaign', 'cat-week'], ['gclid', 'Cj0KCQiA'], ['q', 'scratching post'], ['ref', 'blogger-7'], ['page', '2'],
];
const REFERRERS = ['https://www.google.com/', 'https://www.bing.com/search?q=cat+food', 'https://l.facebook.com/', 'https://www.instagram.com/', 'https://news.example.org/pets'];
const PLACES: [string, string][] = [['DE', 'Berlin'], ['DE', 'Hamburg'], ['AT', 'Wien'], ['FR', 'Paris'], ['US', 'New York'], ['US', 'Austin'], ['GB', 'London'], ['ES', 'Madrid'], ['IT', 'Milano'], ['NL', 'Amsterdam'], ['SE', 'Stockholm'], ['JP', 'Tokyo']];
const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; SM-X706B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
];
const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
const OSES = { desktop: ['Windows', 'macOS', 'Linux'], mobile: ['iOS', 'Android'], tablet: ['iOS', 'Android'] };
const BROWSERS = ['Chrome', 'Safari', 'Firefox', 'Edge'];

export interface BenchVisitor {
  visitor: VisitorInput;
  recorded: Record<string, VisitorTraitValue>;
}

export function benchVisitors(count: number, seed = 11): BenchVisitor[] {
  const r = random(seed);
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  return Array.from({ length: count }, (_, i) => {
    const params = PARAMS.filter(() => chance(0.12)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    const [country, city] = one(PLACES);
    const day = 23 + Math.floor(r() * 7);
    const page = one(PAGES);
    const context: Record<string, unknown> = {
      url: `https://shop.example.com${page}${params.length ? `${page.includes('?') ? '&' : '?'}${params.join('&')}` : ''}`,
      localTime: `2026-11-${day}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00`,
      sessionCount: chance(0.45) ? 1 : 2 + Math.floor(r() * 9),
    };
    if (chance(0.6)) context.referrer = one(REFERRERS);
    if (chance(0.9)) Object.assign(context, { country, city });
    if (chance(0.33)) context.userAgent = one(AGENTS);
    else {
      const device = one(DEVICES);
      Object.assign(context, { device, os: one(OSES[device]), browser: one(BROWSERS) });
    }
    const cookies: Record<string, string> = {};
    if (chance(0.7)) cookies.consent = 'granted';
    if (chance(0.25)) cookies.cart_items = String(Math.floor(r() * 4));
    if (chance(0.02)) cookies.staff = '1';
    if (Object.keys(cookies).length) context.cookies = cookies;
    const traits: Record<string, VisitorTraitValue> = chance(0.1) ? { plan: one(['gold', 'silver', 'free']) } : {};
    const recorded: Record<string, VisitorTraitValue> = chance(0.2) ? { shopping_for: one(['cat', 'dog', 'puppy', 'fish']) } : {};
    return { visitor: VisitorInput.parse({ id: `visitor-${i}`, context, traits }), recorded };
  });
}
