import { expect, test } from 'vitest';
import type { Catalog } from '../../src/catalog/types.js';
import { catalogBrief } from '../../src/interpreter/llm/catalog-brief.js';

const catalog: Catalog = {
  workspace: { name: 'Tiny', currency: 'EUR', timezone: 'UTC', lookbackDays: 180, channels: { email: 'has an email' }, glossary: [{ term: 'active', meaning: 'visited in the last 30 days' }] },
  profiles: 3,
  eventsTotal: 5,
  events: [{
    name: 'Order Completed', description: 'A purchase.', volume: 5, profiles: 2, firstSeen: null, lastSeen: null, planned: true,
    properties: [
      { name: 'total', type: 'number', count: 5, distinct: 5, topValues: [{ value: 10, count: 1 }], min: 10, max: 90 },
      { name: 'category', type: 'string', count: 5, distinct: 2, topValues: [{ value: 'Beauty', count: 3 }, { value: 'Toys', count: 2 }] },
    ],
  }],
  traits: [
    { name: 'email', type: 'string', profiles: 3, distinct: 3, topValues: [{ value: 'ann@example.com', count: 1 }], pii: true },
    { name: 'country', type: 'string', profiles: 3, distinct: 2, topValues: [{ value: 'DE', count: 2 }, { value: 'FR', count: 1 }], pii: false },
    { name: 'contact', type: 'string', description: 'Backup contact', profiles: 1, distinct: 1, topValues: [{ value: 'call +44 20 7946 0958', count: 1 }], pii: false },
  ],
  tags: [{ value: 'VIP', count: 1 }],
  lists: [{ name: 'Blocklist', size: 1 }],
};

test('shows names, descriptions, ranges and top values of non-personal fields', () => {
  const brief = catalogBrief(catalog, new Date('2026-11-01T00:00:00Z'));
  expect(brief).toContain('Now is 2026-11-01T00:00:00.000Z. Data can be queried back 180 days at most.');
  expect(brief).toContain('- Order Completed: A purchase.');
  expect(brief).toContain('total (number; range 10…90)');
  expect(brief).toContain('category (string; "Beauty" (3), "Toys" (2))');
  expect(brief).toContain('"DE" (2)');
  expect(brief).toContain('"Blocklist" (1)');
  expect(brief).toContain('- active: visited in the last 30 days');
});

test('never shows values of personal traits, and redacts phone numbers that slipped into others', () => {
  const brief = catalogBrief(catalog, new Date('2026-11-01T00:00:00Z'));
  expect(brief).toContain('- email (string; personal data: only exists / not_exists; 3 profiles have it)');
  expect(brief).not.toContain('ann@example.com');
  expect(brief).not.toContain('7946');
  expect(brief).toContain('[phone]');
});
