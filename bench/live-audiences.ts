/**
 * The live bench's workspace: 50 ordered audiences of the kinds sites run (campaign landings,
 * countries, product pages by pattern, referrers, time of day, weekends, cookies, devices, a
 * visitor's own answer), a few using profile history and traits, and the defaults at the bottom.
 */
import { defineAudience } from '../src/definition/parse.js';
import type { Condition } from '../src/definition/schema.js';
import type { LiveAudience, MembershipDuration } from '../src/live/types.js';

const ctx = (c: Record<string, unknown>) => ({ type: 'context', ...c }) as Condition;
const device = (...value: string[]) => ctx({ field: 'device', op: 'in', value });
const param = (name: string, op: string, value?: unknown) => ctx({ field: 'url_param', name, op, ...(value === undefined ? {} : { value }) });
const url = (op: string, value: string) => ctx({ field: 'url', op, value });
const country = (...value: string[]) => ctx({ field: 'country', op: 'in', value });
const returning = ctx({ field: 'session_count', op: 'gte', value: 2 });
const boughtRecently = { type: 'event', events: ['Order Completed'], filters: [], window: { kind: 'last', amount: 90, unit: 'days' }, count: { op: 'gte', value: 1 } } as Condition;
const vipList = { type: 'list', list: 'VIP', op: 'in' } as Condition;
const goldPlan = { type: 'trait', trait: 'plan', op: 'eq', value: 'gold' } as Condition;
const staff = { name: 'Staff', conditions: [ctx({ field: 'cookie', name: 'staff', op: 'exists' })] };

interface Spec { name: string; op?: 'and' | 'or'; conditions: Condition[]; exclude?: { name: string; conditions: Condition[] }[]; duration?: MembershipDuration }

const CAMPAIGNS = ['spring-sale', 'black-friday', 'cat-week', 'newsletter-nov', 'summer-clearance', 'loyalty-club'];
const COUNTRY_SETS = [['DE', 'AT', 'CH'], ['FR', 'BE'], ['US', 'CA'], ['GB', 'IE'], ['ES', 'PT'], ['IT'], ['NL'], ['SE', 'NO', 'DK', 'FI']];
const CATEGORIES = ['cat', 'dog', 'bird', 'fish', 'garden', 'kitchen'];

const SPECS: Spec[] = [
  { name: 'VIPs on a product page', conditions: [vipList, url('contains', '/products/')], duration: { unit: 'days', amount: 30 } },
  { name: 'Gold plan, returning', conditions: [goldPlan, returning] },
  { name: 'Recent buyers from a campaign', conditions: [boughtRecently, param('utm_source', 'exists')], exclude: [staff] },
  ...CAMPAIGNS.map((c, i): Spec => ({
    name: `Campaign ${c} on ${i % 2 ? 'mobile' : 'any device'}`,
    conditions: [param('utm_campaign', 'eq', c), ...(i % 2 ? [device('mobile', 'tablet')] : [])],
    exclude: [staff],
    duration: { unit: 'days', amount: 7 },
  })),
  ...CATEGORIES.map((cat): Spec => ({ name: `${cat} product pages`, conditions: [url('matches', `/products/${cat}-[a-z0-9-]+`)] })),
  ...COUNTRY_SETS.map((set, i): Spec => ({ name: `Visitors from ${set.join('/')}`, conditions: [country(...set), ...(i % 3 === 0 ? [returning] : [])] })),
  { name: 'Searchers', conditions: [ctx({ field: 'referrer', op: 'matches', value: '^https?://(www\\.)?(google|bing|duckduckgo)\\.' })] },
  { name: 'From social', op: 'or', conditions: ['facebook', 'instagram', 'tiktok', 'pinterest'].map((s) => ctx({ field: 'referrer', op: 'contains', value: s })) },
  { name: 'Newsletter readers', conditions: [param('utm_medium', 'in', ['email', 'newsletter'])] },
  { name: 'Paid search', conditions: [param('utm_medium', 'eq', 'cpc'), param('gclid', 'exists')] },
  { name: 'Night owls', conditions: [ctx({ field: 'local_time', op: 'between', value: ['22:00', '06:00'] }), device('mobile')] },
  { name: 'Lunch break browsers', conditions: [ctx({ field: 'local_time', op: 'between', value: ['12:00', '14:00'] }), ctx({ field: 'day_of_week', op: 'not_in', value: ['saturday', 'sunday'] })] },
  { name: 'Weekend shoppers', conditions: [ctx({ field: 'day_of_week', op: 'in', value: ['saturday', 'sunday'] }), url('contains', '/products/')] },
  { name: 'Cart holders', conditions: [ctx({ field: 'cookie', name: 'cart_items', op: 'exists' }), ctx({ field: 'cookie', name: 'cart_items', op: 'neq', value: '0' })] },
  { name: 'No consent yet', conditions: [ctx({ field: 'cookie', name: 'consent', op: 'not_exists' })], duration: { unit: 'hours', amount: 1 } },
  { name: 'At checkout', conditions: [url('starts_with', 'https://shop.example.com/checkout')] },
  { name: 'Not on checkout, from search', conditions: [url('not_contains', '/checkout'), ctx({ field: 'referrer', op: 'contains', value: 'google' })] },
  { name: 'iPhone Safari', conditions: [ctx({ field: 'os', op: 'in', value: ['iOS'] }), ctx({ field: 'browser', op: 'in', value: ['Safari'] })] },
  { name: 'Big cities', conditions: [ctx({ field: 'city', op: 'in', value: ['Berlin', 'Paris', 'London', 'New York', 'Madrid'] })] },
  { name: 'Cat people', op: 'or', conditions: [{ type: 'trait', trait: 'shopping_for', op: 'eq', value: 'cat' } as Condition, url('contains', '/products/cat-')] },
  { name: 'Dog people', conditions: [{ type: 'trait', trait: 'shopping_for', op: 'in', value: ['dog', 'puppy'] } as Condition] },
  { name: 'Loyal returning', conditions: [ctx({ field: 'session_count', op: 'gte', value: 5 })] },
  { name: 'Sale page by pattern', conditions: [url('matches', '/(sale|deals|outlet)(/|\\?|$)')] },
  { name: 'Search results', conditions: [param('q', 'exists'), url('contains', '/search')] },
  { name: 'Affiliate traffic', conditions: [param('utm_source', 'not_in', ['google', 'facebook', 'newsletter']), param('ref', 'exists')] },
  { name: 'Tablet browsers', conditions: [device('tablet')] },
  { name: 'Desktop from DACH', conditions: [device('desktop'), country('DE', 'AT', 'CH')] },
  { name: 'Mobile newcomers', conditions: [device('mobile'), ctx({ field: 'session_count', op: 'eq', value: 1 })] },
  { name: 'Mobile visitors', conditions: [device('mobile')] },
  { name: 'Desktop visitors', conditions: [device('desktop')] },
  { name: 'Returning visitors', conditions: [returning] },
  { name: 'New visitors', conditions: [ctx({ field: 'session_count', op: 'eq', value: 1 })] },
  { name: 'Everyone', conditions: [ctx({ field: 'session_count', op: 'gte', value: 1 })] },
];

export const LIVE_TRAIT_TYPES = { plan: 'string' } as const;

export function benchLiveAudiences(): LiveAudience[] {
  if (SPECS.length !== 50) throw new Error(`the live bench wants 50 audiences, has ${SPECS.length}`);
  const at = '2026-11-01T00:00:00.000Z';
  return SPECS.map((s, i) => ({
    id: `live-${i + 1}`,
    name: s.name,
    description: s.name,
    definition: defineAudience({
      version: 1,
      root: { type: 'group', op: s.op ?? 'and', conditions: s.conditions },
      exclude: (s.exclude ?? []).map((e) => ({ name: e.name, root: { type: 'group', op: 'and', conditions: e.conditions } })),
    }),
    duration: s.duration ?? { unit: 'session' },
    enabled: true,
    builtIn: i >= 45,
    createdAt: at,
    updatedAt: at,
  }));
}
