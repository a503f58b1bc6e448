import { describe, expect, it } from 'vitest';
import { nameWords, spacedName } from '../../src/vocabulary/name-words.js';

describe('the words inside a catalog name', () => {
  it.each([
    ['loginSucceeded', ['login', 'succeeded']],
    ['Order Completed', ['order', 'completed']],
    ['order.placed', ['order', 'placed']],
    ['HOME_STUDIO', ['home', 'studio']],
    ['class-type', ['class', 'type']],
    ['WorkoutFinished', ['workout', 'finished']],
    ['SMSDelivered', ['sms', 'delivered']],
    ['trialEndsAt', ['trial', 'ends', 'at']],
  ])('splits %s whatever its naming style', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });

  it('spells out abbreviations that names use', () => {
    expect(nameWords('MSG-push')).toEqual(['message', 'push']);
    expect(nameWords('csmOwner')).toEqual(['customer', 'success', 'manager', 'owner']);
    expect(nameWords('duration-min')).toEqual(['duration', 'minutes']);
  });

  it('shows a name as a person reads it', () => {
    expect(spacedName('loginSucceeded')).toBe('login succeeded');
  });
});
