/** A fourth batch of held-out prompts, written before running them (first-sight score in the report). */
import type { AudienceDefinitionInput, Condition, PropertyFilter, Window } from '../../../src/definition/schema.js';
import type { HeldOutCase } from './held-out-cases.js';

const days = (amount: number): Window => ({ kind: 'last', amount, unit: 'days' });
const all = (...conditions: Condition[]): AudienceDefinitionInput => ({ version: 1, root: { type: 'group', op: 'and', conditions } });
const ev = (event: string, opts: { op?: 'eq' | 'gte' | 'gt' | 'lte' | 'lt'; n?: number; window?: Window; filters?: PropertyFilter[] } = {}): Condition => ({
  type: 'event', events: [event], filters: opts.filters ?? [], ...(opts.window ? { window: opts.window } : {}), count: { op: opts.op ?? 'gte', value: opts.n ?? 1 },
});
const trait = (name: string, op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', value: string | number | boolean): Condition => ({ type: 'trait', trait: name, op, value });
const OC = 'Order Completed';

export const HELD_OUT_BATCH4: HeldOutCase[] = [
  { prompt: 'Show me shoppers that did not open any emails during the last two weeks', expect: { definitions: [all(ev('Email Opened', { op: 'eq', n: 0, window: days(14) }))] } },
  { prompt: 'Members who bought at least 2 Home items in the past 90 days', expect: { definitions: [all(ev(OC, { n: 2, window: days(90), filters: [{ property: 'category', op: 'eq', value: 'Home' }] }))] } },
  { prompt: 'Customers who made a purchase over $150 in the last 2 months', expect: { definitions: [all(ev(OC, { window: days(60), filters: [{ property: 'total', op: 'gt', value: 150 }] }))] } },
  { prompt: 'Customers with an AOV below $30', expect: { definitions: [all({ type: 'aggregate', events: [OC], filters: [], fn: 'avg', property: 'total', op: 'lt', value: 30 })] } },
  { prompt: 'Customers whose membership tier is platinum and who live in the US', expect: { definitions: [all(trait('membership_tier', 'eq', 'platinum'), trait('country', 'eq', 'US'))] } },
  { prompt: 'Customers that have been refunded more than once', expect: { definitions: [all(ev('Order Refunded', { op: 'gt', n: 1 }))] } },
  { prompt: 'Customers without any reviews', expect: { definitions: [all(ev('Review Submitted', { op: 'eq', n: 0 }))] } },
  { prompt: 'Customers who never claimed a coupon', expect: { definitions: [all(ev('Coupon Claimed', { op: 'eq', n: 0 }))] } },
  { prompt: 'Customers who redeemed FREESHIP or SPRING20', expect: { definitions: [all(ev('Coupon Redeemed', { filters: [{ property: 'coupon_code', op: 'in', value: ['FREESHIP', 'SPRING20'] }] }))] } },
  { prompt: 'Customers aged 18 to 25 who use Android and have push enabled', expect: { definitions: [all({ type: 'trait', trait: 'age', op: 'between', value: [18, 25] }, trait('platform', 'eq', 'Android'), trait('push_enabled', 'eq', true))] } },
  { prompt: "People in Paris or Lyon who haven't visited the app in 45 days", expect: { definitions: [all({ type: 'trait', trait: 'city', op: 'in', value: ['Paris', 'Lyon'] }, ev('Session Started', { op: 'eq', n: 0, window: days(45) }))] } },
  { prompt: 'Customers tagged both Dog Lover and Cat Lover', expect: { definitions: [all({ type: 'trait', trait: 'tags', op: 'contains_all', value: ['Dog Lover', 'Cat Lover'] })] } },
  { prompt: 'Customers tagged Parent but not Newsletter', expect: { definitions: [all({ type: 'trait', trait: 'tags', op: 'contains_any', value: ['Parent'] }, { type: 'trait', trait: 'tags', op: 'contains_none', value: ['Newsletter'] })] } },
  { prompt: 'Customers who received an SMS but never clicked one', expect: { definitions: [all(ev('SMS Delivered'), ev('SMS Link Clicked', { op: 'eq', n: 0 }))] } },
  { prompt: 'Customers who viewed a product in the last 3 days', expect: { definitions: [all(ev('Product Viewed', { window: days(3) }))] } },
  { prompt: 'Customers who added Electronics to the cart in the last 60 days', expect: { definitions: [all(ev('Product Added', { window: days(60), filters: [{ property: 'category', op: 'eq', value: 'Electronics' }] }))] } },
  { prompt: 'Customers who are on the Blocklist right now', expect: { definitions: [all({ type: 'list', list: 'Blocklist', op: 'in' })] } },
  { prompt: 'Customers who signed up via email in the last 6 months', expect: { definitions: [all(ev('Signed Up', { window: days(180), filters: [{ property: 'method', op: 'eq', value: 'email' }] }))] } },
  { prompt: 'Customers whose referrer is google.com', expect: { definitions: [all(ev('Session Started', { filters: [{ property: 'referrer', op: 'eq', value: 'google.com' }] }))] } },
  { prompt: 'Customers with a purchase probability over 60%', expect: { definitions: [all(trait('predicted_purchase_probability', 'gt', 0.6))] } },
  { prompt: '過去90天內消費超過500美元的顧客', expect: { definitions: [all({ type: 'aggregate', events: [OC], filters: [], window: days(90), fn: 'sum', property: 'total', op: 'gt', value: 500 })] } },
  { prompt: '沒有手機號碼的台灣顧客', expect: { definitions: [all({ type: 'trait', trait: 'phone', op: 'not_exists' }, trait('country', 'eq', 'TW'))] } },
  { prompt: '過去60日間に3回以上購入した顧客', expect: { definitions: [all(ev(OC, { n: 3, window: days(60) }))] } },
  { prompt: 'メールを購読している30歳未満の女性', expect: { definitions: [all(trait('email_subscribed', 'eq', true), trait('age', 'lt', 30), trait('gender', 'eq', 'female'))] } },
  { prompt: 'ลูกค้าในไต้หวันที่ไม่เคยซื้อสินค้า', expect: { definitions: [all(trait('country', 'eq', 'TW'), ev(OC, { op: 'eq', n: 0 }))] } },
  { prompt: 'ลูกค้าที่ซื้อสินค้ามากกว่า 3 ครั้งใน 90 วันที่ผ่านมา', expect: { definitions: [all(ev(OC, { op: 'gt', n: 3, window: days(90) }))] } },
  { prompt: 'Customers who downloaded our ebook last month', expect: { status: 'error', codes: ['unknown_reference', 'out_of_scope'] } },
  { prompt: 'Our best customers for the holiday campaign', expect: { status: 'clarify' } },
];
