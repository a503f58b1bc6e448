import { describe, expect, test } from 'vitest';
import { sql } from '../../src/engine/compile/fragment.js';
import { ALL, NONE, complement, inSet, intersect, notInSet, setPredicate, unite } from '../../src/engine/compile/user-sets.js';

const aUsers = sql`SELECT user_id FROM a WHERE x = ${1}`;
const a = inSet(aUsers);
const b = inSet(sql`SELECT user_id FROM b WHERE y = ${2}`);
const n = notInSet(sql`SELECT user_id FROM n WHERE z = ${3}`);
const m = notInSet(sql`SELECT user_id FROM m`);

describe('conditions combined as sets of users', () => {
  test('an AND starts from its first positive set and filters it by the others and by the negative ones', () => {
    const s = intersect([n, a, b]);
    expect(s.kind).toBe('in');
    const p = setPredicate(s);
    expect(p.text).toBe('p.user_id IN (SELECT s.user_id FROM (SELECT user_id FROM a WHERE x = ?) s WHERE s.user_id IN (SELECT user_id FROM b WHERE y = ?) AND s.user_id NOT IN (SELECT user_id FROM n WHERE z = ?))');
    expect(p.params).toEqual([1, 2, 3]);
  });

  test('an AND of negative conditions only is the complement of their union', () => {
    const p = setPredicate(intersect([n, m]));
    expect(p.text).toBe('p.user_id NOT IN (SELECT s.user_id FROM (SELECT user_id FROM n WHERE z = ?) s UNION ALL SELECT s.user_id FROM (SELECT user_id FROM m) s)');
  });

  test('an OR with a negative part is the complement of what every negative part excludes, minus what the positive parts bring back', () => {
    const p = setPredicate(unite([a, n, m]));
    expect(p.text).toBe('p.user_id NOT IN (SELECT s.user_id FROM (SELECT user_id FROM n WHERE z = ?) s WHERE s.user_id IN (SELECT user_id FROM m) AND s.user_id NOT IN (SELECT user_id FROM a WHERE x = ?))');
    expect(p.params).toEqual([3, 1]);
  });

  test('an OR of positive parts is their union', () => {
    expect(setPredicate(unite([a, b])).text).toBe('p.user_id IN (SELECT s.user_id FROM (SELECT user_id FROM a WHERE x = ?) s UNION ALL SELECT s.user_id FROM (SELECT user_id FROM b WHERE y = ?) s)');
  });

  test('folds conditions that hold for everyone or no one', () => {
    expect(intersect([a, NONE])).toBe(NONE);
    expect(intersect([ALL, a])).toEqual(a);
    expect(intersect([])).toBe(ALL);
    expect(unite([a, ALL])).toBe(ALL);
    expect(unite([NONE, n])).toEqual(n);
    expect(unite([])).toBe(NONE);
    expect(setPredicate(ALL).text).toBe('1 = 1');
    expect(setPredicate(NONE).text).toBe('1 = 0');
  });

  test('the complement of a set swaps IN and NOT IN, everyone and no one', () => {
    expect(complement(a)).toEqual(notInSet(aUsers));
    expect(complement(complement(n))).toEqual(n);
    expect(complement(ALL)).toBe(NONE);
  });
});
