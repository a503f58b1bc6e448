import { describe, expect, test } from 'vitest';
import { redactPii } from '../../src/interpreter/llm/redact-pii.js';

describe('redactPii', () => {
  test('replaces email addresses', () => {
    expect(redactPii('people like isla.suzuki1@example.com and Bob+x@mail.co.uk')).toBe('people like [email] and [email]');
  });

  test('replaces phone numbers in international and local formats', () => {
    expect(redactPii('call +15550000002 or +44 20 7946 0958')).toBe('call [phone] or [phone]');
    expect(redactPii('(555) 123-4567, 555-123-4567 and 090-1234-5678')).toBe('[phone], [phone] and [phone]');
  });

  test('replaces phone numbers and emails written in full-width characters or other scripts\' digits', () => {
    expect(redactPii('call ０９１２３４５６７８ or ＋４９ ３０ １２３４５６７')).toBe('call [phone] or [phone]');
    expect(redactPii('write to ａｎｎ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('write to [email]');
    expect(redactPii('رقم ٠٩١٢٣٤٥٦٧٨')).toBe('رقم [phone]');
  });

  test('sends the rest of the text as written, full-width and all', () => {
    expect(redactPii('会員ランク「ゴールド」… ０９１２３４５６７８ まで、ＶＩＰ')).toBe('会員ランク「ゴールド」… [phone] まで、ＶＩＰ');
  });

  test('keeps dates, amounts, ages and counts', () => {
    const text = 'Bought over $1,240 between 2026-01-01 and 2026-03-31 12:00, aged 25-34, at least 3 times in 30 days, top 10%';
    expect(redactPii(text)).toBe(text);
  });

  test('keeps a plain number that is too short to be a phone', () => {
    expect(redactPii('spent more than 1000000 dollars')).toBe('spent more than 1000000 dollars');
  });
});
