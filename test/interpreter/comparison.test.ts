import { describe, expect, it } from 'vitest';
import { recogniseComparison } from '../../src/interpreter/offline/recognise/comparison.js';
import type { Mention } from '../../src/interpreter/offline/recognise/mentions.js';
import { joinLooseSuffixes } from '../../src/interpreter/offline/structure/loose-suffix.js';
import { tokenize } from '../../src/interpreter/offline/text/tokenize.js';

function cmp(text: string) {
  const r = recogniseComparison(tokenize(text), 0);
  return r?.body.kind === 'cmp' ? { ...r.body.cmp, unit: r.body.unit, used: r.end } : undefined;
}

describe('comparisons follow the product conventions', () => {
  it.each([
    ['over 40', 'gt', 40], ['more than 8', 'gt', 8], ['greater than 50', 'gt', 50], ['above 0.5', 'gt', 0.5], ['exceeds 1,000', 'gt', 1000],
    ['at least 3', 'gte', 3], ['3 or more', 'gte', 3], ['minimum of 2', 'gte', 2], ['5+', 'gte', 5],
    ['under 25', 'lt', 25], ['below 3', 'lt', 3], ['less than 100', 'lt', 100], ['fewer than 2', 'lt', 2],
    ['at most 4', 'lte', 4], ['2 or lower', 'lte', 2], ['no more than 6', 'lte', 6], ['10 or less', 'lte', 10],
    ['exactly 1', 'eq', 1],
  ])('reads "%s" as %s %s', (text, op, value) => {
    expect(cmp(text)).toMatchObject({ op, value });
  });

  it('reads no count in "one of our branches", but "a couple of" is 2', () => {
    expect(cmp('one of our branches')).toBeUndefined();
    expect(cmp('a couple of times')).toMatchObject({ op: 'eq', value: 2 });
  });

  it.each([['between 25 and 34', [25, 34]], ['25 to 34', [25, 34]], ['25-34', [25, 34]], ['$50-$100', [50, 100]]])('reads "%s" as inclusive on both ends', (text, value) => {
    expect(cmp(text)).toMatchObject({ op: 'between', value });
  });

  it('reads money with separators and k', () => {
    expect(cmp('over $2,000')).toMatchObject({ op: 'gt', value: 2000, money: true });
    expect(cmp('more than $2k')).toMatchObject({ op: 'gt', value: 2000, money: true });
    expect(cmp('over 500 dollars')).toMatchObject({ op: 'gt', value: 500, money: true });
  });

  it('reads once and twice as counts', () => {
    expect(cmp('once')).toMatchObject({ op: 'eq', value: 1, unit: 'times' });
    expect(cmp('at least twice')).toMatchObject({ op: 'gte', value: 2, unit: 'times' });
    expect(cmp('at least 5 times')).toMatchObject({ op: 'gte', value: 5, unit: 'times' });
  });

  it('reads units after the number', () => {
    expect(cmp('40 years old')).toMatchObject({ op: 'eq', value: 40, unit: 'years' });
    expect(cmp('5-star')).toMatchObject({ value: 5, unit: 'stars' });
    expect(cmp('in their 30s')).toBeUndefined();
    expect(cmp('30s')).toMatchObject({ op: 'between', value: [30, 39] });
  });

  it('does not read a number word that is not a number', () => {
    expect(cmp('a single order')).toBeUndefined();
    expect(cmp('only gold members')).toBeUndefined();
  });
});

describe('numbers in words', () => {
  it.each([['a dozen', 12], ['half a dozen', 6], ['a couple of', 2], ['three', 3], ['more than a dozen', 12]])('reads "%s" as %s', (text, value) => {
    expect(cmp(text)).toMatchObject({ value });
  });
  it('keeps "more than" with "a dozen"', () => {
    expect(cmp('more than a dozen times')).toMatchObject({ op: 'gt', value: 12, unit: 'times' });
  });
});

describe('a suffix said after what is counted', () => {
  const at = (body: object, text: string, i: number) => ({ ...body, start: i, end: i + 1, text }) as unknown as Mention;
  const number = at({ kind: 'cmp', cmp: { op: 'eq', value: 3, money: false } }, 'three', 0);
  const orders = at({ kind: 'object', object: 'order' }, 'orders', 1);

  it('bounds the number before the counted thing ("three orders or more")', () => {
    const out = joinLooseSuffixes([number, orders, at({ kind: 'cmp_suffix', op: 'gte' }, 'or more', 2)]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ kind: 'cmp', cmp: { op: 'gte', value: 3 } });
  });
  it('leaves a suffix with no number before it for the user to see', () => {
    const out = joinLooseSuffixes([orders, at({ kind: 'cmp_suffix', op: 'gte' }, 'or more', 2)]);
    expect(out.at(-1)).toMatchObject({ kind: 'cmp_suffix' });
  });
  it('does not move a bound already said ("at least 3 orders or more")', () => {
    const atLeast = at({ kind: 'cmp', cmp: { op: 'gte', value: 3, money: false } }, 'at least 3', 0);
    const out = joinLooseSuffixes([atLeast, orders, at({ kind: 'cmp_suffix', op: 'lte' }, 'or less', 2)]);
    expect(out[0]).toMatchObject({ cmp: { op: 'gte' } });
  });
});
