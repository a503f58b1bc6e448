import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ToolMessage } from '@langchain/core/messages';
import { createPreviewAudienceTool, measureDistribution, previewAudience, type ToolDeps } from '../../tools/index.js';
import { runSafely } from '../../tools/catalog-tool.js';
import { parseDefinition } from '../../src/definition/parse.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';

let shop: OpenShop;
let deps: ToolDeps;

beforeAll(async () => {
  shop = await openShop();
  deps = { catalog: shop.catalog, search: shop.search, engine: shop.engine, now: SHOP_NOW };
});
afterAll(async () => shop?.dispose());

const purchasedOnce = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 } }] } };

test('previews an audience size with reachability and no member rows', async () => {
  const out = await previewAudience(deps, { definition: purchasedOnce });
  expect(out.ok).toBe(true);
  if (!out.ok) return;
  const direct = await shop.engine.compute(parseDefinition(purchasedOnce), { now: SHOP_NOW });
  expect(out.data.size).toBe(direct.size);
  expect(out.data.totalProfiles).toBe(2000);
  expect(Object.keys(out.data.reachability)).toEqual(expect.arrayContaining(['email', 'sms']));
  expect(JSON.stringify(out.data)).not.toMatch(/u\d{5}/);
});

test('returns a window beyond the history as a recoverable error naming the limit', async () => {
  const tooLong = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 2, unit: 'years' }, count: { op: 'gte', value: 1 } }] } };
  const message = (await createPreviewAudienceTool(deps).invoke({ id: 'p1', name: 'preview_audience', args: { definition: tooLong }, type: 'tool_call' })) as ToolMessage;
  expect(String(message.content)).toMatch(/^Error: .*365/);
  expect(message.artifact).toMatchObject({ ok: false });
});

test('returns a malformed definition as text the model can fix', async () => {
  const out = await runSafely('preview_audience', () => previewAudience(deps, { definition: { version: 1, root: { type: 'group', op: 'xor', conditions: [] } } }));
  expect(out.ok).toBe(false);
  if (!out.ok) expect(out.message).toMatch(/not valid at root/);
});

test('never counts what a personal trait holds: email contains, phone equals, notes contains are refused', async () => {
  const tool = createPreviewAudienceTool(deps);
  const asked = [
    { type: 'trait', trait: 'email', op: 'contains', value: 'a' },
    { type: 'trait', trait: 'phone', op: 'eq', value: '+49 30 1234567' },
    { type: 'trait', trait: 'notes', op: 'contains', value: 'vip' },
  ];
  for (const condition of asked) {
    const definition = { version: 1, root: { type: 'group', op: 'or', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }, condition] } };
    const message = (await tool.invoke({ id: 'p1', name: 'preview_audience', args: { definition }, type: 'tool_call' })) as ToolMessage;
    expect(String(message.content)).toBe(`Error: ${condition.trait} is personal data: a condition can only ask whether it exists or does not exist, never what it holds.`);
    expect(message.artifact).toMatchObject({ ok: false, summary: 'preview_audience: personal_data' });
  }
});

test('counts whether a personal trait exists', async () => {
  const out = await previewAudience(deps, { definition: { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'email', op: 'exists' }] } } });
  expect(out.ok && out.data.size).toBeGreaterThan(0);
});

test('measures total spend quantiles over the customers who purchased', async () => {
  const out = await measureDistribution(deps, { events: ['Order Completed'], fn: 'sum', property: 'total' });
  expect(out.ok).toBe(true);
  if (!out.ok) return;
  const values = out.data.quantiles.map((q) => q.value);
  expect([...values].sort((a, b) => a - b)).toEqual(values);
  expect(values[0]).toBeGreaterThan(0);
  const buyers = await shop.engine.compute(parseDefinition(purchasedOnce), { now: SHOP_NOW, sampleSize: 0 });
  expect(out.data.profiles).toBe(buyers.size);
});

test('refuses to measure a text property', async () => {
  const out = await measureDistribution(deps, { events: ['Order Completed'], fn: 'sum', property: 'category' });
  expect(out).toMatchObject({ ok: false, message: expect.stringMatching(/not a number/) });
});
