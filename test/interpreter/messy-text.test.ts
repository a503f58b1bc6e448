import { describe, expect, it } from 'vitest';
import { expandShorthand } from '../../src/interpreter/offline/text/shorthand.js';
import { repairEnglish } from '../../src/interpreter/offline/text/repair.js';
import { editDistance, Speller } from '../../src/interpreter/offline/text/spelling.js';

describe('chat shorthand spelled out', () => {
  it.each([
    ['ppl who havent bought in 30d w/o the blocklist', "people who haven't bought in 30 days without the blocklist"],
    ['users w/ 3+ email clicks in the last 90d', 'users with 3 or more email clicks in the last 90 days'],
    ['accts that spent over 20k', 'accounts that spent over 20k'],
    ['ppl w/o a phone # who arent tagged', "people without a phone number who aren't tagged"],
    ['opened the app 2x in 2wks', 'opened the app 2 times in 2 weeks'],
    ['bought ytd', 'bought this year'],
  ])('reads "%s"', (typed, meant) => {
    expect(expandShorthand(typed).text).toBe(meant);
  });
});

describe('numbers written in words', () => {
  it('writes compound numbers and idioms as digits, and leaves "one" that may be a pronoun', () => {
    expect(repairEnglish('in the last thirty days', undefined).text).toBe('in the last 30 days');
    expect(repairEnglish('got half a dozen pushes and a couple of orders', undefined).text).toBe('got 6 pushes and 2 orders');
    expect(repairEnglish('spent over a grand', undefined).text).toBe('spent over $1000');
    expect(repairEnglish('opened one but never clicked one', undefined).text).toBe('opened one but never clicked one');
  });
});

describe('misspelt words', () => {
  const speller = new Speller(new Set(['purchase', 'email', 'platinum', 'android', 'london', 'subscribers', 'review', 'coupon']), new Set(['platinum', 'london']));

  it('corrects a word that is no English word to the one known word close to it', () => {
    expect(speller.correct('purchace')).toBe('purchase');
    expect(speller.correct('platnium')).toBe('platinum');
    expect(speller.correct('andriod')).toBe('android');
    expect(speller.correct('londn')).toBe('london');
  });

  it('corrects an inflected form to the word or its base', () => {
    expect(['purchase', 'purchased']).toContain(speller.correct('purchsed'));
  });

  it('leaves real words, short words and words nothing known is close to', () => {
    expect(speller.correct('sent')).toBeUndefined();
    expect(speller.correct('xyz')).toBeUndefined();
    expect(speller.correct('qwertyuiop')).toBeUndefined();
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('emial', 'email', 2)).toBe(1);
  });

  it('says what it corrected', () => {
    const r = repairEnglish('ppl who made a purchace', speller);
    expect(r.text).toBe('people who made a purchase');
    expect(r.corrections).toEqual([{ from: 'ppl', to: 'people' }, { from: 'purchace', to: 'purchase' }]);
  });
});
