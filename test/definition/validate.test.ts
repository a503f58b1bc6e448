import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalogSearch } from '../../src/catalog/search.js';
import type { Catalog, CatalogSearch } from '../../src/catalog/types.js';
import { AppError } from '../../src/errors.js';
import { defineAudience } from '../../src/definition/parse.js';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { assertValid, validateDefinition } from '../../src/definition/validate.js';
import { SHOP_NOW, shopCatalog } from '../catalog/shop-catalog.js';
import { tinyCatalog } from '../catalog/tiny-catalog.js';

let catalog: Catalog;
let search: CatalogSearch;

beforeAll(async () => {
  catalog = await shopCatalog();
  search = createCatalogSearch(catalog);
}, 60_000);

/** A definition of the given top-level conditions (AND), parsed as callers would. */
function audience(...conditions: unknown[]): AudienceDefinition {
  return defineAudience({ version: 1, root: { type: 'group', op: 'and', conditions } } as Parameters<typeof defineAudience>[0]);
}

const issues = (def: AudienceDefinition, cat = catalog) => validateDefinition(def, cat, { now: SHOP_NOW, search });
const last = (amount: number, unit = 'days') => ({ kind: 'last', amount, unit });

describe('validateDefinition accepts what the workspace can answer', () => {
  it('finds nothing wrong with well-formed audiences', () => {
    const defs = [
      audience(
        { type: 'trait', trait: 'gender', op: 'eq', value: 'female' },
        { type: 'trait', trait: 'age', op: 'gt', value: 40 },
        { type: 'event', events: ['Order Completed'], filters: [{ property: 'category', op: 'eq', value: 'Beauty' }], count: { op: 'gte', value: 1 }, window: last(6, 'months') },
      ),
      audience({
        type: 'group', op: 'or', conditions: [
          { type: 'trait', trait: 'membership_tier', op: 'in', value: ['gold', 'platinum'] },
          { type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'total', op: 'gt', value: 2000 },
        ],
      }),
      audience(
        { type: 'trait', trait: 'tags', op: 'contains_any', value: ['Cat Lover', 'Pet Supplies Buyer'] },
        { type: 'trait', trait: 'tags', op: 'contains', value: 'Cat Lover' },
        { type: 'trait', trait: 'notes', op: 'exists' },
        { type: 'trait', trait: 'created_at', op: 'in_last', amount: 30, unit: 'days' },
        { type: 'trait', trait: 'created_at', op: 'between', value: ['2025-01-01', '2025-12-31'] },
        { type: 'trait', trait: 'age', op: 'between', value: [25, 34] },
        { type: 'trait', trait: 'push_enabled', op: 'eq', value: true },
        { type: 'trait', trait: 'phone', op: 'not_exists' },
        { type: 'recency', events: ['Order Completed'], op: 'more_than', amount: 6, unit: 'months' },
        { type: 'list', list: 'Blocklist', op: 'not_in' },
        { type: 'event', events: ['Review Submitted'], filters: [{ property: 'rating', op: 'lte', value: 2 }], count: { op: 'gte', value: 1 }, window: last(1, 'years') },
      ),
    ];
    for (const def of defs) expect(issues(def)).toEqual([]);
  });

  it('allows windows up to the plan limit exactly', () => {
    expect(issues(audience({ type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 }, window: last(365) }))).toEqual([]);
    expect(issues(audience({ type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 }, window: last(12, 'months') }))).toEqual([]);
  });
});

describe('unknown references', () => {
  it('names a missing event with the closest existing ones', () => {
    const [issue, ...rest] = issues(audience({ type: 'event', events: ['Webinar Registered'], count: { op: 'gte', value: 1 }, window: last(30) }));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'unknown_reference', path: 'root.conditions.0.events.0', details: { kind: 'event', name: 'Webinar Registered' } });
    expect(issue!.details.suggestions).toContain('Signed Up');
    expect(issue!.message).toMatch(/^There is no event 'Webinar Registered'\. Closest: .*Signed Up/);
  });

  it('suggests the right spelling of an event', () => {
    const [issue] = issues(audience({ type: 'recency', events: ['Order Complete'], op: 'never' }));
    expect(issue!.details.suggestions).toEqual(expect.arrayContaining(['Order Completed']));
    expect((issue!.details.suggestions as string[])[0]).toBe('Order Completed');
  });

  it('names a missing trait and list', () => {
    const found = issues(audience(
      { type: 'trait', trait: 'membership', op: 'eq', value: 'gold' },
      { type: 'list', list: 'Block list', op: 'not_in' },
    ));
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['unknown_reference', 'root.conditions.0.trait'],
      ['unknown_reference', 'root.conditions.1.list'],
    ]);
    expect(found[0]!.message).toBe("There is no trait 'membership'. Closest: membership_tier.");
    expect(found[1]!.message).toBe("There is no list 'Block list'. Closest: Blocklist.");
  });

  it('checks properties against the events of the condition', () => {
    const [typo] = issues(audience({ type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'totl', op: 'gt', value: 100 }));
    expect(typo).toMatchObject({ code: 'unknown_reference', path: 'root.conditions.0.property', details: { kind: 'property', name: 'totl', events: ['Order Completed'] } });
    expect(typo!.message).toMatch(/^There is no property 'totl' on Order Completed\. Closest: total/);

    // rating exists, but on Review Submitted, not on Order Completed.
    const [elsewhere] = issues(audience({ type: 'event', events: ['Order Completed'], filters: [{ property: 'rating', op: 'gte', value: 4 }], count: { op: 'gte', value: 1 } }));
    expect(elsewhere).toMatchObject({ code: 'unknown_reference', path: 'root.conditions.0.filters.0' });
  });

  it('lists the properties an event has when nothing is spelled alike', () => {
    const [issue] = issues(audience({ type: 'event', events: ['Checkout Started'], filters: [{ property: 'zzz', op: 'exists' }], count: { op: 'gte', value: 1 } }));
    expect(issue!.message).toBe("There is no property 'zzz' on Checkout Started. Checkout Started has: cart_value.");
    expect(issue!.details.suggestions).toEqual([]);
  });

  it('checks the exclusions too', () => {
    const def = defineAudience({
      version: 1,
      root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }] },
      exclude: [{ name: 'Webinar people', root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Webinar Registered'], count: { op: 'gte', value: 1 } }] } }],
    });
    expect(issues(def).map((i) => i.path)).toEqual(['exclude.0.root.conditions.0.events.0']);
  });
});

describe('the plan lookback', () => {
  const limitMessage = 'Your plan only supports a compute history of 365 days.';

  it.each([
    ['a window of 2 years', { type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 }, window: last(2, 'years') }],
    ['a window of 53 weeks', { type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'total', op: 'gt', value: 1, window: last(53, 'weeks') }],
    ['a fixed window starting 518 days ago', { type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 }, window: { kind: 'between', from: '2025-06-01', to: '2025-07-01' } }],
    ['a recency of 13 months', { type: 'recency', events: ['Order Completed'], op: 'more_than', amount: 13, unit: 'months' }],
    ['a date trait in the last 2 years', { type: 'trait', trait: 'created_at', op: 'in_last', amount: 2, unit: 'years' }],
  ])('refuses %s', (_, condition) => {
    const [issue, ...rest] = issues(audience(condition));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'lookback_exceeded', message: limitMessage, path: 'root.conditions.0', details: { limitDays: 365 } });
    expect(issue!.details.requestedDays).toBeGreaterThan(365);
  });

  it('states the limit of the workspace at hand', () => {
    const small = tinyCatalog({ workspace: { ...tinyCatalog().workspace, lookbackDays: 90 }, events: catalog.events });
    const [issue] = validateDefinition(audience({ type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 }, window: last(6, 'months') }), small, { now: SHOP_NOW });
    expect(issue).toMatchObject({ code: 'lookback_exceeded', message: 'Your plan only supports a compute history of 90 days.' });
  });

  it('does not limit how long ago a profile trait may be', () => {
    expect(issues(audience({ type: 'trait', trait: 'created_at', op: 'before_last', amount: 2, unit: 'years' }))).toEqual([]);
  });
});

describe('type mismatches', () => {
  it.each([
    ['a number comparison on a text trait', { type: 'trait', trait: 'country', op: 'gt', value: 5 }, 'The condition "country is more than 5" cannot work: country holds text, so it cannot be compared with the number 5.'],
    ['text compared with a number trait', { type: 'trait', trait: 'age', op: 'eq', value: 'forty' }, 'The condition "age is forty" cannot work: age holds numbers, so it cannot be compared with the text "forty".'],
    ['contains any of on a number trait', { type: 'trait', trait: 'age', op: 'contains_any', value: ['4'] }, 'The condition "age contains any of 4" cannot work: "contains" looks for words in text, and age holds numbers.'],
    ['in the last on a text trait', { type: 'trait', trait: 'country', op: 'in_last', amount: 30, unit: 'days' }, 'The condition "country is in the last 30 days" cannot work: "in the last" needs a date, and country holds text.'],
    ['an order comparison on a boolean', { type: 'trait', trait: 'push_enabled', op: 'gt', value: true }, 'The condition "push_enabled is more than true" cannot work: push_enabled is true or false, so it can only be equal or not equal to a value.'],
    ['a comparison on a list trait', { type: 'trait', trait: 'tags', op: 'gte', value: 'Cat Lover' }, 'The condition "tags is at least Cat Lover" cannot work: tags is a list of text values; ask whether it contains items (contains any of, contains all of, contains none of).'],
    ['a date trait compared with a word', { type: 'trait', trait: 'created_at', op: 'gte', value: 'yesterday' }, 'The condition "created_at is at least yesterday" cannot work: created_at holds dates, so it cannot be compared with the text "yesterday" (a date is written like 2026-10-01).'],
    ['between on a text trait', { type: 'trait', trait: 'city', op: 'between', value: [1, 2] }, 'The condition "city is between 1 and 2" cannot work: "between" needs numbers or dates, and city holds text.'],
  ])('reports %s, quoting the condition', (_, condition, message) => {
    const [issue] = issues(audience(condition));
    expect(issue).toMatchObject({ code: 'type_mismatch', path: 'root.conditions.0', message });
  });

  it('reports a sum of a text property', () => {
    const [issue] = issues(audience({ type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'coupon', op: 'gt', value: 10 }));
    expect(issue).toMatchObject({
      code: 'type_mismatch',
      message: 'The condition "Sum of Order Completed.coupon is more than 10" cannot work: a sum needs numbers, and coupon holds text.',
    });
  });

  it('reports a property filter that does not fit the property', () => {
    const [issue] = issues(audience({ type: 'event', events: ['Product Viewed'], filters: [{ property: 'category', op: 'gt', value: 5 }], count: { op: 'gte', value: 1 } }));
    expect(issue).toMatchObject({ code: 'type_mismatch', path: 'root.conditions.0.filters.0' });
    expect(issue!.message).toContain('category holds text, so it cannot be compared with the number 5');
  });

  it('reports every issue in reading order', () => {
    const found = issues(audience(
      { type: 'trait', trait: 'country', op: 'gt', value: 5 },
      { type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 }, window: last(400) },
      { type: 'list', list: 'VIPs', op: 'in' },
    ));
    expect(found.map((i) => i.code)).toEqual(['type_mismatch', 'lookback_exceeded', 'unknown_reference']);
  });
});

describe('personal traits', () => {
  const personal = ['email', 'phone', 'notes'];

  it('are marked personal in the shop catalog', () => {
    expect(catalog.traits.filter((t) => personal.includes(t.name)).map((t) => t.pii)).toEqual([true, true, true]);
  });

  it('may be asked whether they exist or not', () => {
    for (const trait of personal) {
      expect(issues(audience({ type: 'trait', trait, op: 'exists' }, { type: 'trait', trait, op: 'not_exists' }))).toEqual([]);
    }
  });

  it('that point at a person are never asked what they hold: contains, equals, in, comparisons are personal_data', () => {
    const asked = [
      { type: 'trait', trait: 'email', op: 'contains', value: 'a' },
      { type: 'trait', trait: 'email', op: 'eq', value: 'ann@example.com' },
      { type: 'trait', trait: 'phone', op: 'in', value: ['+49 30 1234567'] },
      { type: 'trait', trait: 'phone', op: 'gt', value: '0' },
    ];
    for (const condition of asked) {
      const [issue] = issues(audience(condition));
      expect(issue).toMatchObject({ code: 'personal_data', path: 'root.conditions.0', details: { allowed: ['exists', 'not_exists'] } });
      expect(issue!.message).toBe(`${condition.trait} is personal data: a condition can only ask whether it exists or does not exist, never what it holds.`);
    }
  });

  it('that describe a person may be segmented by in the workspace ("notes mention VIP", "born in the 1990s")', () => {
    expect(issues(audience({ type: 'trait', trait: 'notes', op: 'contains', value: 'vip' }))).toEqual([]);
    expect(issues(audience({ type: 'trait', trait: 'birthday', op: 'between', value: ['1990-01-01', '1999-12-31'] }))).toEqual([]);
  });

  it('of any kind are only asked whether they exist by a model\'s tools', () => {
    const [issue] = validateDefinition(audience({ type: 'trait', trait: 'notes', op: 'not_contains', value: 'vip' }), catalog, { now: SHOP_NOW, personal: 'all' });
    expect(issue).toMatchObject({ code: 'personal_data', details: { allowed: ['exists', 'not_exists'] } });
  });

  it('are refused inside nested groups and exclusions too', () => {
    const def = defineAudience({
      version: 1,
      root: { type: 'group', op: 'or', conditions: [{ type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'email', op: 'contains', value: '@gmail' }] }] },
      exclude: [{ name: 'x', root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'phone', op: 'contains', value: '+49' }] } }],
    });
    expect(issues(def).map((i) => [i.code, i.path])).toEqual([
      ['personal_data', 'root.conditions.0.conditions.0'],
      ['personal_data', 'exclude.0.root.conditions.0'],
    ]);
    expect(() => assertValid(def, catalog, { now: SHOP_NOW })).toThrow(expect.objectContaining({ code: 'personal_data', status: 422 }));
  });
});

describe('assertValid', () => {
  it('throws the first issue as an AppError with all issues in its details', () => {
    const def = audience(
      { type: 'event', events: ['Webinar Registered'], count: { op: 'gte', value: 1 } },
      { type: 'trait', trait: 'age', op: 'contains', value: '4' },
    );
    let thrown: unknown;
    try {
      assertValid(def, catalog, { now: SHOP_NOW, search });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const err = thrown as AppError;
    expect(err.code).toBe('unknown_reference');
    expect(err.status).toBe(422);
    expect(err.details?.suggestions).toContain('Signed Up');
    expect((err.details?.issues as unknown[]).length).toBe(2);
  });

  it('returns quietly for a valid definition', () => {
    expect(() => assertValid(audience({ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }), catalog, { now: SHOP_NOW })).not.toThrow();
  });

  it('uses the search it is given for suggestions', () => {
    const asked: string[] = [];
    const recording: CatalogSearch = {
      search: (q, o) => search.search(q, o),
      closestNames: (name, kind, o) => {
        asked.push(`${kind}:${name}`);
        return search.closestNames(name, kind, o);
      },
    };
    expect(() => assertValid(audience({ type: 'list', list: 'Blocklst', op: 'in' }), catalog, { now: SHOP_NOW, search: recording })).toThrow(/Closest: Blocklist/);
    expect(asked).toEqual(['list:Blocklst']);
  });
});
