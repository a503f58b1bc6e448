import { describe, expect, it } from 'vitest';
import { checkPromptLength, detectLanguage, isRefinement } from '../../src/interpreter/offline/index.js';

describe('prompt length limits', () => {
  it('refuses English under 20 characters with the limits in the message', () => {
    const r = checkPromptLength('VIP buyers');
    expect(r).toMatchObject({ ok: false, code: 'invalid_prompt' });
    if (!r.ok) expect(r.message).toContain('20');
  });
  it('accepts 8 characters of Chinese or Japanese', () => {
    expect(checkPromptLength('過去30天內購買的顧客').ok).toBe(true);
    expect(checkPromptLength('最近購入した顧客です').ok).toBe(true);
    expect(checkPromptLength('金卡會員').ok).toBe(false);
  });
  it('refuses more than 300 characters', () => {
    expect(checkPromptLength('Customers who bought '.repeat(20)).ok).toBe(false);
  });
  it('answers in the language of the prompt', () => {
    const r = checkPromptLength('金卡會員');
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
  it('lets a short follow-up to a draft through', () => {
    expect(checkPromptLength('only gold members', { refinement: true }).ok).toBe(true);
  });
});

describe('language', () => {
  it.each([
    ['Customers who bought shoes', 'en'], ['過去30天內沒有購買的顧客', 'zh-TW'], ['最近30日間に購入していない顧客', 'ja'], ['ลูกค้าที่ไม่ได้ซื้อใน 30 วันที่ผ่านมา', 'th'],
  ])('detects %s as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('refinements', () => {
  it.each(['also exclude the Blocklist', 'make it 60 days instead', 'only gold members', 'and from Japan too', 'Remove anyone on the Blocklist'])('recognises "%s" as a refinement', (text) => {
    expect(isRefinement(text)).toBe(true);
  });
  it.each(['Customers who purchased in the last 30 days', 'Gold members from Germany'])('does not take "%s" for a refinement', (text) => {
    expect(isRefinement(text)).toBe(false);
  });
});
