import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { lexiconFor } from '../../src/interpreter/offline/translate/lexicon/index.js';
import { nativeNumeralsToDigits } from '../../src/interpreter/offline/translate/numerals.js';
import { cjkToEnglish } from '../../src/interpreter/offline/translate/read-cjk.js';
import { openTiny, TINY_NOW } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

describe('Chinese, Japanese and Thai segmented and read through the lexicon', () => {
  it('reads simplified and traditional Chinese alike, the described people first', () => {
    expect(cjkToEnglish('最近30天买过东西的日本用户', 'zh-TW')).toBe('Japan customers who purchased in the last 30 days');
    expect(cjkToEnglish('最近30天買過東西的日本用戶', 'zh-TW')).toBe('Japan customers who purchased in the last 30 days');
  });

  it('reads a Japanese relative clause with its window at the end, as English says it', () => {
    expect(cjkToEnglish('過去30日間にアプリを起動していないAndroidユーザー', 'ja')).toBe('Android customers who launched the app not in the last 30 days');
  });

  it('says a Japanese comparison before its number: ages, amounts, counts', () => {
    expect(cjkToEnglish('40歳以上の人', 'ja')).toContain('at least 40 years old');
    expect(cjkToEnglish('購入額の合計が500ドル超えてて', 'ja')).toContain('more than $500');
    expect(cjkToEnglish('記事を5本以上読んだユーザー', 'ja')).toContain('at least 5');
  });

  it('reads numbers in kanji, Chinese, Thai and full-width digits', () => {
    expect(nativeNumeralsToDigits('三十天 二週間 ๑๔ วัน ７日')).toBe('30天 2週間 14 วัน 7日');
    expect(cjkToEnglish('过去三十天邀请过同事的管理员', 'zh-TW')).toContain('in the last 30 days');
    expect(cjkToEnglish('ลูกค้าที่เปิดอีเมลใน ๑๔ วันที่ผ่านมา', 'th')).toBe('customers who opened email in the last 14 days');
  });

  it('keeps "一度も" and "一下" as words, not numbers', () => {
    expect(nativeNumeralsToDigits('一度も購入していない')).toBe('一度も購入していない');
    expect(cjkToEnglish('一度も購入していない顧客', 'ja')).toBe('customers who never purchased');
  });

  it('reads a time ago apart from a window', () => {
    expect(cjkToEnglish('3ヶ月以上前に購入した顧客', 'ja')).toContain('at least 3 months ago');
    expect(cjkToEnglish('30天前购买的顾客', 'zh-TW')).toContain('30 days ago');
    expect(cjkToEnglish('前30天购买的顾客', 'zh-TW')).toContain('in the last 30 days');
  });

  it('re-cuts a Thai segment the dictionary joined across two lexicon words (ผ่าน|มายัง)', () => {
    const english = cjkToEnglish('ขอรายชื่อคนที่แอดไลน์เราแล้ว แต่ 30 วันที่ผ่านมายังไม่ได้ซื้ออะไรเลย', 'th');
    expect(english).toBe('customers who LINE followers but in the last 30 days not purchased');
  });

  it('re-cuts after a number where the dictionary joined its unit to the next word (30|天下|单)', () => {
    expect(cjkToEnglish('过去30天下单超过2次的加拿大顾客', 'zh-TW')).toBe('Canada customers who purchased more than 2 times in the last 30 days');
  });

  it('reads counted things after their number, across a counter (1つ星)', () => {
    expect(cjkToEnglish('過去半年でレビューの評価が1つ星の人', 'ja')).toContain('1 stars');
  });

  it('reads a Chinese verb phrase with its aspect mark inside (退過貨, 用过优惠券)', () => {
    expect(cjkToEnglish('過去60天退過貨的客人', 'zh-TW')).toBe('customers who refunded in the last 60 days');
    expect(cjkToEnglish('最近一个月用过优惠券的女性顾客', 'zh-TW')).toBe('women customers who used the coupon in the last 1 month');
  });

  it('says an exclusion written after what it excludes before it', () => {
    expect(cjkToEnglish('黃金跟白金會員，住台北或高雄的，黑名單的先排除', 'zh-TW')).toBe(
      'gold and platinum members , from Taipei or Kaohsiung , excluding Blocklist',
    );
    expect(cjkToEnglish('ゴールド会員で、ブロックリストに入っていない人', 'ja')).toContain('not in Blocklist');
  });

  it('says an exclusion written after its object before it, wherever it stands', () => {
    expect(cjkToEnglish('日本以外的白金会员', 'zh-TW')).toBe('platinum members who excluding Japan');
    expect(cjkToEnglish('除了日本以外的白金会员', 'zh-TW')).toBe('platinum members who excluding Japan');
  });

  it('keeps a Chinese negation with what it negates, a Japanese one with the verb before it', () => {
    expect(cjkToEnglish('不是金卡会员的用户有哪些', 'zh-TW')).toBe('customers who not gold members');
    expect(cjkToEnglish('ゴールド会員ではない人', 'ja')).toBe('customers who gold members not');
  });

  it('reads "never" and the negation of its verb as one negation', () => {
    expect(cjkToEnglish('メルマガ購読中で、過去30日間に一度もメールを開いていない人', 'ja')).toBe(
      'customers who subscribed to email , never email opened in the last 30 days',
    );
  });

  it('keeps a word the lexicon does not hold as written, never drops it', () => {
    expect(cjkToEnglish('最近30天买过猫砂的人', 'zh-TW')).toContain('猫砂');
    expect(cjkToEnglish('過去30日間に猫砂を買った人たち', 'ja')).toContain('猫砂');
    expect(cjkToEnglish('ลูกค้าที่ซื้อทรายแมว', 'th')).toMatch(/[\u0e00-\u0e7f]/);
  });

  it('gives every word of the lexicon one sense per language', () => {
    for (const language of ['zh', 'ja', 'th'] as const) expect(lexiconFor(language).senses.size).toBeGreaterThan(100);
  });
});

describe('requests in simplified Chinese build the audience their English would', () => {
  const interpreter = createOfflineInterpreter();
  const tiny = useWorkspace(openTiny);

  async function members(prompt: string): Promise<string[]> {
    const r = await interpreter.interpret(prompt, tiny.context());
    if (r.kind !== 'definition') throw new Error(`no definition for ${prompt}: ${JSON.stringify(r)}`);
    return tiny.ws.engine.memberIds(r.definition, { now: TINY_NOW });
  }

  it('reads no purchase in the last 30 days', async () => {
    expect(await members('过去30天内没有购买的顾客')).toEqual(['p2', 'p4', 'p5', 'p7', 'p8']);
  });

  it('reads countries and tiers', async () => {
    expect(await members('来自德国或日本的金卡会员')).toEqual(['p1', 'p3']);
  });

  it('asks about a word it cannot place instead of building without it', async () => {
    const r = await interpreter.interpret('最近30天买过猫砂的顾客', tiny.context());
    expect(r.kind).not.toBe('definition');
    if (r.kind === 'error') expect(r.message).toContain('猫砂');
  });
});
