import { formatNumber } from '../text/numbers.js';
import type { OutOfScopeId } from '../lexicon/out-of-scope-words.js';
import { en } from './en.js';
import type { Messages } from './types.js';

const THINGS: Record<OutOfScopeId, string> = {
  in_store: '実店舗での行動', events: 'ウェビナーやイベントへの参加', support: 'カスタマーサポートへの問い合わせ', offline_ads: 'オフライン広告',
  gift_cards: 'ギフトカードやポイント', wishlists: 'ほしい物リスト', searches: '検索', referrals: '紹介やシェア', subscriptions: '有料サブスクリプション', future: 'これから先の行動（記録されているのは過去の行動だけです）',
};

const people = (n: number) => `${formatNumber(n)} 人`;
const share = (s: number | undefined) => (s === undefined ? '' : `上位 ${formatNumber(s)}%、`);

export const ja: Messages = {
  foundEvent: (name) => `イベント ${name} が見つかりました`,
  foundValue: (value, field) => `${field} の値 ${value} が見つかりました`,
  foundTag: (tag) => `タグ ${tag} が見つかりました`,
  foundList: (name) => `リスト ${name} が見つかりました`,
  foundTrait: (name) => `属性 ${name} が見つかりました`,
  foundGlossary: (term, meaning) => `用語「${term}」: ${meaning}`,
  measured: (what) => `${what} を計測しました`,

  promptLength: (min, max, length) => `オーディエンスの説明は ${min}〜${max} 文字で入力してください（現在 ${length} 文字）。`,
  lookbackExceeded: (days) => `ご利用のプランでは ${days} 日分の計算履歴までしか扱えません。`,
  unknownThing: (words) => `このワークスペースのデータに「${words}」が見つかりません。`,
  outOfScope: (thing, alternative) => `このワークスペースのデータでは${THINGS[thing]}を確認できません。${alternative ? `代わりに ${alternative} を使えます。` : ''}`,
  noSuchEvent: (what) => `このワークスペースは「${what}」を記録していません。`,
  missingValue: (value, field, examples) => `${field} が「${value}」の顧客はいません。${examples.length ? `データにある値: ${examples.join('、')}。` : ''}`,
  notRecordedOn: (value, event) => `${event} には「${value}」が記録されていません。`,
  nothingUnderstood: () => 'この説明から条件を見つけられませんでした。顧客の行動や属性を書いてください（例:「過去30日間に購入した顧客」）。',
  unreadLanguage: en.unreadLanguage,

  question: (notion, term) => {
    switch (notion) {
      case 'spend': return `「${term}」とはどの程度ですか？合計購入金額の基準を選んでください:`;
      case 'frequency': return `「${term}」とはどの程度ですか？注文回数を選んでください:`;
      case 'churn': return `「${term}」とはどの程度ですか？最終購入からの期間を選んでください:`;
      case 'likelihood': return `「${term}」とはどの程度ですか？購入確率を選んでください:`;
      case 'interest': return `「${term}」はどの興味を指しますか？`;
      case 'new': return `「${term}」とはどの程度ですか？登録からの期間を選んでください:`;
      case 'page': return `「${term}」はどのページですか？アドレスに含まれる部分を選んでください:`;
      case 'hours': return `「${term}」とはどの時間帯ですか？訪問者の現地時間を選んでください:`;
      case 'engagement': return `「${term}」とはどの程度ですか？利用頻度を選んでください:`;
      case 'satisfaction': return `「${term}」とはどの程度ですか？評価のスコアを選んでください:`;
      case 'size': return `「${term}」とはどの程度ですか？規模を選んでください:`;
    }
  },
  whichEvent: (words) => `「${words}」はこのワークスペースでは複数の意味に取れます。どれですか？`,
  eventOption: (name, description, size) => `${name}${description ? `：${description.replace(/\.$/, '')}` : ''}（${people(size)}）`,
  spendOption: (f) => `合計購入金額が ${f.threshold} を超える（${share(f.share)}${people(f.size)}）`,
  frequencyOption: (f) => `${f.orders} 件以上の注文（${share(f.share)}${people(f.size)}）`,
  churnOption: (days, size) => `最終購入が ${days} 日以上前（${people(size)}）`,
  likelihoodOption: (_trait, threshold, size) => `購入確率が ${formatNumber(threshold)} を超える（${people(size)}）`,
  newOption: (days, size) => `過去 ${days} 日以内に登録（${people(size)}）`,
  interestViewedOption: (value, days, size) => `過去 ${days} 日間に ${value} の商品を閲覧（${people(size)}）`,
  interestBoughtOption: (value, days, size) => `過去 ${days} 日間に ${value} の商品を購入（${people(size)}）`,
  interestClickedOption: (days, size) => `過去 ${days} 日間にメールをクリック（${people(size)}）`,
  quietOption: (event, days, size) => `過去 ${days} 日間に ${event} なし（${people(size)}）`,
  engagementOption: (event, times, days, size) => `過去 ${days} 日間に ${event} が ${times} 回以上（${people(size)}）`,
  scoreOption: (event, property, atMost, days, size) => `過去 ${days} 日間の ${event} で ${property} が ${formatNumber(atMost)} 以下（${people(size)}）`,
  traitAtLeastOption: (trait, threshold, size) => `${trait} が ${formatNumber(threshold)} 以上（${people(size)}）`,
  unplaced: (words, size) => `ほかの部分は読み取れましたが、「${words}」の意味が分かりませんでした（これを除くと${formatNumber(size)}人）。「${words}」はどういう意味ですか？`,
  leaveOut: (words, size) => `「${words}」を除く（${formatNumber(size)}人）`,
  didYouMean: (message) => `${message}次のどれかですか？`,
  sayMeaning: () => '意味を入力する',
  noOneTerm: () => '該当者なし',
  noOne: (lines) => `いま該当する人はいません：${lines.join('、')}。この読み取りで合っていますか？`,
  excluding: (name) => `${name}を除外`,
  keepEmpty: () => 'このままにする（0人）',
  withoutCondition: (line, size) => `「${line}」を除く（${formatNumber(size)}人）`,
  sayChange: () => '変更点を入力する',
  typeNumber: () => '数値を入力する',
  typeAddress: () => 'アドレスの一部を入力する',
  typeTimes: () => '時間帯を入力する',
};
