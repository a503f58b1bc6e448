import { describe, expect, test } from 'vitest';
import type { ValueType } from '../../src/catalog/types.js';
import { channelRule, channelRules } from '../../src/engine/channels.js';

const traits: Record<string, ValueType> = { email: 'string', phone: 'string', email_subscribed: 'boolean', push_enabled: 'boolean', age: 'number' };

describe('channel rules', () => {
  test('reads "has an X and Y is true" as X exists and Y = true', () => {
    expect(channelRule('email', 'has an email and email_subscribed is true', traits)).toEqual({
      type: 'group',
      op: 'and',
      conditions: [
        { type: 'trait', trait: 'email', op: 'exists' },
        { type: 'trait', trait: 'email_subscribed', op: 'eq', value: true },
      ],
    });
  });

  test('reads "a", "an" or no article, "false", and any letter case', () => {
    expect(channelRule('sms', 'Has a phone AND push_enabled is FALSE', traits).conditions).toEqual([
      { type: 'trait', trait: 'phone', op: 'exists' },
      { type: 'trait', trait: 'push_enabled', op: 'eq', value: false },
    ]);
    expect(channelRule('sms', 'has phone', traits).conditions).toEqual([{ type: 'trait', trait: 'phone', op: 'exists' }]);
    expect(channelRule('sms', 'phone is set', traits).conditions).toEqual([{ type: 'trait', trait: 'phone', op: 'exists' }]);
  });

  test('keeps the workspace order of channels', () => {
    expect(channelRules({ push: 'push_enabled is true', email: 'has an email' }, traits).map((c) => c.channel)).toEqual(['push', 'email']);
  });

  test.each([
    ['a phrase it cannot read', 'reachable when they opted in', /is not a form it knows/],
    ['a trait the workspace lacks', 'has a fax', /there is no trait "fax"/],
    ['true/false on a trait that is not boolean', 'age is true', /"age" is not a true\/false trait/],
    ['an or', 'has an email or has a phone', /is not a form it knows/],
    ['an empty rule', '   ', /it is empty/],
  ])('refuses %s, naming the channel', (_name, phrase, reason) => {
    let error: unknown;
    try {
      channelRule('whatsapp', phrase, traits);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'invalid_input', details: { channel: 'whatsapp' } });
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain('"whatsapp"');
  });
});
