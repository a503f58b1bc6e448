import { formatNumber } from '../text/numbers.js';
import type { OutOfScopeId } from '../lexicon/out-of-scope-words.js';
import { en } from './en.js';
import type { Messages } from './types.js';

const THINGS: Record<OutOfScopeId, string> = {
  in_store: '實體門市的活動', events: '網路研討會或活動出席', support: '客服聯繫紀錄', offline_ads: '線下廣告', gift_cards: '禮物卡或點數',
  wishlists: '願望清單', searches: '搜尋紀錄', referrals: '推薦或分享', subscriptions: '付費訂閱', future: '未來的行為（資料只記錄已發生的行為）',
};

const people = (n: number) => `${formatNumber(n)} 人`;
const share = (s: number | undefined) => (s === undefined ? '' : `前 ${formatNumber(s)}%，`);

export const zhTw: Messages = {
  foundEvent: (name) => `找到事件 ${name}`,
  foundValue: (value, field) => `找到 ${field} 的值 ${value}`,
  foundTag: (tag) => `找到標籤 ${tag}`,
  foundList: (name) => `找到名單 ${name}`,
  foundTrait: (name) => `找到屬性 ${name}`,
  foundGlossary: (term, meaning) => `找到詞彙「${term}」：${meaning}`,
  measured: (what) => `已計算 ${what}`,

  promptLength: (min, max, length) => `請用 ${min} 到 ${max} 個字描述受眾（目前為 ${length} 個字）。`,
  lookbackExceeded: (days) => `您的方案只支援 ${days} 天的計算歷史。`,
  unknownThing: (words) => `在此工作區的資料中找不到「${words}」。`,
  outOfScope: (thing, alternative) => `此工作區的資料看不到${THINGS[thing]}。${alternative ? `我可以改用 ${alternative}。` : ''}`,
  noSuchEvent: (what) => `此工作區沒有追蹤「${what}」。`,
  missingValue: (value, field, examples) => `沒有顧客的 ${field} 是「${value}」。${examples.length ? `資料中的值：${examples.join('、')}。` : ''}`,
  notRecordedOn: (value, event) => `${event} 沒有記錄「${value}」。`,
  nothingUnderstood: () => '在這段描述中找不到任何條件。請說明顧客做了什麼或是誰，例如「過去 30 天內購買過的顧客」。',
  unreadLanguage: en.unreadLanguage,

  question: (notion, term) => {
    switch (notion) {
      case 'spend': return `「${term}」指的是什麼？請選擇總消費門檻：`;
      case 'frequency': return `「${term}」指的是什麼？請選擇訂單數：`;
      case 'churn': return `「${term}」指的是什麼？請選擇距離上次購買多久：`;
      case 'likelihood': return `「${term}」指的是什麼？請選擇預測購買機率：`;
      case 'interest': return `「${term}」指的是哪一種興趣？`;
      case 'new': return `「${term}」指的是什麼？請選擇註冊多久以內：`;
      case 'page': return `「${term}」是哪些頁面？請選擇網址包含的部分：`;
      case 'hours': return `「${term}」指的是什麼時段？請選擇訪客的當地時間：`;
      case 'engagement': return `「${term}」是指多常使用？請選擇使用頻率：`;
      case 'satisfaction': return `「${term}」是指什麼？請選擇給出的評分：`;
      case 'size': return `「${term}」是指多大？請選擇規模：`;
    }
  },
  whichEvent: (words) => `「${words}」在這個工作區可能有不只一種意思。您指的是哪一個？`,
  eventOption: (name, description, size) => `${name}${description ? `：${description.replace(/\.$/, '')}` : ''}（${people(size)}）`,
  spendOption: (f) => `總消費超過 ${f.threshold}（${share(f.share)}${people(f.size)}）`,
  frequencyOption: (f) => `至少 ${f.orders} 筆訂單（${share(f.share)}${people(f.size)}）`,
  churnOption: (days, size) => `最後一次購買超過 ${days} 天以前（${people(size)}）`,
  likelihoodOption: (_trait, threshold, size) => `預測購買機率高於 ${formatNumber(threshold)}（${people(size)}）`,
  newOption: (days, size) => `過去 ${days} 天內註冊（${people(size)}）`,
  interestViewedOption: (value, days, size) => `過去 ${days} 天內瀏覽過 ${value} 商品（${people(size)}）`,
  interestBoughtOption: (value, days, size) => `過去 ${days} 天內購買過 ${value} 商品（${people(size)}）`,
  interestClickedOption: (days, size) => `過去 ${days} 天內點擊過電子郵件（${people(size)}）`,
  quietOption: (event, days, size) => `過去 ${days} 天沒有 ${event}（${people(size)}）`,
  engagementOption: (event, times, days, size) => `過去 ${days} 天 ${event} 至少 ${times} 次（${people(size)}）`,
  scoreOption: (event, property, atMost, days, size) => `過去 ${days} 天的 ${event} 中 ${property} 在 ${formatNumber(atMost)} 以下（${people(size)}）`,
  traitAtLeastOption: (trait, threshold, size) => `${trait} 至少 ${formatNumber(threshold)}（${people(size)}）`,
  unplaced: (words, size) => `其他部分都讀懂了，但無法理解「${words}」（不含它的受眾有 ${formatNumber(size)} 人）。「${words}」在這裡是什麼意思？`,
  leaveOut: (words, size) => `不使用「${words}」（${formatNumber(size)} 人）`,
  didYouMean: (message) => `${message}您是指下列其中之一嗎？`,
  sayMeaning: () => '讓我說明它的意思',
  noOneTerm: () => '沒有人符合',
  noOne: (lines) => `目前沒有人符合：${lines.join('；')}。這樣理解對嗎？`,
  excluding: (name) => `排除 ${name}`,
  keepEmpty: () => '維持原樣（0 人）',
  withoutCondition: (line, size) => `不含「${line}」（${formatNumber(size)} 人）`,
  sayChange: () => '讓我說明要改什麼',
  typeNumber: () => '讓我輸入數字',
  typeAddress: () => '讓我輸入網址的一部分',
  typeTimes: () => '讓我輸入時段',
};
