import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openTiny, TINY_NOW } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const tiny = useWorkspace(openTiny);

async function members(prompt: string, language: string): Promise<string[]> {
  const r = await interpreter.interpret(prompt, tiny.context());
  expect(r.language).toBe(language);
  if (r.kind !== 'definition') throw new Error(`no definition for ${prompt}: ${JSON.stringify(r)}`);
  return tiny.ws.engine.memberIds(r.definition, { now: TINY_NOW });
}

describe('requests in Traditional Chinese, Japanese and Thai read like their English', () => {
  const notPurchased30 = ['p2', 'p4', 'p5', 'p7', 'p8'];
  it.each([
    ['過去30天內沒有購買的顧客', 'zh-TW'],
    ['最近30日間に購入していない顧客', 'ja'],
    ['ลูกค้าที่ไม่ได้ซื้อใน 30 วันที่ผ่านมา', 'th'],
  ])('reads "%s" as no purchase in the last 30 days', async (prompt, language) => {
    expect(await members(prompt, language)).toEqual(notPurchased30);
  });

  it.each([
    ['來自德國或日本的金卡會員', 'zh-TW'],
    ['ドイツか日本のゴールド会員', 'ja'],
    ['สมาชิกระดับโกลด์จากเยอรมนีหรือญี่ปุ่น', 'th'],
  ])('reads countries and tiers in "%s"', async (prompt, language) => {
    expect(await members(prompt, language)).toEqual(['p1', 'p3']);
  });

  it.each([
    ['過去7天內開啟過電子郵件的顧客', 'zh-TW'],
    ['過去7日間にメールを開封した顧客', 'ja'],
    ['ลูกค้าที่เปิดอีเมลใน 7 วันที่ผ่านมา', 'th'],
  ])('reads opened email in "%s"', async (prompt, language) => {
    expect(await members(prompt, language)).toEqual(['p1']);
  });

  it.each([
    ['被標記為愛貓人士的顧客', 'zh-TW'],
    ['猫好きのタグが付いた顧客', 'ja'],
    ['ลูกค้าที่ติดแท็กคนรักแมว', 'th'],
  ])('reads tags in "%s"', async (prompt, language) => {
    expect(await members(prompt, language)).toEqual(['p1', 'p3', 'p5']);
  });

  it('answers errors in the language of the prompt', async () => {
    const r = await interpreter.interpret('過去2年內購買過的顧客', tiny.context());
    expect(r).toMatchObject({ kind: 'error', code: 'lookback_exceeded', language: 'zh-TW' });
    if (r.kind === 'error') expect(r.message).toContain('365');
  });
});
