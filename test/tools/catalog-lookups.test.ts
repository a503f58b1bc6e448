import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ToolMessage } from '@langchain/core/messages';
import {
  createEventPropertiesTool, createSearchEventsTool, createTraitValuesTool, eventProperties, listStaticLists,
  propertyValues, readGlossary, searchEvents, searchTags, searchTraits, traitValues, type ToolDeps,
} from '../../tools/index.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';

let shop: OpenShop;
let deps: ToolDeps;

beforeAll(async () => {
  shop = await openShop();
  deps = { catalog: shop.catalog, search: shop.search, engine: shop.engine, now: SHOP_NOW };
});
afterAll(async () => shop?.dispose());

describe('event lookups', () => {
  test('finds the purchase event for the word "purchase"', () => {
    const out = searchEvents(deps, { query: 'purchase' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.data.events.map((e) => e.name)).toContain('Order Completed');
    expect(out.summary).toMatch(/Order Completed/);
  });

  test('lists the properties of an event with types and a few top values', () => {
    const out = eventProperties(deps, { event: 'order completed' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.data.event).toBe('Order Completed');
    const category = out.data.properties.find((p) => p.name === 'category')!;
    expect(category.type).toBe('string');
    expect(category.values.length).toBeLessThanOrEqual(5);
    expect(category.values.length + category.more).toBe(category.distinct);
  });

  test('gives top values with counts and how many more there are', () => {
    const out = propertyValues(deps, { event: 'Order Completed', property: 'category', limit: 3 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.data.values).toHaveLength(3);
    expect(out.data.values[0]!.count).toBeGreaterThanOrEqual(out.data.values[1]!.count);
    expect(out.data.more).toBeGreaterThan(0);
  });

  test('filters values by text, case-insensitively', () => {
    const out = propertyValues(deps, { event: 'Order Completed', property: 'category', query: 'beau' });
    expect(out.ok && out.data.values.map((v) => v.value)).toEqual(['Beauty']);
  });

  test('answers an unknown event with the closest names instead of throwing', async () => {
    const out = eventProperties(deps, { event: 'Order Complete' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toMatch(/no event named "Order Complete"/);
    expect(out.message).toMatch(/Closest: .*Order Completed/);

    const message = (await createEventPropertiesTool(deps).invoke({ id: 'c1', name: 'get_event_properties', args: { event: 'Order Complete' }, type: 'tool_call' })) as ToolMessage;
    expect(String(message.content)).toMatch(/^Error: There is no event named/);
    expect(message.artifact).toEqual({ ok: false, summary: 'No event named Order Complete' });
  });

  test('returns compact JSON and a user-facing summary as the tool artifact', async () => {
    const message = (await createSearchEventsTool(deps).invoke({ id: 'c2', name: 'search_events', args: { query: 'opened email' }, type: 'tool_call' })) as ToolMessage;
    const data = JSON.parse(String(message.content)) as { events: { name: string }[] };
    expect(data.events.map((e) => e.name)).toContain('Email Opened');
    expect((message.artifact as { summary: string }).summary).toMatch(/^Found event/);
  });
});

describe('trait lookups', () => {
  test('resolves a country name to the trait holding country codes', () => {
    const out = searchTraits(deps, { query: 'Germany' });
    expect(out.ok && out.data.traits.map((t) => t.name)).toContain('country');
    const values = traitValues(deps, { trait: 'country', query: 'DE' });
    expect(values.ok && values.data.values.map((v) => v.value)).toContain('DE');
  });

  test('never lists the values of personal traits', async () => {
    const out = traitValues(deps, { trait: 'email' });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/personal data/);
    const search = searchTraits(deps, { query: 'email' });
    const email = search.ok ? search.data.traits.find((t) => t.name === 'email') : undefined;
    expect(email).toMatchObject({ pii: true, values: [], more: 0 });
    const text = String(((await createTraitValuesTool(deps).invoke({ id: 'c3', name: 'get_trait_values', args: { trait: 'phone' }, type: 'tool_call' })) as ToolMessage).content);
    expect(text).not.toMatch(/\+\d{6,}/);
  });

  test('finds tags by the words people use', () => {
    const out = searchTags(deps, { query: 'cat lover' });
    expect(out.ok && out.data.values.map((v) => v.value)).toContain('Cat Lover');
  });

  test('lists the static lists with their sizes', () => {
    const out = listStaticLists(deps);
    expect(out.ok && out.data.lists.find((l) => l.name === 'Blocklist')?.size).toBeGreaterThan(0);
  });

  test('reads a glossary term and its meaning', () => {
    const out = readGlossary(deps, { term: 'active' });
    expect(out.ok && out.data.entries).toEqual([{ term: 'active', meaning: expect.stringMatching(/Session Started/) }]);
  });
});
