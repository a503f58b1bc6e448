/** Time: units, windows ("過去", "以内", "ที่ผ่านมา"), ago, and times of day and week. */
import { sense } from './sense.js';

export const TIME = [
  sense('days', { zh: '天 日', ja: '日 日間', th: 'วัน', role: { kind: 'unit', unit: 'days' } }),
  sense('weeks', { zh: '周 週 星期 个星期 個星期 礼拜 禮拜', ja: '週 週間', th: 'สัปดาห์ อาทิตย์', role: { kind: 'unit', unit: 'weeks' } }),
  sense('months', { zh: '月 个月 個月', ja: 'ヶ月 か月 カ月 ヵ月 ケ月 ヶ月間 か月間 カ月間', th: 'เดือน', role: { kind: 'unit', unit: 'months' } }),
  sense('years', { zh: '年', ja: '年 年間', th: 'ปี', role: { kind: 'unit', unit: 'years' } }),
  sense('in the last 6 months', { zh: '半年', ja: '半年', th: 'ครึ่งปี', role: { kind: 'duration', amount: 6, unit: 'months' } }),
  sense('in the last week', { zh: '一周 一週 一星期', ja: '一週間', th: '', role: { kind: 'duration', amount: 1, unit: 'weeks' } }),
  sense('in the last month', { zh: '一个月 一個月', ja: '一ヶ月 一か月 一カ月', th: '', role: { kind: 'duration', amount: 1, unit: 'months' } }),
  sense('recently', { zh: '最近', ja: '最近 直近', th: 'ล่าสุด เมื่อเร็วๆนี้ ช่วงนี้', role: { kind: 'past' } }),
  sense('', { zh: '过去 過去 近 这 這', ja: '過去 ここ この', th: 'ที่ผ่านมา ผ่านมา ย้อนหลัง', role: { kind: 'past' } }),
  sense('', { zh: '前', role: { kind: 'before' } }),
  sense('in', { th: 'ใน ภายใน ในช่วง ช่วง', role: { kind: 'within' } }),
  sense('', { zh: '内 內 之内 之內 以内 以內 以来 以來 里 裡 来 來', ja: '以内 内 の間 間', role: { kind: 'within' } }),
  sense('ago', { zh: '以前 之前', ja: '前', th: 'ที่แล้ว ก่อน มาแล้ว', role: { kind: 'ago' } }),
  sense('this month', { zh: '这个月 這個月 本月', ja: '今月', th: 'เดือนนี้' }),
  sense('this year', { zh: '今年', ja: '今年', th: 'ปีนี้' }),
  sense('this week', { zh: '本周 本週 这周 這週', ja: '今週', th: 'สัปดาห์นี้' }),
  sense('ever', { zh: '至今 到目前为止 到目前為止', ja: '今まで これまで', th: 'จนถึงตอนนี้' }),
  sense('at the weekend', { zh: '周末 週末', ja: '週末', th: 'สุดสัปดาห์ เสาร์อาทิตย์' }),
  sense('on weekdays', { zh: '平日 工作日', ja: '平日', th: 'วันธรรมดา' }),
  sense('at night', { zh: '深夜 半夜', ja: '深夜 夜間', th: 'กลางคืน ตอนดึก' }),
  sense('in the evening', { zh: '晚上 傍晚', ja: '夕方 夜', th: 'ตอนเย็น ตอนค่ำ' }),
  sense('in the morning', { zh: '早上 上午', ja: '午前中 朝', th: 'ตอนเช้า' }),
  sense('in the afternoon', { zh: '下午', ja: '午後', th: 'ตอนบ่าย' }),
];
