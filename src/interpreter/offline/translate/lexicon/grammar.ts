/**
 * Words that carry grammar or politeness and nothing the audience depends on: particles,
 * verb endings, "help me find", "something". They are read as nothing; every other word the
 * lexicon does not hold stays in the text as written, for the parser to ask about.
 */
import { sense } from './sense.js';

export const GRAMMAR = [
  sense('', { ja: 'が', role: { kind: 'but-after-verb' } }),
  sense('who', { th: 'ที่ ซึ่ง' }),
  sense('', {
    zh: '中 类 類 用 使用 的 了 过 過 曾 曾经 曾經 都 有 是 在 把 被 所有 任何 帮我 幫我 帮 幫 我 给我 給我 请 請 找 找出 找一下 捞 撈 捞一下 撈一下 一下 列出 筛选 篩選 哪些 哪个 哪個 东西 東西 些 一些 们 們 先 再 就 也 还 還 着 著 吗 嗎 呢 吧 啊',
    ja: '中 書 書い 書き 書く の に を は で も へ から まで な た て い し す る だ です ます した して してる してい ている てい てる てた いる いない った っ ん さ れ られ せ ください 出して 教えて 抽出 一覧 たい 頃 ごろ にし にして もの こと',
    th: 'เป็น คือ ใช้ บน ผ่าน ได้ แล้ว เคย มี อยู่ ไว้ ให้ ของ การ ความ ช่วย ขอ ราย ชื่อ รายชื่อ แสดง หา ทั้งหมด เลย อะไร อะไรเลย มา ยัง เรา นะ ครับ ค่ะ คะ หน่อย บ้าง ด้วย',
  }),
];
