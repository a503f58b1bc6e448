/**
 * A fifth batch of held-out prompts: the lead's three misreadings (abandonment, an ellipsis of
 * the same event with its own window, averages of any numeric property) and 50 more across the
 * kinds, each written with its hand definition before running it.
 */
import type { AudienceDefinitionInput, Condition, PropertyFilter, Window } from '../../../src/definition/schema.js';
import type { HeldOutCase } from './held-out-cases.js';

const days = (amount: number): Window => ({ kind: 'last', amount, unit: 'days' });
const since = (from: string): Window => ({ kind: 'between', from, to: '2026-11-01T00:00:00.000Z' });
const all = (...conditions: Condition[]): AudienceDefinitionInput => ({ version: 1, root: { type: 'group', op: 'and', conditions } });
const any = (...conditions: Condition[]): Condition => ({ type: 'group', op: 'or', conditions });
const ev = (event: string, opts: { op?: 'eq' | 'gte' | 'gt' | 'lte' | 'lt'; n?: number; window?: Window; filters?: PropertyFilter[] } = {}): Condition => ({
  type: 'event', events: [event], filters: opts.filters ?? [], ...(opts.window ? { window: opts.window } : {}), count: { op: opts.op ?? 'gte', value: opts.n ?? 1 },
});
const agg = (event: string, fn: 'sum' | 'avg' | 'min' | 'max', property: string, op: 'eq' | 'gte' | 'gt' | 'lte' | 'lt', value: number, window?: Window): Condition => ({
  type: 'aggregate', events: [event], filters: [], ...(window ? { window } : {}), fn, property, op, value,
});
const trait = (name: string, op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', value: string | number | boolean): Condition => ({ type: 'trait', trait: name, op, value });
const isIn = (name: string, value: string[]): Condition => ({ type: 'trait', trait: name, op: 'in', value });
const tagged = (...value: string[]): Condition => ({ type: 'trait', trait: 'tags', op: 'contains_any', value });
const eq = (property: string, value: string): PropertyFilter => ({ property, op: 'eq', value });
const recency = (event: string, op: 'more_than' | 'within', amount: number): Condition => ({ type: 'recency', events: [event], filters: [], op, amount, unit: 'days' });
const OC = 'Order Completed';

export const HELD_OUT_BATCH5: HeldOutCase[] = [
  // Abandonment: started (or added) and did not buy in the same window.
  { prompt: 'Customers who abandoned checkout in the last 14 days.', expect: { definitions: [all(ev('Checkout Started', { window: days(14) }), ev(OC, { op: 'eq', n: 0, window: days(14) }))] } },
  { prompt: 'Shoppers who abandoned their cart in the past week', expect: { definitions: [all(ev('Product Added', { window: days(7) }), ev(OC, { op: 'eq', n: 0, window: days(7) }))] } },
  { prompt: 'Customers with an abandoned cart in the last 30 days', expect: { definitions: [all(ev('Product Added', { window: days(30) }), ev(OC, { op: 'eq', n: 0, window: days(30) }))] } },
  { prompt: 'Cart abandoners from Canada in the last 60 days', expect: { definitions: [all(ev('Product Added', { window: days(60) }), ev(OC, { op: 'eq', n: 0, window: days(60) }), trait('country', 'eq', 'CA'))] } },
  { prompt: 'Customers who abandoned a checkout over $100 in the last 30 days', expect: { definitions: [all(ev('Checkout Started', { window: days(30), filters: [{ property: 'cart_value', op: 'gt', value: 100 }] }), ev(OC, { op: 'eq', n: 0, window: days(30) }))] } },
  // The same event again, with its own window ("but not in the last N days").
  { prompt: 'Customers who purchased at least twice but not in the last 90 days.', expect: { definitions: [all(ev(OC, { n: 2 }), ev(OC, { op: 'eq', n: 0, window: days(90) }))] } },
  { prompt: 'Customers who bought something before but not recently', expect: { definitions: [all(ev(OC), ev(OC, { op: 'eq', n: 0, window: days(30) }))] } },
  { prompt: 'Customers who opened an email but not since September', expect: { definitions: [all(ev('Email Opened'), ev('Email Opened', { op: 'eq', n: 0, window: since('2026-09-01') }))] } },
  { prompt: 'Customers who placed more than 3 orders but none in the last 60 days', expect: { definitions: [all(ev(OC, { op: 'gt', n: 3 }), ev(OC, { op: 'eq', n: 0, window: days(60) }))] } },
  // Averages, extremes and totals of any numeric property.
  { prompt: 'Customers with an average rating below 3 on their reviews.', expect: { definitions: [all(agg('Review Submitted', 'avg', 'rating', 'lt', 3))] } },
  { prompt: 'Customers whose average review rating is at least 4.5', expect: { definitions: [all(agg('Review Submitted', 'avg', 'rating', 'gte', 4.5))] } },
  { prompt: 'Customers whose lowest rating is under 2 stars', expect: { definitions: [all(agg('Review Submitted', 'min', 'rating', 'lt', 2))] } },
  { prompt: 'Customers with total refunds over $200', expect: { definitions: [all(agg('Order Refunded', 'sum', 'amount', 'gt', 200))] } },
  { prompt: 'Customers whose average cart value at checkout is above $150', expect: { definitions: [all(agg('Checkout Started', 'avg', 'cart_value', 'gt', 150))] } },
  { prompt: 'Customers who spent at least $250 in the past 30 days', expect: { definitions: [all(agg(OC, 'sum', 'total', 'gte', 250, days(30)))] } },
  { prompt: 'Customers whose smallest order was below $20', expect: { definitions: [all(agg(OC, 'min', 'total', 'lt', 20))] } },
  { prompt: 'Customers with an average of more than 3 items per order', expect: { definitions: [all(agg(OC, 'avg', 'item_count', 'gt', 3))] } },
  // Windows.
  { prompt: 'Customers who purchased in the past year', expect: { definitions: [all(ev(OC, { window: days(365) }))] } },
  { prompt: 'Customers who clicked an email last quarter', expect: { definitions: [all(ev('Email Link Clicked', { window: days(90) }))] } },
  { prompt: 'Customers who added something to their cart this month', expect: { definitions: [all(ev('Product Added', { window: days(30) }))] } },
  { prompt: 'Customers who placed an order since July 1, 2026', expect: { definitions: [all(ev(OC, { window: since('2026-07-01') }))] } },
  { prompt: 'Customers who have not purchased since 2026-09-15', expect: { definitions: [all(ev(OC, { op: 'eq', n: 0, window: since('2026-09-15') }))] } },
  { prompt: 'Customers who viewed a product in the past 6 weeks', expect: { definitions: [all(ev('Product Viewed', { window: days(42) }))] } },
  { prompt: 'Customers who signed up in the last 3 months', expect: { definitions: [all(ev('Signed Up', { window: days(90) })), all({ type: 'trait', trait: 'created_at', op: 'in_last', amount: 90, unit: 'days' })] } },
  // Spelled-out numbers.
  { prompt: 'Customers who placed three orders or more', expect: { definitions: [all(ev(OC, { n: 3 }))] } },
  { prompt: 'Customers who opened a dozen emails or more in the past year', expect: { definitions: [all(ev('Email Opened', { n: 12, window: days(365) }))] } },
  { prompt: 'Customers who opened half a dozen emails or more in the past 90 days', expect: { definitions: [all(ev('Email Opened', { n: 6, window: days(90) }))] } },
  { prompt: 'Customers with more than five orders in the last year', expect: { definitions: [all(ev(OC, { op: 'gt', n: 5, window: days(365) }))] } },
  { prompt: 'Customers who bought twice in the last 60 days', expect: { definitions: [all(ev(OC, { op: 'eq', n: 2, window: days(60) })), all(ev(OC, { n: 2, window: days(60) }))] } },
  // Recency.
  { prompt: 'Customers whose last visit was more than 60 days ago', expect: { definitions: [all(recency('Session Started', 'more_than', 60))] } },
  { prompt: 'Customers who last opened an email over 3 months ago', expect: { definitions: [all(recency('Email Opened', 'more_than', 90))] } },
  // Values, negation.
  { prompt: 'German-speaking customers in Munich or Berlin', expect: { definitions: [all(trait('language', 'eq', 'de'), isIn('city', ['Munich', 'Berlin']))] } },
  // "shop" is also buying: both readings are fair.
  { prompt: 'Silver tier members from Brazil who shop on the web', expect: { definitions: [all(trait('membership_tier', 'eq', 'silver'), trait('country', 'eq', 'BR'), trait('platform', 'eq', 'Web')), all(trait('membership_tier', 'eq', 'silver'), trait('country', 'eq', 'BR'), trait('platform', 'eq', 'Web'), ev(OC))] } },
  { prompt: 'Customers in Bangkok who are subscribed to SMS', expect: { definitions: [all(trait('city', 'eq', 'Bangkok'), trait('sms_subscribed', 'eq', true))] } },
  { prompt: 'Dog lovers who have push notifications turned off', expect: { definitions: [all(tagged('Dog Lover'), trait('push_enabled', 'eq', false))] } },
  { prompt: 'Customers who are not from the US and have never left a review', expect: { definitions: [all(trait('country', 'neq', 'US'), ev('Review Submitted', { op: 'eq', n: 0 }))] } },
  { prompt: 'Customers without an email address', expect: { definitions: [all({ type: 'trait', trait: 'email', op: 'not_exists' })] } },
  { prompt: 'Japanese speakers who are gold members', expect: { definitions: [all(trait('language', 'eq', 'ja'), trait('membership_tier', 'eq', 'gold'))] } },
  { prompt: 'Customers tagged Beauty Insider who bought Beauty in the last 60 days', expect: { definitions: [all(tagged('Beauty Insider'), ev(OC, { window: days(60), filters: [eq('category', 'Beauty')] }))] } },
  { prompt: "Users who didn't open any push notifications in the past 3 weeks", expect: { definitions: [all(ev('Push Notification Opened', { op: 'eq', n: 0, window: days(21) }))] } },
  // Lists, OR.
  { prompt: "Beta Testers who haven't purchased in the past 30 days", expect: { definitions: [all({ type: 'list', list: 'Beta Testers', op: 'in' }, ev(OC, { op: 'eq', n: 0, window: days(30) }))] } },
  { prompt: 'Customers on the Spring Sale Attendees list or tagged Bargain Hunter', expect: { definitions: [all(any({ type: 'list', list: 'Spring Sale Attendees', op: 'in' }, tagged('Bargain Hunter')))] } },
  { prompt: 'Customers who either opened a push notification or clicked an SMS link in the last 30 days', expect: { definitions: [all(any(ev('Push Notification Opened', { window: days(30) }), ev('SMS Link Clicked', { window: days(30) })))] } },
  { prompt: 'Platinum members or customers who spent more than $1,500', expect: { definitions: [all(any(trait('membership_tier', 'eq', 'platinum'), agg(OC, 'sum', 'total', 'gt', 1500)))] } },
  { prompt: 'Customers from Canada who viewed Toys or added Toys to their cart in the last 30 days', expect: { definitions: [all(trait('country', 'eq', 'CA'), any(ev('Product Viewed', { window: days(30), filters: [eq('category', 'Toys')] }), ev('Product Added', { window: days(30), filters: [eq('category', 'Toys')] })))] } },
  { prompt: 'Gold or platinum members in Japan or Taiwan who purchased in the last 60 days', expect: { definitions: [all(isIn('membership_tier', ['gold', 'platinum']), isIn('country', ['JP', 'TW']), ev(OC, { window: days(60) }))] } },
  // Vague, unknown, lookback.
  { prompt: 'Lapsed customers in Australia', expect: { status: 'clarify' } },
  { prompt: 'Customers who are likely to buy soon', expect: { status: 'clarify' } },
  { prompt: 'Customers who added items to their wishlist last month', expect: { status: 'error', codes: ['out_of_scope', 'unknown_reference'] } },
  { prompt: 'Customers who called customer support in the last 90 days', expect: { status: 'error', codes: ['out_of_scope', 'unknown_reference'] } },
  { prompt: "Customers who haven't purchased in the last 400 days", expect: { status: 'error', codes: ['lookback_exceeded'] } },
  { prompt: 'Customers who bought something in the past three years', expect: { status: 'error', codes: ['lookback_exceeded'] } },
  { prompt: 'Customers whose last purchase was more than 2 years ago', expect: { status: 'error', codes: ['lookback_exceeded'] } },
];
