import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalogSearch } from '../../src/catalog/search.js';
import type { Catalog, CatalogSearch, SearchHit } from '../../src/catalog/types.js';
import { shopCatalog } from './shop-catalog.js';
import { tinyCatalog } from './tiny-catalog.js';

let search: CatalogSearch;

beforeAll(async () => {
  search = createCatalogSearch(await shopCatalog());
}, 60_000);

function top(query: string, opts?: Parameters<CatalogSearch['search']>[1]): SearchHit {
  const [hit] = search.search(query, opts);
  if (!hit) throw new Error(`no hit for "${query}"`);
  return hit;
}

describe('catalog search over the shop workspace', () => {
  it.each([
    ['purchase', 'Order Completed'],
    ['bought', 'Order Completed'],
    ['cart', 'Product Added'],
    ['refund', 'Order Refunded'],
    ['review', 'Review Submitted'],
  ])('finds the event for "%s" first', (query, event) => {
    expect(top(query)).toMatchObject({ kind: 'event', name: event });
  });

  it.each([
    ['iPhone', 'platform', 'iOS'],
    ['desktop', 'platform', 'Web'],
    ['Android phone', 'platform', 'Android'],
    ['Germany', 'country', 'DE'],
    ['UK', 'country', 'GB'],
    ['United Kingdom', 'country', 'GB'],
    ['Britain', 'country', 'GB'],
    ['Taiwan', 'country', 'TW'],
    ['Taiwanese', 'country', 'TW'],
    ['Brazilian', 'country', 'BR'],
    ['Japan', 'country', 'JP'],
    ['Japanese', 'language', 'ja'],
    ['德國', 'country', 'DE'],
    ['日本語', 'language', 'ja'],
  ])('resolves "%s" to the %s value %s', (query, field, value) => {
    const hit = top(query);
    expect(hit.kind).toBe('value');
    expect(hit.value).toBe(value);
    expect(hit.trait ?? hit.property).toBe(field);
  });

  it('tolerates typos', () => {
    expect(top('purchse')).toMatchObject({ kind: 'event', name: 'Order Completed' });
    expect(top('Blocklst')).toMatchObject({ kind: 'list', name: 'Blocklist' });
    expect(top('Tech Enthusast')).toMatchObject({ kind: 'tag', name: 'Tech Enthusiast' });
  });

  it('matches the start of a word', () => {
    expect(top('Electro')).toMatchObject({ kind: 'value', value: 'Electronics', property: 'category' });
    expect(top('membership')).toMatchObject({ kind: 'trait', name: 'membership_tier' });
  });

  it('finds tags, lists and glossary terms by name', () => {
    expect(top('cat lovers')).toMatchObject({ kind: 'tag', name: 'Cat Lover', trait: 'tags', count: 313 });
    expect(top('Spring Sale Attendees')).toMatchObject({ kind: 'list', name: 'Spring Sale Attendees', count: 166 });
    expect(top('recently')).toMatchObject({ kind: 'glossary', name: 'recently', description: 'in the last 30 days' });
  });

  it('lists the events that carry a property value', () => {
    const beauty = top('Beauty', { kinds: ['value'], property: 'category' });
    expect(beauty.events).toEqual(expect.arrayContaining(['Product Viewed', 'Product Added', 'Order Completed']));
    expect(beauty.count).toBeGreaterThan(0);
  });

  it('ranks hits by score, best first', () => {
    const hits = search.search('email', { limit: 20 });
    expect(hits.length).toBeGreaterThan(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(hits.every((h) => h.score > 0)).toBe(true);
  });

  it('filters by kind, trait, event and property', () => {
    expect(search.search('platform', { kinds: ['trait'] }).map((h) => h.kind)).toEqual(['trait']);
    const german = search.search('German', { trait: 'country' });
    expect(german.map((h) => h.value)).toEqual(['DE']);
    const ordered = search.search('Beauty Electronics', { event: 'Order Completed', limit: 50 });
    expect(ordered.length).toBeGreaterThan(0);
    expect(ordered.every((h) => h.events?.includes('Order Completed'))).toBe(true);
    const coupons = search.search('WELCOME10', { property: 'coupon_code' });
    expect(coupons.map((h) => [h.kind, h.value, h.property])).toEqual([['value', 'WELCOME10', 'coupon_code']]);
  });

  it('respects the limit and answers nothing to an empty query', () => {
    expect(search.search('email', { limit: 2 })).toHaveLength(2);
    expect(search.search('   ')).toEqual([]);
    expect(search.search('the of and')).toEqual([]);
  });

  it('never returns values of personal traits', () => {
    for (const q of ['isla.suzuki1@example.com', 'Isla', 'Suzuki', '+15550000002', 'VIP customer, prefers express shipping']) {
      const values = search.search(q, { kinds: ['value'], limit: 50 });
      expect(values.filter((h) => ['email', 'phone', 'first_name', 'last_name', 'notes'].includes(h.trait ?? ''))).toEqual([]);
    }
    // The traits themselves stay findable by name.
    expect(top('phone number')).toMatchObject({ kind: 'trait', name: 'phone' });
  });

  it('does not index identifier-like values such as order ids', () => {
    expect(search.search('o00851-001', { property: 'order_id' })).toEqual([]);
  });
});

describe('closestNames', () => {
  it('suggests events by spelling', () => {
    expect(search.closestNames('Order Complete', 'event')[0]).toBe('Order Completed');
    expect(search.closestNames('product viewd', 'event')[0]).toBe('Product Viewed');
  });

  it('suggests events by meaning when no name is spelled alike', () => {
    expect(search.closestNames('Webinar Registered', 'event')).toContain('Signed Up');
  });

  it('suggests traits, lists and properties of one event', () => {
    expect(search.closestNames('membershp_tier', 'trait')[0]).toBe('membership_tier');
    expect(search.closestNames('Block list', 'list')).toEqual(['Blocklist']);
    expect(search.closestNames('totl', 'property', { event: 'Order Completed' })[0]).toBe('total');
    expect(search.closestNames('campaign', 'property', { event: 'Order Completed' })).not.toContain('campaign_name');
  });

  it('returns at most the limit', () => {
    expect(search.closestNames('Email', 'event', { limit: 2 })).toHaveLength(2);
  });
});

describe('catalog search over a hand-built catalog', () => {
  it('keeps personal values out even when the catalog lists them', () => {
    const catalog: Catalog = tinyCatalog({
      traits: [
        { name: 'email', type: 'string', profiles: 2, distinct: 2, topValues: [{ value: 'ann@example.com', count: 1 }], pii: false },
        { name: 'nickname', type: 'string', profiles: 2, distinct: 2, topValues: [{ value: 'Annie', count: 1 }], pii: true },
        { name: 'plan', type: 'string', profiles: 2, distinct: 1, topValues: [{ value: 'Annual', count: 2 }], pii: false },
      ],
    });
    const s = createCatalogSearch(catalog);
    const personal = (q: string) => s.search(q, { kinds: ['value'] }).filter((h) => h.trait !== 'plan');
    expect(personal('ann@example.com')).toEqual([]);
    expect(personal('Annie')).toEqual([]);
    expect(s.search('Annual', { kinds: ['value'] })).toMatchObject([{ trait: 'plan', value: 'Annual' }]);
  });

  it('only names codes as countries or languages when the field says it holds them', () => {
    const catalog = tinyCatalog({
      traits: [
        { name: 'size_code', type: 'string', profiles: 2, distinct: 2, topValues: [{ value: 'de', count: 1 }, { value: 'th', count: 1 }], pii: false },
        { name: 'locale', type: 'string', profiles: 2, distinct: 2, topValues: [{ value: 'de', count: 1 }, { value: 'th', count: 1 }], pii: false },
      ],
    });
    const hits = createCatalogSearch(catalog).search('German', { kinds: ['value'] });
    expect(hits.map((h) => [h.trait, h.value])).toEqual([['locale', 'de']]);
  });
});
