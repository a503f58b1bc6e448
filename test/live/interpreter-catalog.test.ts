/** Recorded visitor traits as catalog traits for the interpreters, and the search over them. */
import { beforeAll, describe, expect, test } from 'vitest';
import { createCatalogSearch } from '../../src/catalog/search.js';
import type { Catalog, CatalogSearch } from '../../src/catalog/types.js';
import { catalogWithVisitorTraits, visitorOnlyTraitNames, withVisitorTraits } from '../../src/live/interpreter-catalog.js';
import type { VisitorTraitInfo } from '../../src/live/types.js';
import { shopCatalog } from '../helpers/shop.js';

let catalog: Catalog;
let search: CatalogSearch;
beforeAll(async () => {
  catalog = await shopCatalog();
  search = createCatalogSearch(catalog);
});

const shoppingFor: VisitorTraitInfo = { name: 'shopping_for', type: 'string', values: ['cat', 'dog'] };
const country: VisitorTraitInfo = { name: 'country', type: 'string', values: ['Atlantis'] };

describe('withVisitorTraits', () => {
  test('adds a recorded trait with its answers as values, and leaves a profile trait of the same name as it is', () => {
    const extended = withVisitorTraits(catalog, [shoppingFor, country]);
    expect(extended.traits).toHaveLength(catalog.traits.length + 1);
    expect(extended.traits.at(-1)).toMatchObject({ name: 'shopping_for', type: 'string', pii: false, topValues: [{ value: 'cat', count: 0 }, { value: 'dog', count: 0 }] });
    expect(extended.traits.find((t) => t.name === 'country')).toBe(catalog.traits.find((t) => t.name === 'country'));
    expect(visitorOnlyTraitNames(catalog, [shoppingFor, country])).toEqual(['shopping_for']);
  });

  test('gives list answers the list type', () => {
    const extended = withVisitorTraits(catalog, [{ name: 'pets', type: 'array', values: ['cat'] }]);
    expect(extended.traits.at(-1)?.type).toBe('string[]');
  });
});

describe('catalogWithVisitorTraits', () => {
  test("is the workspace's own catalog and search when nothing new was recorded", () => {
    expect(catalogWithVisitorTraits(catalog, search, [country])).toEqual({ catalog, search });
  });

  test('finds the recorded answers by search, and builds the search again only when they change', () => {
    const first = catalogWithVisitorTraits(catalog, search, [shoppingFor]);
    expect(first.search.search('cat', { kinds: ['value'] }).some((h) => h.trait === 'shopping_for' && h.name === 'cat')).toBe(true);
    expect(catalogWithVisitorTraits(catalog, search, [shoppingFor]).search).toBe(first.search);
    const changed = catalogWithVisitorTraits(catalog, search, [{ ...shoppingFor, values: ['cat', 'dog', 'rabbit'] }]);
    expect(changed.search).not.toBe(first.search);
    expect(changed.search.search('rabbit', { kinds: ['value'] }).some((h) => h.trait === 'shopping_for')).toBe(true);
  });
});
