/** Comparisons, counts, money and age. */
import { sense } from './sense.js';

export const QUANTITY = [
  sense('at most', { zh: '不超过 不超過 至多 最多 不高于 不高於', ja: '以下', th: 'ไม่เกิน ไม่มากกว่า สูงสุด', role: { kind: 'compare', op: 'at most' } }),
  sense('at least', { zh: '至少 最少 不少于 不少於 以上 或以上', ja: '以上', th: 'อย่างน้อย ไม่น้อยกว่า ขึ้นไป', role: { kind: 'compare', op: 'at least' } }),
  sense('more than', { zh: '超过 超過 多于 多於 大于 大於 高于 高於 多过 多過', ja: '超 超え 超える 超えて より多い', th: 'มากกว่า เกิน เกินกว่า สูงกว่า', role: { kind: 'compare', op: 'more than' } }),
  sense('less than', { zh: '少于 少於 低于 低於 小于 小於 不到 未满 未滿', ja: '未満 より少ない', th: 'น้อยกว่า ต่ำกว่า', role: { kind: 'compare', op: 'less than' } }),
  sense('between', { zh: '介于 介於', ja: '', th: 'ระหว่าง' }),
  sense('times', { zh: '次', ja: '回', th: 'ครั้ง', role: { kind: 'times' } }),
  sense('', { zh: '个 個 件 篇 笔 筆 部 本', ja: '件 本 個 つ', th: 'ชิ้น เรื่อง รายการ', role: { kind: 'counter' } }),
  sense('dollars', { zh: '美元 美金 元 块 塊', ja: 'ドル 米ドル', th: 'ดอลลาร์ เหรียญ USD', role: { kind: 'money' } }),
  sense('years old', { zh: '岁 歲', ja: '歳 才', th: '', role: { kind: 'age' } }),
  sense('age', { zh: '年龄 年齡', ja: '年齢', th: 'อายุ', role: { kind: 'age-prefix' } }),
];
