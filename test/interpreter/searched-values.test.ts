import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogSearch, SearchHit } from '../../src/catalog/types.js';
import { recogniseSearchedValue } from '../../src/interpreter/offline/recognise/catalog-words.js';
import { catalogIndex } from '../../src/interpreter/offline/resolve/catalog-index.js';
import { tokenize } from '../../src/interpreter/offline/text/tokenize.js';

const catalog: Catalog = {
  workspace: { name: 't', currency: 'USD', timezone: 'UTC', lookbackDays: 365, channels: {}, glossary: [] },
  profiles: 0, eventsTotal: 0, events: [], traits: [], tags: [], lists: [],
};

function searchReturning(hits: SearchHit[]): CatalogSearch {
  return { search: () => hits, closestNames: () => [] };
}

describe('values beyond the catalog\'s top values are asked of the search', () => {
  const env = (hits: SearchHit[]) => ({ index: catalogIndex(catalog), now: new Date(), search: searchReturning(hits) });

  it('takes a hit that is exactly the code written', () => {
    const r = recogniseSearchedValue(tokenize('SUMMER5'), 0, env([{ kind: 'value', name: 'SUMMER5', value: 'SUMMER5', property: 'coupon', events: ['Order Completed'], score: 3 }]));
    expect(r?.body).toEqual({ kind: 'value', refs: [{ source: 'property', event: 'Order Completed', property: 'coupon', value: 'SUMMER5' }] });
  });

  it('never takes a near miss', () => {
    const r = recogniseSearchedValue(tokenize('SUMMER5'), 0, env([{ kind: 'value', name: 'SUMMER20', value: 'SUMMER20', property: 'coupon', events: ['Order Completed'], score: 3 }]));
    expect(r).toBeUndefined();
  });

  it('leaves ordinary lower-case words alone', () => {
    expect(recogniseSearchedValue(tokenize('shoes'), 0, env([{ kind: 'value', name: 'shoes', value: 'shoes', trait: 'interest', score: 3 }]))).toBeUndefined();
  });
});
