import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { compileLiveList } from '../../src/live/compile/index.js';
import { canonicalJson } from '../../src/live/compile/history.js';
import { visitFacts } from '../../src/live/visit-facts.js';
import { definition, holds, liveAudience, NOW, qualifyBoth, TRAIT_TYPES, visitor } from './live-fixtures.js';

const trait = (x: Record<string, unknown>) => ({ type: 'trait', ...x }) as Condition;
const ctx = (x: Record<string, unknown>) => ({ type: 'context', ...x }) as Condition;
const bought = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 1 } } as Condition;
const mobile = ctx({ field: 'device', op: 'in', value: ['mobile'] });
const spring = ctx({ field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' });
const springUrl = 'https://shop.example.com/?utm_campaign=spring';

describe('history conditions', () => {
  it('lists each history condition once across audiences, whatever its key order', () => {
    const sameBought = JSON.parse(`{"count":{"value":1,"op":"gte"},"filters":[],"events":["Order Completed"],"type":"event"}`) as Condition;
    const list = compileLiveList([
      liveAudience('a', definition('and', [bought, mobile])),
      liveAudience('b', definition('or', [sameBought, { type: 'list', list: 'VIP', op: 'in' } as Condition])),
      liveAudience('c', definition('and', [trait({ trait: 'plan', op: 'eq', value: 'gold' })], [{ name: 'Buyers', conditions: [bought] }])),
    ], { currency: 'EUR', traitTypes: TRAIT_TYPES });
    expect(list.historyConditions.map(canonicalJson)).toEqual([
      canonicalJson(bought),
      canonicalJson({ type: 'list', list: 'VIP', op: 'in' }),
      canonicalJson({ type: 'trait', trait: 'plan', op: 'eq', value: 'gold' }),
    ]);
  });

  it('answers event, aggregate, recency and list conditions from the history array', () => {
    expect(holds(bought, visitor(), {}, () => true)).toBe(true);
    expect(holds(bought, visitor(), {}, () => false)).toBe(false);
    const never = { type: 'recency', events: ['Order Completed'], filters: [], op: 'never' } as Condition;
    expect(holds(never, visitor(), {}, () => true)).toBe(true);
  });

  it('picks each answer by its position', () => {
    const vip = { type: 'list', list: 'VIP', op: 'in' } as Condition;
    const audiences = [liveAudience('buyers', definition('and', [bought])), liveAudience('vips', definition('and', [vip]))];
    const { qualifications } = qualifyBoth(audiences, visitor(), { answer: (c) => (c as { type: string }).type === 'list' });
    expect(qualifications.map((q) => q.qualifies)).toEqual([false, true]);
  });
});

describe('trait conditions', () => {
  const gold = trait({ trait: 'plan', op: 'eq', value: 'gold' });

  it('tests a catalog trait the visit carries in-process, and asks the profile when it does not', () => {
    const asked: unknown[] = [];
    const answer = (c: unknown) => {
      asked.push(c);
      return true;
    };
    expect(holds(gold, visitor({}, { plan: 'silver' }), {}, answer)).toBe(false);
    expect(holds(gold, visitor({}, { plan: 'gold' }), {}, () => false)).toBe(true);
    expect(holds(gold, visitor(), {}, answer)).toBe(true);
    expect(holds(gold, visitor(), {}, () => false)).toBe(false);
    expect(asked).toContainEqual(gold);
  });

  it('uses recorded answers, with what the site sends winning', () => {
    const cat = trait({ trait: 'shopping_for', op: 'eq', value: 'cat' });
    expect(holds(cat, visitor(), { shopping_for: 'Cat' })).toBe(false); // equality is exact, as for profiles
    expect(holds(cat, visitor(), { shopping_for: 'cat' })).toBe(true);
    expect(holds(cat, visitor({}, { shopping_for: 'dog' }), { shopping_for: 'cat' })).toBe(false);
    expect(holds(trait({ trait: 'shopping_for', op: 'contains', value: 'CA' }), visitor(), { shopping_for: 'cat' })).toBe(true);
  });

  it('treats a missing trait outside the catalog as no value: negatives hold', () => {
    expect(holds(trait({ trait: 'shopping_for', op: 'neq', value: 'cat' }), visitor())).toBe(true);
    expect(holds(trait({ trait: 'shopping_for', op: 'not_exists' }), visitor())).toBe(true);
    expect(holds(trait({ trait: 'shopping_for', op: 'eq', value: 'cat' }), visitor())).toBe(false);
    expect(holds(trait({ trait: 'unheard_of', op: 'contains_none', value: ['x'] }), visitor())).toBe(true);
  });

  it('types a trait by the catalog, then by the recorded trait, then by the value', () => {
    expect(holds(trait({ trait: 'age', op: 'gt', value: 30 }), visitor({}, { age: 35 }))).toBe(true);
    expect(holds(trait({ trait: 'tags', op: 'contains_any', value: ['Cat Lover'] }), visitor({}, { tags: ['Cat Lover', 'VIP'] }))).toBe(true);
    expect(holds(trait({ trait: 'signed_up', op: 'in_last', amount: 7, unit: 'days' }), visitor({}, { signed_up: '2026-11-20' }))).toBe(true);
    expect(holds(trait({ trait: 'signed_up', op: 'in_last', amount: 7, unit: 'days' }), visitor({}, { signed_up: '2026-10-01' }))).toBe(false);
    expect(holds(trait({ trait: 'budget', op: 'between', value: [10, 20] }), visitor({}, { budget: 15 }))).toBe(true);
    expect(holds(trait({ trait: 'pets', op: 'contains_all', value: ['cat', 'dog'] }), visitor({}, { pets: ['dog', 'cat'] }))).toBe(true);
    expect(holds(trait({ trait: 'trial_ends', op: 'before_last', amount: 1, unit: 'days' }), visitor({}, { trial_ends: '2026-11-01T00:00:00Z' }))).toBe(true);
  });

  it('counts a value the condition cannot test as no value, so only negatives hold', () => {
    expect(holds(trait({ trait: 'age', op: 'gt', value: 30 }), visitor({}, { age: '35' }))).toBe(false);
    expect(holds(trait({ trait: 'age', op: 'neq', value: 30 }), visitor({}, { age: '30' }))).toBe(true);
    expect(holds(trait({ trait: 'budget', op: 'gt', value: 30 }), visitor({}, { budget: 'lots' }))).toBe(false);
    expect(holds(trait({ trait: 'shopping_for', op: 'gt', value: 3 }), visitor({}, { shopping_for: 5 }))).toBe(false);
    expect(holds(trait({ trait: 'budget', op: 'not_contains', value: 'x' }), visitor({}, { budget: 5 }))).toBe(true);
  });
});

describe('audiences', () => {
  it('excludes visitors any exclusion holds for', () => {
    const def = definition('and', [mobile], [{ name: 'Buyers', conditions: [bought] }, { name: 'Staff', conditions: [ctx({ field: 'cookie', name: 'staff', op: 'exists' })] }]);
    const a = [liveAudience('a', def)];
    expect(qualifyBoth(a, visitor({ device: 'mobile' })).qualifications[0]!.qualifies).toBe(true);
    expect(qualifyBoth(a, visitor({ device: 'mobile' }), { answer: () => true }).qualifications[0]!.qualifies).toBe(false);
    expect(qualifyBoth(a, visitor({ device: 'mobile', cookies: { staff: '1' } })).qualifications[0]!.qualifies).toBe(false);
  });

  it('gives every top-level line of an AND root as reasons', () => {
    const a = [liveAudience('a', definition('and', [mobile, spring, { type: 'group', op: 'or', conditions: [bought, ctx({ field: 'session_count', op: 'gt', value: 1 })] } as Condition]))];
    const { qualifications: [q] } = qualifyBoth(a, visitor({ device: 'mobile', url: springUrl, sessionCount: 2 }));
    expect(q).toEqual({
      qualifies: true,
      reasons: ['Device is mobile', 'URL parameter utm_campaign is spring', 'Either: performed Order Completed at least once, or returning visitor (more than one session)'],
    });
    expect(qualifyBoth(a, visitor({ device: 'mobile', url: springUrl })).qualifications[0]).toEqual({ qualifies: false, reasons: [] });
  });

  it('gives only the lines that held of an OR root, without a leading "Or"', () => {
    const a = [liveAudience('a', definition('or', [mobile, spring, ctx({ field: 'country', op: 'in', value: ['DE'] })]))];
    expect(qualifyBoth(a, visitor({ url: springUrl, country: 'DE' })).qualifications[0]).toEqual({
      qualifies: true, reasons: ['URL parameter utm_campaign is spring', 'Visit country is DE'],
    });
    expect(qualifyBoth(a, visitor({ device: 'desktop' })).qualifications[0]).toEqual({ qualifies: false, reasons: [] });
  });

  it('qualifies every audience in order, disabled ones too, leaving the choice to the matcher', () => {
    const audiences = [
      liveAudience('off', definition('and', [mobile]), false),
      liveAudience('spring', definition('and', [spring])),
      liveAudience('mobile', definition('and', [mobile])),
    ];
    const list = compileLiveList(audiences, { currency: 'EUR', traitTypes: TRAIT_TYPES });
    const qs = list.qualify(visitFacts(visitor({ device: 'mobile' }), {}), [], NOW);
    expect(qs.map((q) => q.qualifies)).toEqual([true, false, true]);
    expect(list.audiences.map((a) => a.id)).toEqual(['off', 'spring', 'mobile']);
  });

  it('returns fresh reason arrays, so a caller changing one does not change the next answer', () => {
    const list = compileLiveList([liveAudience('m', definition('and', [mobile]))], { currency: 'EUR', traitTypes: {} });
    const facts = visitFacts(visitor({ device: 'mobile' }), {});
    list.qualify(facts, [], NOW)[0]!.reasons.push('changed');
    expect(list.qualify(facts, [], NOW)[0]!.reasons).toEqual(['Device is mobile']);
  });
});
