/**
 * The definition the product's conventions call for, for every "ok" case of the dev set
 * (/work/shared/eval/dev.jsonl). Written by hand from the prompt and the conventions, never
 * from the expected members.
 */
import type { AudienceDefinition } from '../../../src/definition/schema.js';
import { anyOf, audience, did, lastDays, trait } from './define.js';

const ORDER = 'Order Completed';
const INTERACTIONS = ['Session Started', 'Email Opened', 'Email Link Clicked', 'Push Notification Opened', 'SMS Link Clicked'];
const active = did('Session Started', 'gte', 1, { window: lastDays(30) });
const noOrderIn = (days: number) => did(ORDER, 'eq', 0, { window: lastDays(days) });
const totalSpent = (op: 'gt', value: number, days?: number) => ({
  type: 'aggregate' as const,
  events: [ORDER],
  filters: [],
  ...(days ? { window: lastDays(days) } : {}),
  fn: 'sum' as const,
  property: 'total',
  op,
  value,
});

export const DEV_DEFINITIONS: Record<string, AudienceDefinition> = {
  d01: audience([noOrderIn(30)]),
  d02: audience([did('Email Opened', 'gte', 1, { window: lastDays(30) })]),
  d03: audience([did(ORDER, 'gte', 1, { filters: [{ property: 'total', op: 'gt', value: 50 }] })]),
  d04: audience([trait({ trait: 'phone', op: 'not_exists' })]),
  d05: audience([did('Email Delivered', 'eq', 0, { window: lastDays(180) })]),
  d06: audience([active, trait({ trait: 'platform', op: 'eq', value: 'iOS' }), noOrderIn(30)]),
  d07: audience([did('Product Viewed', 'gte', 1, { window: lastDays(7) }), noOrderIn(7)]),
  d08: audience([did('Coupon Claimed', 'gte', 1), did('Coupon Redeemed', 'eq', 0)]),
  d09: audience([totalSpent('gt', 1000), did(ORDER, 'gt', 8)]),
  d10: audience([did('Email Link Clicked', 'gte', 1, { window: lastDays(30), filters: [{ property: 'campaign_type', op: 'eq', value: 'promotion' }] })]),
  d11: audience([
    trait({ trait: 'tags', op: 'contains_any', value: ['Cat Lover', 'Pet Supplies Buyer'] }),
    did('Product Added', 'gte', 1, { window: lastDays(180) }),
  ]),
  d12: audience([did('Product Added', 'gte', 1, { window: lastDays(30) }), noOrderIn(30)]),
  d13: audience([trait({ trait: 'membership_tier', op: 'in', value: ['gold', 'platinum'] }), trait({ trait: 'country', op: 'eq', value: 'DE' })]),
  d14: audience([trait({ trait: 'notes', op: 'contains', value: 'vip' })]),
  d15: audience([did(INTERACTIONS, 'eq', 0, { window: lastDays(90) })]),
  d16: audience([did(ORDER, 'gte', 3, { window: lastDays(90) })]),
  d17: audience([
    trait({ trait: 'gender', op: 'eq', value: 'female' }),
    trait({ trait: 'age', op: 'gt', value: 40 }),
    did(ORDER, 'gte', 1, { window: lastDays(180), filters: [{ property: 'category', op: 'eq', value: 'Beauty' }] }),
  ]),
  d18: audience([{ type: 'list', list: 'Spring Sale Attendees', op: 'in' }, noOrderIn(60)]),
  d19: audience([
    { type: 'list', list: 'Blocklist', op: 'not_in' },
    trait({ trait: 'email_subscribed', op: 'eq', value: true }),
    did('Email Opened', 'gte', 1, { window: lastDays(30) }),
  ]),
  d20: audience([{ type: 'aggregate', events: [ORDER], filters: [], fn: 'avg', property: 'total', op: 'gt', value: 100 }]),
  d21: audience([totalSpent('gt', 500, 90)]),
  d22: audience([did('Signed Up', 'gte', 1, { window: lastDays(30) }), did(ORDER, 'eq', 0)]),
  d23: audience([did('Order Refunded', 'gte', 1, { window: lastDays(90) })]),
  d24: audience([
    trait({ trait: 'platform', op: 'eq', value: 'Android' }),
    trait({ trait: 'country', op: 'in', value: ['JP', 'TW'] }),
    trait({ trait: 'push_enabled', op: 'eq', value: true }),
  ]),
  d25: audience([{ type: 'recency', events: [ORDER], filters: [], op: 'more_than', amount: 6, unit: 'months' }]),
  d26: audience([trait({ trait: 'predicted_purchase_probability', op: 'gt', value: 0.5 }), noOrderIn(30)]),
  d27: audience([
    did('Product Viewed', 'gte', 5, { window: lastDays(60), filters: [{ property: 'category', op: 'eq', value: 'Electronics' }] }),
    did(ORDER, 'eq', 0, { filters: [{ property: 'category', op: 'eq', value: 'Electronics' }] }),
  ]),
  d28: audience([did('Review Submitted', 'gte', 1, { filters: [{ property: 'rating', op: 'lte', value: 2 }] })]),
  d29: audience([did('Push Notification Opened', 'gte', 1, { window: lastDays(30) }), did('Email Opened', 'eq', 0, { window: lastDays(30) })]),
  d30: audience([trait({ trait: 'age', op: 'between', value: [25, 34] }), trait({ trait: 'city', op: 'eq', value: 'London' })]),
  d31: audience([did('Coupon Redeemed', 'gte', 1, { filters: [{ property: 'coupon_code', op: 'eq', value: 'WELCOME10' }] })]),
  d32: audience([did('Session Started', 'gte', 1, { window: lastDays(30), filters: [{ property: 'utm_source', op: 'eq', value: 'instagram' }] })]),
  d33: audience([anyOf(trait({ trait: 'membership_tier', op: 'eq', value: 'gold' }), totalSpent('gt', 2000))]),
  d34: audience([did(['Email Opened', 'Push Notification Opened'], 'gte', 1, { window: lastDays(14) }), noOrderIn(60)]),
  d35: audience([
    trait({ trait: 'country', op: 'in', value: ['US', 'CA'] }),
    anyOf(
      trait({ trait: 'tags', op: 'contains', value: 'Tech Enthusiast' }),
      did(ORDER, 'gte', 1, { window: lastDays(90), filters: [{ property: 'category', op: 'eq', value: 'Electronics' }] }),
    ),
  ]),
};
