/**
 * A workspace small enough to know every answer by hand, with the awkward cases in it: a
 * profile whose only event is older than the plan's history, one known only from its events, empty and missing traits, an order
 * without a total, unicode, a date trait and a datetime trait. Now is 2026-11-01T00:00:00Z.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TINY_NOW = new Date('2026-11-01T00:00:00Z');

const workspace = {
  name: 'Tiny',
  currency: 'EUR',
  timezone: 'UTC',
  lookbackDays: 365,
  trackingPlan: {
    events: [
      { name: 'Order Completed', properties: [{ name: 'total', type: 'number' }, { name: 'category', type: 'string' }, { name: 'coupon', type: 'string' }, { name: 'gift', type: 'boolean' }] },
      { name: 'Product Viewed', properties: [{ name: 'category', type: 'string' }] },
      { name: 'Session Started', properties: [{ name: 'platform', type: 'string' }] },
    ],
    traits: [
      { name: 'first_name', type: 'string' },
      { name: 'email', type: 'string' },
      { name: 'phone', type: 'string' },
      { name: 'country', type: 'string' },
      { name: 'age', type: 'number' },
      { name: 'vip', type: 'boolean' },
      { name: 'email_subscribed', type: 'boolean' },
      { name: 'push_enabled', type: 'boolean' },
      { name: 'created_at', type: 'datetime' },
      { name: 'birthday', type: 'date' },
      { name: 'tags', type: 'string[]' },
      { name: 'notes', type: 'string' },
    ],
  },
  channels: { email: 'has an email and email_subscribed is true', push: 'push_enabled is true' },
  glossary: [],
};

const profiles = [
  { userId: 'u1', traits: { first_name: 'Ann', email: 'ann@example.com', phone: '+4911', country: 'DE', age: 30, vip: true, email_subscribed: true, push_enabled: true, created_at: '2026-10-20T10:00:00.000Z', birthday: '1990-05-01', tags: ['Cat Lover', 'Newsletter'], notes: 'Called about a VIP upgrade' } },
  { userId: 'u2', traits: { first_name: 'Bob', email: 'bob@example.com', country: 'US', age: 45, vip: false, email_subscribed: false, push_enabled: true, created_at: '2025-01-15T00:00:00.000Z', birthday: '1980-12-31', tags: ['Dog Lover'], notes: '' } },
  { userId: 'u3', traits: { first_name: 'Čeněk', phone: '+420', country: '', age: null, email_subscribed: true, push_enabled: false, created_at: '2026-10-01T00:00:00.000Z', tags: [] } },
  { userId: 'u4', traits: { first_name: 'Dee', email: 'dee@example.com', country: 'DE', age: 25, vip: true, email_subscribed: true, created_at: '2026-09-01T12:30:00.000Z', birthday: '2000-02-29', tags: ['Cat Lover', 'Dog Lover'], notes: 'vip since 2020' } },
  { userId: 'u5', traits: { first_name: 'Eve', country: 'GB', age: 34, created_at: '2024-06-01T00:00:00.000Z', notes: "Typed ' OR 1=1 -- into the chat" } },
];

const events: [string, string, string, Record<string, unknown>][] = [
  ['u1', 'Order Completed', '2026-10-25T09:00:00.000Z', { total: 120, category: 'Beauty', gift: true }],
  ['u1', 'Order Completed', '2026-08-01T09:00:00.000Z', { total: 30, category: 'Books' }],
  ['u1', 'Product Viewed', '2026-10-30T09:00:00.000Z', { category: 'Beauty' }],
  ['u1', 'Product Viewed', '2026-10-31T09:00:00.000Z', {}],
  ['u2', 'Order Completed', '2026-03-01T09:00:00.000Z', { total: 500, category: 'Electronics' }],
  ['u3', 'Order Completed', '2026-10-10T09:00:00.000Z', { category: 'Books' }],
  ['u4', 'Product Viewed', '2026-10-28T09:00:00.000Z', { category: 'Electronics' }],
  ['u4', 'Product Viewed', '2026-10-29T09:00:00.000Z', { category: 'Electronics' }],
  ['u4', 'Product Viewed', '2026-10-30T09:00:00.000Z', { category: 'Electronics' }],
  ['u4', 'Order Completed', '2026-10-29T10:00:00.000Z', { total: 50, category: 'Electronics', coupon: 'SAVE10', gift: false }],
  ['u6', 'Session Started', '2026-10-31T20:00:00.000Z', { platform: 'iOS' }],
  // Older than the plan's 365 days of history: it must never count.
  ['u5', 'Order Completed', '2025-10-31T23:59:59.000Z', { total: 999, category: 'Books' }],
];

const audiences = [
  { name: 'Blocklist', members: ['u2'] },
  { name: 'Beta', members: ['u1', 'u4', 'u9'] },
];

/** Writes the workspace folder and returns its path. */
export function writeTinyWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aa-tiny-'));
  writeFileSync(join(dir, 'workspace.json'), JSON.stringify(workspace));
  writeFileSync(join(dir, 'profiles.jsonl'), profiles.map((p) => JSON.stringify({ type: 'identify', ...p, timestamp: '2026-01-01T00:00:00.000Z' })).join('\n'));
  writeFileSync(
    join(dir, 'events.jsonl'),
    events.map(([userId, event, timestamp, properties], i) => JSON.stringify({ type: 'track', messageId: `m${i}`, userId, event, properties, timestamp })).join('\n'),
  );
  writeFileSync(join(dir, 'audiences.json'), JSON.stringify(audiences));
  return dir;
}
