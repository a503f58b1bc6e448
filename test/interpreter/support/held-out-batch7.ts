/**
 * A seventh batch, written blind after the fixes of batches five and six (first-sight score in
 * the report): the same kinds in wordings not probed before.
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
const agg = (event: string, fn: 'sum' | 'avg' | 'min' | 'max', property: string, op: 'gte' | 'gt' | 'lt' | 'lte', value: number, window?: Window): Condition => ({
  type: 'aggregate', events: [event], filters: [], ...(window ? { window } : {}), fn, property, op, value,
});
const trait = (name: string, op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt', value: string | number | boolean): Condition => ({ type: 'trait', trait: name, op, value });
const eq = (property: string, value: string): PropertyFilter => ({ property, op: 'eq', value });
const OC = 'Order Completed';

export const HELD_OUT_BATCH7: HeldOutCase[] = [
  { prompt: 'Customers who abandoned their shopping cart in the past 3 days', expect: { definitions: [all(ev('Product Added', { window: days(3) }), ev(OC, { op: 'eq', n: 0, window: days(3) }))] } },
  { prompt: 'Platinum members who abandoned checkout in the past month', expect: { definitions: [all(trait('membership_tier', 'eq', 'platinum'), ev('Checkout Started', { window: days(30) }), ev(OC, { op: 'eq', n: 0, window: days(30) }))] } },
  { prompt: 'Customers who bought at least four times but not in the past 120 days', expect: { definitions: [all(ev(OC, { n: 4 }), ev(OC, { op: 'eq', n: 0, window: days(120) }))] } },
  { prompt: 'Customers who clicked an email before, but not in the past 60 days', expect: { definitions: [all(ev('Email Link Clicked'), ev('Email Link Clicked', { op: 'eq', n: 0, window: days(60) }))] } },
  { prompt: 'Customers who added to cart in the last 14 days but did not buy in the last 14 days', expect: { definitions: [all(ev('Product Added', { window: days(14) }), ev(OC, { op: 'eq', n: 0, window: days(14) }))] } },
  { prompt: 'Customers whose average rating across reviews is 2 or less', expect: { definitions: [all(agg('Review Submitted', 'avg', 'rating', 'lte', 2))] } },
  { prompt: 'Customers whose total refund amount is over $250', expect: { definitions: [all(agg('Order Refunded', 'sum', 'amount', 'gt', 250))] } },
  { prompt: 'Customers with an average checkout value under $60', expect: { definitions: [all(agg('Checkout Started', 'avg', 'cart_value', 'lt', 60))] } },
  { prompt: 'Customers whose average order value in the past year is at least $90', expect: { definitions: [all(agg(OC, 'avg', 'total', 'gte', 90, days(365)))] } },
  { prompt: 'Customers who spent under $30 in total last quarter', expect: { definitions: [all(agg(OC, 'sum', 'total', 'lt', 30, days(90)))] } },
  { prompt: 'Customers who purchased five or more times in the past year', expect: { definitions: [all(ev(OC, { n: 5, window: days(365) }))] } },
  { prompt: 'Customers who opened at least two push notifications this month', expect: { definitions: [all(ev('Push Notification Opened', { n: 2, window: days(30) }))] } },
  { prompt: 'Customers who have made no purchases since August 1', expect: { definitions: [all(ev(OC, { op: 'eq', n: 0, window: span('2026-08-01') }))] } },
  { prompt: 'Customers who visited the site in the past 2 weeks but not in the past 3 days', expect: { definitions: [all(ev('Session Started', { window: days(14) }), ev('Session Started', { op: 'eq', n: 0, window: days(3) }))] } },
  { prompt: 'Customers whose last order was more than 3 months ago and who are gold members', expect: { definitions: [all({ type: 'recency', events: [OC], filters: [], op: 'more_than', amount: 90, unit: 'days' }, trait('membership_tier', 'eq', 'gold'))] } },
  { prompt: 'Spanish or Portuguese speakers who are subscribed to email', expect: { definitions: [all({ type: 'trait', trait: 'language', op: 'in', value: ['pt'] }, trait('email_subscribed', 'eq', true)), all(trait('language', 'eq', 'pt'), trait('email_subscribed', 'eq', true))] } },
  { prompt: 'Men under 30 in Toronto or Vancouver', expect: { definitions: [all(trait('gender', 'eq', 'male'), trait('age', 'lt', 30), { type: 'trait', trait: 'city', op: 'in', value: ['Toronto', 'Vancouver'] })] } },
  { prompt: 'Customers tagged Pet Supplies Buyer but not Dog Lover', expect: { definitions: [all({ type: 'trait', trait: 'tags', op: 'contains_any', value: ['Pet Supplies Buyer'] }, { type: 'trait', trait: 'tags', op: 'contains_none', value: ['Dog Lover'] })] } },
  { prompt: 'Customers not on the Blocklist who bought Beauty or Apparel in the last 30 days', expect: { definitions: [all({ type: 'list', list: 'Blocklist', op: 'not_in' }, ev(OC, { window: days(30), filters: [{ property: 'category', op: 'in', value: ['Beauty', 'Apparel'] }] }))] } },
  { prompt: 'Customers who are Beta Testers or have push enabled', expect: { definitions: [all(any({ type: 'list', list: 'Beta Testers', op: 'in' }, trait('push_enabled', 'eq', true)))] } },
  { prompt: 'Customers who redeemed VIP15 or bought more than $300 worth in the last 90 days', expect: { definitions: [all(any(ev('Coupon Redeemed', { filters: [eq('coupon_code', 'VIP15')], window: days(90) }), agg(OC, 'sum', 'total', 'gt', 300, days(90))))] } },
  { prompt: 'Customers with a predicted purchase probability under 10%', expect: { definitions: [all(trait('predicted_purchase_probability', 'lt', 0.1))] } },
  { prompt: 'Customers with no phone number who are not subscribed to SMS', expect: { definitions: [all({ type: 'trait', trait: 'phone', op: 'not_exists' }, trait('sms_subscribed', 'neq', true))] } },
  { prompt: 'Customers who received the Summer Clearance push but never opened it', expect: { definitions: [all(ev('Push Notification Received', { filters: [eq('campaign_name', 'Summer Clearance')] }), ev('Push Notification Opened', { op: 'eq', n: 0, filters: [eq('campaign_name', 'Summer Clearance')] }))] } },
  { prompt: 'Churn-risk customers in Japan', expect: { status: 'clarify' } },
  { prompt: 'Customers who booked a hotel room in the last month', expect: { status: 'error', codes: ['unknown_reference', 'out_of_scope'] } },
  { prompt: 'Customers who bought something in the last 24 months', expect: { status: 'error', codes: ['lookback_exceeded'] } },
];
