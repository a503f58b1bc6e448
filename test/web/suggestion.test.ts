import { describe, expect, it } from 'vitest';
import { withSuggestion } from '../../src/web/assets/widget/model/suggestion.js';
import { overLimit } from '../../src/web/assets/widget/ui/length-limit.js';

describe('a "Did you mean" name in the request', () => {
  it('takes the place of the unknown name the message quotes, whatever its case', () => {
    expect(withSuggestion('Buyers of ordr completed in May', "There is no event 'Ordr Completed'. Closest: Order Completed.", 'Order Completed'))
      .toBe('Buyers of Order Completed in May');
  });

  it('gives nothing back when the request does not hold the unknown name', () => {
    expect(withSuggestion('Big spenders', "There is no property 'totl' on Order Completed.", 'total')).toBeUndefined();
  });
});

describe('the length limit on the page', () => {
  it('says how far over the limit a text is, counting characters not UTF-16 units', () => {
    expect(overLimit('a'.repeat(300), 300)).toBe('');
    expect(overLimit('会'.repeat(302), 300)).toBe('302 characters: 2 over the limit of 300. Shorten it.');
  });
});
