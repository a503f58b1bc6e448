import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/synth/generate.js';
import { readWorkspace } from './read-workspace.js';

const NOW = '2026-11-01T00:00:00Z';
const YEAR_START = new Date(Date.parse(NOW) - 365 * 86_400_000).toISOString();

interface Track {
  userId: string;
  event: string;
  properties: Record<string, string | number | undefined>;
  timestamp: string;
}

/** Per user, events in file order (which is time order). */
function byUser(events: Track[]): Map<string, Track[]> {
  const users = new Map<string, Track[]>();
  for (const e of events) {
    const list = users.get(e.userId) ?? [];
    list.push(e);
    users.set(e.userId, list);
  }
  return users;
}

describe('the behaviour in a generated workspace', () => {
  let dir: string;
  let traits: Map<string, Record<string, unknown>>;
  let events: Track[];
  let users: Map<string, Track[]>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'synth-behaviour-'));
    await generateWorkspace({ dir, profiles: 300, seed: 5, now: NOW });
    const written = await readWorkspace(dir);
    traits = new Map(
      written.profileLines.map((l) => {
        const p = JSON.parse(l) as { userId: string; traits: Record<string, unknown> };
        return [p.userId, p.traits];
      }),
    );
    events = written.eventLines.map((l) => JSON.parse(l) as Track);
    users = byUser(events);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const count = (name: string): number => events.filter((e) => e.event === name).length;

  it('narrows like a shop funnel: sessions, then views, adds, checkouts and fewer orders', () => {
    const sessions = count('Session Started');
    expect(count('Product Viewed')).toBeGreaterThan(sessions);
    expect(count('Product Added')).toBeLessThan(count('Product Viewed'));
    expect(count('Checkout Started')).toBeLessThan(count('Product Added'));
    expect(count('Order Completed')).toBeLessThan(count('Checkout Started'));
    expect(count('Order Completed')).toBeGreaterThan(0);
    expect(count('Order Refunded')).toBeLessThan(count('Order Completed'));
    expect(count('Email Opened')).toBeLessThan(count('Email Delivered'));
    expect(count('Email Link Clicked')).toBeLessThan(count('Email Opened'));
  });

  it('charges every order the value of the checkout before it, less its coupon', () => {
    const problems: string[] = [];
    for (const [user, list] of users) {
      let cart: number | undefined;
      list.forEach((e, k) => {
        if (e.event === 'Checkout Started') cart = e.properties.cart_value as number;
        if (e.event !== 'Order Completed') return;
        const coupon = e.properties.coupon;
        const total = e.properties.total as number;
        if (cart === undefined) problems.push(`${user}: order without checkout`);
        else if (coupon === undefined && total !== cart) problems.push(`${user}: total ${total} for cart ${cart}`);
        else if (coupon !== undefined && !(total < cart)) problems.push(`${user}: coupon gave no discount`);
        const before = list[k - 1];
        if (coupon !== undefined && (before?.event !== 'Coupon Redeemed' || before.properties.coupon_code !== coupon || before.timestamp !== e.timestamp)) {
          problems.push(`${user}: ${String(coupon)} not redeemed with the order`);
        }
        cart = undefined;
      });
    }
    expect(problems).toEqual([]);
  });

  it('redeems a campaign coupon only after claiming it, and gives WELCOME10 only to this year\'s new customers', () => {
    const problems: string[] = [];
    for (const [user, list] of users) {
      const claimed = new Set<unknown>();
      for (const e of list) {
        if (e.event === 'Coupon Claimed') claimed.add(e.properties.coupon_code);
        if (e.event !== 'Coupon Redeemed') continue;
        const code = e.properties.coupon_code;
        if (code === 'WELCOME10') {
          if ((traits.get(user)?.created_at as string) < YEAR_START) problems.push(`${user}: welcome coupon for an old customer`);
        } else if (!claimed.has(code)) problems.push(`${user}: redeemed ${String(code)} unclaimed`);
      }
    }
    expect(problems).toEqual([]);
    expect(count('Coupon Redeemed')).toBeGreaterThan(0);
  });

  it('refunds only earlier orders of the same customer, never more than was paid', () => {
    const problems: string[] = [];
    const orderIds = new Set<unknown>();
    for (const [user, list] of users) {
      const paid = new Map<unknown, number>();
      for (const e of list) {
        if (e.event === 'Order Completed') {
          if (orderIds.has(e.properties.order_id)) problems.push(`duplicate ${String(e.properties.order_id)}`);
          orderIds.add(e.properties.order_id);
          paid.set(e.properties.order_id, e.properties.total as number);
        }
        if (e.event === 'Order Refunded') {
          const total = paid.get(e.properties.order_id);
          if (total === undefined) problems.push(`${user}: refund of unknown ${String(e.properties.order_id)}`);
          else if ((e.properties.amount as number) > total) problems.push(`${user}: refund above total`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('messages people only on channels they can be reached on, and opens follow deliveries', () => {
    const problems: string[] = [];
    const follows: Record<string, string> = {
      'Email Opened': 'Email Delivered',
      'Email Link Clicked': 'Email Opened',
      'Push Notification Opened': 'Push Notification Received',
      'SMS Link Clicked': 'SMS Delivered',
    };
    for (const [user, list] of users) {
      const t = traits.get(user) ?? {};
      const seen = new Set<string>();
      for (const e of list) {
        if (e.event === 'Email Delivered' && !(t.email_subscribed === true && typeof t.email === 'string')) problems.push(`${user}: email`);
        if (e.event === 'SMS Delivered' && !(t.sms_subscribed === true && typeof t.phone === 'string')) problems.push(`${user}: sms`);
        if (e.event === 'Push Notification Received' && t.push_enabled !== true) problems.push(`${user}: push`);
        const needs = follows[e.event];
        if (needs !== undefined && !seen.has(`${needs}/${String(e.properties.campaign_name)}`)) problems.push(`${user}: ${e.event} first`);
        seen.add(`${e.event}/${String(e.properties.campaign_name)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('signs up exactly the people whose account was created within the year, when it was created', () => {
    const signups = events.filter((e) => e.event === 'Signed Up');
    expect(signups.map((e) => e.userId).sort()).toEqual(
      [...traits].filter(([, t]) => (t.created_at as string) >= YEAR_START).map(([id]) => id).sort(),
    );
    expect(signups.every((e) => e.timestamp === traits.get(e.userId)?.created_at)).toBe(true);
  });
});
