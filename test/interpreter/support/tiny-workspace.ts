/**
 * A tiny pet-shop workspace written to a temp folder and opened like any other (real import,
 * real DuckDB engine, real search). Its tracking plan differs from the demo shop on purpose
 * ("Order Placed" with "revenue", "App Opened", "Email Clicked"), so tests show the parser
 * finds events by what they are, not by the demo's names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../../src/store/workspace.js';
import type { InterpreterContext } from '../../../src/interpreter/types.js';

export const TINY_NOW = new Date('2026-11-01T00:00:00Z');
const daysAgo = (d: number) => new Date(TINY_NOW.getTime() - d * 86_400_000).toISOString();

const PROFILES: Array<[string, Record<string, unknown>]> = [
  ['p1', { country: 'DE', tier: 'gold', age: 45, gender: 'female', tags: ['Cat Lover'], email_subscribed: true, phone: '+4900001', notes: 'VIP, prefers express' }],
  ['p2', { country: 'DE', tier: 'silver', age: 31, gender: 'male', tags: ['Dog Lover'], email_subscribed: false }],
  ['p3', { country: 'JP', tier: 'gold', age: 27, gender: 'female', tags: ['Cat Lover', 'Dog Lover'], email_subscribed: true, phone: '+8100003' }],
  ['p4', { country: 'JP', tier: 'platinum', age: 62, gender: 'male', tags: [], email_subscribed: true }],
  ['p5', { country: 'US', tier: 'silver', age: 38, gender: 'female', tags: ['Cat Lover'], email_subscribed: false, phone: '+1555005', notes: 'asked about wholesale' }],
  ['p6', { country: 'US', tier: 'gold', age: 22, gender: 'male', tags: [], email_subscribed: true }],
  ['p7', { country: 'TW', tier: 'silver', age: 54, gender: 'female', tags: ['Dog Lover'], email_subscribed: true }],
  ['p8', { country: 'TW', age: 41, gender: 'male', email_subscribed: false }],
];

type E = [string, string, number, Record<string, unknown>?];
const EVENTS: E[] = [
  ['p1', 'Order Placed', 5, { revenue: 120, category: 'Cat Food' }],
  ['p1', 'Order Placed', 40, { revenue: 80, category: 'Toys' }],
  ['p1', 'Order Placed', 100, { revenue: 300, category: 'Cat Food', coupon: 'MEOW5' }],
  ['p1', 'App Opened', 2], ['p1', 'Email Opened', 3, { campaign: 'Autumn Sale', kind: 'promotion' }],
  ['p2', 'Order Placed', 200, { revenue: 40, category: 'Dog Food' }],
  ['p2', 'App Opened', 50], ['p2', 'Product Viewed', 4, { category: 'Dog Food' }], ['p2', 'Product Viewed', 6, { category: 'Dog Food' }],
  ['p3', 'Order Placed', 10, { revenue: 60, category: 'Toys' }], ['p3', 'Order Placed', 12, { revenue: 70, category: 'Cat Food' }],
  ['p3', 'App Opened', 1], ['p3', 'Email Clicked', 9, { campaign: 'Autumn Sale', kind: 'promotion' }],
  ['p4', 'Order Placed', 250, { revenue: 900, category: 'Toys' }], ['p4', 'Email Opened', 20, { campaign: 'Monthly News', kind: 'newsletter' }],
  ['p5', 'Product Viewed', 3, { category: 'Toys' }], ['p5', 'Signed Up', 15, { method: 'google' }], ['p5', 'App Opened', 3],
  ['p6', 'Order Placed', 2, { revenue: 25, category: 'Toys', coupon: 'MEOW5' }], ['p6', 'Signed Up', 20, { method: 'email' }],
  ['p7', 'Email Opened', 8, { campaign: 'Autumn Sale', kind: 'promotion' }], ['p7', 'Review Submitted', 30, { rating: 2 }],
  ['p8', 'Review Submitted', 60, { rating: 5 }],
];

const WORKSPACE = {
  name: 'Tiny pet shop',
  currency: 'USD',
  timezone: 'UTC',
  lookbackDays: 365,
  trackingPlan: {
    events: [
      { name: 'Order Placed', description: 'A purchase was paid.', properties: [{ name: 'revenue', type: 'number' }, { name: 'category', type: 'string' }, { name: 'coupon', type: 'string' }] },
      { name: 'App Opened', description: 'The mobile app was launched.', properties: [] },
      { name: 'Product Viewed', properties: [{ name: 'category', type: 'string' }] },
      { name: 'Email Opened', properties: [{ name: 'campaign', type: 'string' }, { name: 'kind', type: 'string' }] },
      { name: 'Email Clicked', properties: [{ name: 'campaign', type: 'string' }, { name: 'kind', type: 'string' }] },
      { name: 'Signed Up', properties: [{ name: 'method', type: 'string' }] },
      { name: 'Review Submitted', properties: [{ name: 'rating', type: 'number', description: '1 to 5 stars.' }] },
    ],
    traits: [
      { name: 'country', type: 'string' }, { name: 'tier', type: 'string' }, { name: 'age', type: 'number' }, { name: 'gender', type: 'string' },
      { name: 'tags', type: 'string[]' }, { name: 'email_subscribed', type: 'boolean' }, { name: 'phone', type: 'string', description: 'Phone number (PII).' },
      { name: 'notes', type: 'string' },
    ],
  },
  channels: { email: 'email_subscribed is true' },
  glossary: [
    { term: 'active', meaning: 'performed App Opened at least once in the last 14 days' },
    { term: 'recently', meaning: 'in the last 7 days' },
  ],
};

export interface Tiny {
  ws: Workspace;
  context(extra?: Partial<InterpreterContext>): InterpreterContext;
  dispose(): Promise<void>;
}

export async function openTiny(): Promise<Tiny> {
  const root = mkdtempSync(join(tmpdir(), 'aa-tiny-'));
  const dir = join(root, 'ws');
  const home = join(root, 'home');
  writeFileSync(join(root, '.keep'), '');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  writeFileSync(join(dir, 'workspace.json'), JSON.stringify(WORKSPACE));
  writeFileSync(join(dir, 'profiles.jsonl'), PROFILES.map(([userId, traits]) => JSON.stringify({ type: 'identify', userId, traits, timestamp: daysAgo(300) })).join('\n'));
  writeFileSync(join(dir, 'events.jsonl'), EVENTS.map(([userId, event, d, properties], i) => JSON.stringify({ type: 'track', messageId: `m${i}`, userId, event, properties: properties ?? {}, timestamp: daysAgo(d) })).join('\n'));
  writeFileSync(join(dir, 'audiences.json'), JSON.stringify([{ name: 'Do Not Contact', description: 'Never message', members: ['p2', 'p7'] }]));
  const ws = await openWorkspace({ dir, home });
  return {
    ws,
    context: (extra = {}) => ({ catalog: ws.catalog, search: ws.search, engine: ws.engine, now: TINY_NOW, ...extra }),
    async dispose() {
      await ws.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
