import { describe, expect, it } from 'vitest';
import { conceptsOf } from '../../src/interpreter/offline/resolve/event-concepts.js';

describe('verbs and objects name event concepts', () => {
  it.each([
    [['purchase'], [], 'purchase'], [[], ['order'], 'purchase'], [['generic'], ['order'], 'purchase'],
    [['open'], ['email'], 'email_open'], [['click'], ['email'], 'email_click'], [['receive'], ['email'], 'email_receive'],
    [['open'], ['push'], 'push_open'], [['receive'], ['push'], 'push_receive'], [['click'], ['sms'], 'sms_click'],
    [['view'], ['product'], 'product_view'], [['add'], ['cart'], 'cart_add'], [['start'], ['checkout'], 'checkout'],
    [['generic', 'refund'], ['order'], 'refund'], [['purchase', 'refund'], [], 'refund'], [['generic'], ['review'], 'review'],
    [['claim'], ['coupon'], 'coupon_claim'], [['use'], ['coupon'], 'coupon_redeem'], [['redeem'], [], 'coupon_redeem'],
    [['signup'], [], 'signup'], [['visit'], [], 'session'], [['purchase'], ['cart'], 'purchase'],
  ] as const)('%j + %j → %s', (actions, objects, concept) => {
    expect(conceptsOf([...actions], [...objects])).toEqual([concept]);
  });

  it('names both events of "an email or a push notification"', () => {
    expect(conceptsOf(['open'], ['email', 'push'])).toEqual(['email_open', 'push_open']);
  });
  it('names nothing for a verb that says nothing on its own ("used", "opened")', () => {
    expect(conceptsOf(['use'], [])).toEqual([]);
    expect(conceptsOf(['open'], [])).toEqual([]);
  });
});
