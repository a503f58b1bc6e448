import { describe, expect, it } from 'vitest';
import { distributeNegation, negationTargets } from '../../src/interpreter/offline/assemble/negation.js';
import type { Mention, ValueRef } from '../../src/interpreter/offline/recognise/mentions.js';
import { coalesce } from '../../src/interpreter/offline/structure/coalesce.js';
import { splitParts } from '../../src/interpreter/offline/structure/split.js';

let pos = 0;
const at = <T extends object>(body: T, text = 'x') => ({ ...body, start: pos, end: ++pos, text }) as unknown as Mention;
const value = (trait: string, v: string) => at({ kind: 'value', refs: [{ source: 'trait', trait, value: v } satisfies ValueRef] }, v);
const and = (text = 'and') => at({ kind: 'connector', op: 'and' }, text);
const or = () => at({ kind: 'connector', op: 'or' }, 'or');
const neg = () => at({ kind: 'neg', never: false }, 'not');
const action = () => at({ kind: 'action', action: 'purchase' }, 'bought');
const list = (name: string) => at({ kind: 'list', list: name }, name);

describe('value lists', () => {
  it('joins "gold or platinum" into one value of the same trait', () => {
    const out = coalesce([value('tier', 'gold'), or(), value('tier', 'platinum')]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'value', joint: 'or' });
  });
  it('joins "Japan, Taiwan or Thailand" across commas', () => {
    const out = coalesce([value('country', 'JP'), and(','), value('country', 'TW'), or(), value('country', 'TH')]);
    expect(out).toHaveLength(1);
  });
  it('keeps values of different traits apart', () => {
    expect(coalesce([value('tier', 'gold'), or(), value('country', 'DE')])).toHaveLength(3);
  });
  it('never joins across "but"', () => {
    expect(coalesce([value('tier', 'gold'), and('but'), value('tier', 'silver')])).toHaveLength(3);
  });
});

describe('parts and alternatives', () => {
  it('binds "or" tighter than "and"', () => {
    const parts = splitParts([value('c', 'US'), or(), value('c', 'CA'), and('who'), action(), or(), list('L')]);
    expect(parts.map((p) => p.alternatives.length)).toEqual([2, 2]);
  });
  it('starts a negated part at "without"', () => {
    const parts = splitParts([action(), at({ kind: 'connector', op: 'and_not' }, 'without'), list('L')]);
    expect(parts[1]!.alternatives[0]!.mentions[0]).toMatchObject({ kind: 'neg' });
  });
});

describe('negation', () => {
  it('negates the first thing named after it', () => {
    const n = neg();
    const a = action();
    const l = list('L');
    const targets = negationTargets([n, a, l]);
    expect(targets.has(a)).toBe(true);
    expect(targets.has(l)).toBe(false);
  });
  it('negates the thing before it when nothing follows (word orders that end with "not")', () => {
    const a = action();
    expect(negationTargets([a, neg()]).has(a)).toBe(true);
  });
  it('reads "not A or B" of like things as neither', () => {
    const out = distributeNegation([[neg(), list('A')], [list('B')]]);
    expect(out.op).toBe('and');
    expect(out.alternatives[1]![0]).toMatchObject({ kind: 'neg' });
  });
  it('keeps "haven\'t purchased or are gold" as a choice', () => {
    const out = distributeNegation([[neg(), action()], [value('tier', 'gold')]]);
    expect(out.op).toBe('or');
  });
});
