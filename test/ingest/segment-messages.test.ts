/** Reading Segment-Spec messages: when they happened, whose they are, and why one is refused. */
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/ingest/segment-messages.js';
import { writeKeyFromHeader } from '../../src/ingest/write-keys.js';

const receivedAt = new Date('2026-11-01T12:00:10.000Z');

describe('reading a Segment message', () => {
  it('takes timestamp as given, else originalTimestamp corrected by the sender\'s clock skew, else the arrival time', () => {
    const at = (m: Record<string, unknown>) => {
      const r = readMessage({ type: 'track', userId: 'u1', event: 'E', ...m }, { receivedAt });
      if (!r.ok || r.message.kind !== 'track') throw new Error(JSON.stringify(r));
      return r.message.timestamp.toISOString();
    };
    expect(at({ timestamp: '2026-10-31T08:00:00+02:00' })).toBe('2026-10-31T06:00:00.000Z');
    // The sender's clock is 10 s behind: sentAt 12:00:00 arrived at 12:00:10.
    expect(at({ originalTimestamp: '2026-11-01T11:59:00.000Z', sentAt: '2026-11-01T12:00:00.000Z' })).toBe('2026-11-01T11:59:10.000Z');
    expect(at({})).toBe(receivedAt.toISOString());
  });

  it('keys a profile by userId, else by anonymousId, and takes numeric ids as text', () => {
    const user = (m: Record<string, unknown>) => {
      const r = readMessage({ type: 'identify', ...m }, { receivedAt });
      return r.ok && r.message.kind === 'identify' ? r.message.userId : r;
    };
    expect(user({ userId: 'u1', anonymousId: 'a1' })).toBe('u1');
    expect(user({ anonymousId: 'a1' })).toBe('a1');
    expect(user({ userId: 42 })).toBe('42');
  });

  it('takes page, screen, group and alias without keeping them', () => {
    for (const type of ['page', 'screen', 'group', 'alias']) {
      expect(readMessage({ type, anonymousId: 'a1' }, { receivedAt })).toMatchObject({ ok: true, message: { kind: 'ignored' } });
    }
  });

  it('says what is wrong with a message it refuses', () => {
    expect(readMessage({ type: 'track', userId: 'u1' }, { receivedAt })).toMatchObject({ ok: false, code: 'invalid_input', reason: expect.stringMatching(/event/) });
    expect(readMessage({ type: 'order', userId: 'u1' }, { receivedAt })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(readMessage('track', { receivedAt })).toMatchObject({ ok: false, reason: 'A message must be a JSON object.' });
    expect(readMessage({ type: 'identify', userId: 'u1', traits: { bio: 'x'.repeat(33_000) } }, { receivedAt })).toMatchObject({ ok: false, code: 'payload_too_large' });
  });

  it('the route names the type of a single message, whatever the body says', () => {
    expect(readMessage({ type: 'identify', userId: 'u1', event: 'E' }, { type: 'track', receivedAt })).toMatchObject({ ok: true, message: { kind: 'track', event: 'E' } });
  });
});

describe('a write key', () => {
  it('is the user name of HTTP Basic, as Segment\'s libraries send it', () => {
    expect(writeKeyFromHeader(`Basic ${Buffer.from('wk-1:').toString('base64')}`)).toBe('wk-1');
    expect(writeKeyFromHeader(`Basic ${Buffer.from('wk-1').toString('base64')}`)).toBe('wk-1');
    expect(writeKeyFromHeader('Bearer wk-1')).toBeUndefined();
    expect(writeKeyFromHeader(`Basic ${Buffer.from(':').toString('base64')}`)).toBeUndefined();
  });
});
