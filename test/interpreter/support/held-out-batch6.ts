/**
 * A sixth batch: variations found misread while probing after the fifth (ellipses with another
 * verb or value, spans "N to M days ago", measures named before or after their word, loose
 * suffixes, negated abandonment), each with its hand definition.
 */
import type { AudienceDefinitionInput, Condition, PropertyFilter, Window } from '../../../src/definition/schema.js';
import type { HeldOutCase } from './held-out-cases.js';

const days = (amount: number): Window => ({ kind: 'last', amount, unit: 'days' });
const span = (from: string, to = '2026-11-01T00:00:00.000Z'): Window => ({ kind: 'between', from, to });
const all = (...conditions: Condition[]): AudienceDefinitionInput => ({ version: 1, root: { type: 'group', op: 'and', conditions } });
const any = (...conditions: Condition[]): Condition => ({ type: 'group', op: 'or', conditions });
const ev = (event: string, opts: { op?: 'eq' | 'gte' | 'gt' | 'lte' | 'lt'; n?: number; window?: Window; filters?: PropertyFilter[] } = {}): Condition => ({
  type: 'event', events: [event], filters: opts.filters ?? [], ...(opts.window ? { window: opts.window } : {}), count: { op: opts.op ?? 'gte', value: opts.n ?? 1 },
});
const agg = (event: string, fn: 'sum' | 'avg' | 'min' | 'max', property: string, op: 'gte' | 'gt' | 'lt', value: number): Condition => ({
  type: 'aggregate', events: [event], filters: [], fn, property, op, value,
});
const trait = (name: string, op: 'eq' | 'neq', value: string | boolean): Condition => ({ type: 'trait', trait: name, op, value });
const category = (value: string | string[]): PropertyFilter => (Array.isArray(value) ? { property: 'category', op: 'in', value } : { property: 'category', op: 'eq', value });
const OC = 'Order Completed';

export const HELD_OUT_BATCH6: HeldOutCase[] = [
  { prompt: 'Customers who purchased between 30 and 60 days ago', expect: { definitions: [all(ev(OC, { window: span('2026-09-02T00:00:00.000Z', '2026-10-02T00:00:00.000Z') }))] } },
  { prompt: 'Customers who last visited 2 to 3 months ago', expect: { definitions: [all(ev('Session Started', { window: span('2026-08-03T00:00:00.000Z', '2026-09-02T00:00:00.000Z') }), ev('Session Started', { op: 'eq', n: 0, window: span('2026-09-02T00:00:00.000Z') }))] } },
  { prompt: 'Customers who bought Beauty or Apparel but not Electronics', expect: { definitions: [all(ev(OC, { filters: [category(['Beauty', 'Apparel'])] }), ev(OC, { op: 'eq', n: 0, filters: [category('Electronics')] }))] } },
  { prompt: 'Customers who bought Beauty in the last 30 days but not Electronics', expect: { definitions: [all(ev(OC, { window: days(30), filters: [category('Beauty')] }), ev(OC, { op: 'eq', n: 0, window: days(30), filters: [category('Electronics')] }))] } },
  { prompt: "Customers who bought something at least 3 times but haven't ordered in the past 60 days", expect: { definitions: [all(ev(OC, { n: 3 }), ev(OC, { op: 'eq', n: 0, window: days(60) }))] } },
  { prompt: 'Customers who ordered at least 5 times, though not within the last 3 months', expect: { definitions: [all(ev(OC, { n: 5 }), ev(OC, { op: 'eq', n: 0, window: days(90) }))] } },
  { prompt: "Customers who bought Electronics but haven't bought anything since September", expect: { definitions: [all(ev(OC, { filters: [category('Electronics')] }), ev(OC, { op: 'eq', n: 0, window: span('2026-09-01') }))] } },
  { prompt: 'Customers who purchased at least twice in the last year but not in the last 90 days', expect: { definitions: [all(ev(OC, { n: 2, window: days(365) }), ev(OC, { op: 'eq', n: 0, window: days(90) }))] } },
  { prompt: 'Customers who only bought once and that was over 6 months ago', expect: { definitions: [all(ev(OC, { op: 'eq', n: 1 }), { type: 'recency', events: [OC], filters: [], op: 'more_than', amount: 180, unit: 'days' })] } },
  { prompt: 'Customers who used to buy often but not anymore', expect: { status: 'clarify' } },
  { prompt: 'Customers with a sum of order totals over $2,000', expect: { definitions: [all(agg(OC, 'sum', 'total', 'gt', 2000))] } },
  { prompt: 'Customers whose minimum order value is at least $50', expect: { definitions: [all(agg(OC, 'min', 'total', 'gte', 50))] } },
  { prompt: 'Customers whose ratings average less than 3', expect: { definitions: [all(agg('Review Submitted', 'avg', 'rating', 'lt', 3))] } },
  { prompt: 'Customers whose total refunded amount exceeds $100', expect: { definitions: [all(agg('Order Refunded', 'sum', 'amount', 'gt', 100))] } },
  { prompt: 'Customers whose maximum cart value was over $500', expect: { definitions: [all(agg('Checkout Started', 'max', 'cart_value', 'gt', 500))] } },
  { prompt: 'Customers who bought more than a dozen times', expect: { definitions: [all(ev(OC, { op: 'gt', n: 12 }))] } },
  { prompt: 'Customers who placed four or more orders in the last six months', expect: { definitions: [all(ev(OC, { n: 4, window: days(180) }))] } },
  { prompt: "Customers who haven't abandoned a cart", expect: { definitions: [all(any(ev('Product Added', { op: 'eq', n: 0 }), ev(OC)))] } },
  { prompt: 'Customers who started checkout but didn\'t complete it in the last 7 days', expect: { definitions: [all(ev('Checkout Started', { window: days(7) }), ev(OC, { op: 'eq', n: 0, window: days(7) }))] } },
  { prompt: 'Customers who abandoned browsing in the last 7 days', expect: { definitions: [all(ev('Product Viewed', { window: days(7) }), ev('Product Added', { op: 'eq', n: 0, window: days(7) }))] } },
  { prompt: 'Customers who are Android users with SMS turned on', expect: { definitions: [all(trait('platform', 'eq', 'Android'), trait('sms_subscribed', 'eq', true))] } },
  { prompt: 'Customers that bought Home items worth over $100 in one order', expect: { definitions: [all(ev(OC, { filters: [category('Home'), { property: 'total', op: 'gt', value: 100 }] }))] } },
  { prompt: 'Customers who signed up via Google in the last 90 days', expect: { definitions: [all(ev('Signed Up', { window: days(90), filters: [{ property: 'method', op: 'eq', value: 'google' }] }))] } },
  { prompt: 'Customers who claimed a coupon from the Back to School campaign but never redeemed it', expect: { definitions: [all(ev('Coupon Claimed', { filters: [{ property: 'campaign_name', op: 'eq', value: 'Back to School' }] }), ev('Coupon Redeemed', { op: 'eq', n: 0 }))] } },
  { prompt: 'Customers who made a purchase more than 400 days ago', expect: { status: 'error', codes: ['lookback_exceeded'] } },
  // Found in a later round of probing.
  { prompt: "Customers who haven't opened an email since they signed up", expect: { definitions: [all(ev('Email Opened', { op: 'eq', n: 0 }))] } },
  { prompt: 'Customers whose typical order is under $30', expect: { definitions: [all(agg(OC, 'avg', 'total', 'lt', 30))] } },
  { prompt: "Customers who haven't logged in for more than 45 days", expect: { definitions: [all(ev('Session Started', { op: 'eq', n: 0, window: days(45) }))] } },
  { prompt: "Customers who haven't purchased in over 4 months", expect: { definitions: [all(ev(OC, { op: 'eq', n: 0, window: days(120) }))] } },
  { prompt: 'Customers whose email is missing', expect: { definitions: [all({ type: 'trait', trait: 'email', op: 'not_exists' })] } },
  { prompt: 'Customers who were born in the 1990s', expect: { definitions: [all({ type: 'trait', trait: 'birthday', op: 'between', value: ['1990-01-01', '1999-12-31'] })] } },
  { prompt: 'Customers born in 1985', expect: { definitions: [all({ type: 'trait', trait: 'birthday', op: 'between', value: ['1985-01-01', '1985-12-31'] })] } },
  { prompt: 'Customers who liked our Instagram post', expect: { status: 'error', codes: ['unknown_reference', 'out_of_scope'] } },
  {
    prompt: 'Customers who abandoned a cart with Beauty products this month',
    expect: { definitions: [all(ev('Product Added', { window: days(30), filters: [category('Beauty')] }), ev(OC, { op: 'eq', n: 0, window: days(30) })), all(ev('Product Added', { window: days(30), filters: [category('Beauty')] }), ev(OC, { op: 'eq', n: 0, window: days(30), filters: [category('Beauty')] }))] },
  },
  { prompt: 'Customers whose gender is unknown', expect: { definitions: [all({ type: 'trait', trait: 'gender', op: 'not_exists' })] } },
  { prompt: 'Customers with LINE who live in Bangkok or Chiang Mai', expect: { definitions: [all(trait('line_subscribed', 'eq', true), { type: 'trait', trait: 'city', op: 'in', value: ['Bangkok', 'Chiang Mai'] })] } },
  { prompt: "Customers who haven't been tagged at all", expect: { definitions: [all({ type: 'trait', trait: 'tags', op: 'not_exists' })] } },
  { prompt: 'Customers who bought Apparel, Home or Toys in the last 45 days', expect: { definitions: [all(ev(OC, { window: days(45), filters: [category(['Apparel', 'Home', 'Toys'])] }))] } },
  { prompt: 'Customers who ordered with a coupon in the past 60 days', expect: { definitions: [all(ev(OC, { window: days(60), filters: [{ property: 'coupon', op: 'exists' }] })), all(ev('Coupon Redeemed', { window: days(60) }))] } },
  { prompt: 'Customers who signed up with email but never opened one', expect: { definitions: [all(ev('Signed Up', { filters: [{ property: 'method', op: 'eq', value: 'email' }] }), ev('Email Opened', { op: 'eq', n: 0 }))] } },
  { prompt: 'Customers with orders above $75 but less than $150', expect: { definitions: [all(ev(OC, { filters: [{ property: 'total', op: 'gt', value: 75 }, { property: 'total', op: 'lt', value: 150 }] }))] } },
  { prompt: 'Customers who spent more than $100 on a single order in the last 30 days', expect: { definitions: [all(ev(OC, { window: days(30), filters: [{ property: 'total', op: 'gt', value: 100 }] }))] } },
  { prompt: 'Customers with total spend over $500 and a total of more than 5 orders', expect: { definitions: [all(agg(OC, 'sum', 'total', 'gt', 500), ev(OC, { op: 'gt', n: 5 }))] } },
  { prompt: 'Customers who purchased after August 1, 2026', expect: { definitions: [all(ev(OC, { window: span('2026-08-01T00:00:00.000Z') })), all(ev(OC, { window: span('2026-08-02T00:00:00.000Z') }))] } },
  { prompt: 'Customers whose highest spending order was above $250', expect: { definitions: [all(agg(OC, 'max', 'total', 'gt', 250))] } },
  { prompt: 'Customers who reviewed products with an average score below 2', expect: { definitions: [all(agg('Review Submitted', 'avg', 'rating', 'lt', 2))] } },
];
