/**
 * Japanese requests, rewritten phrase by phrase into parser English. Japanese puts negation
 * and comparison after the verb or number ("購入していない", "40歳以上"); the parser reads a
 * negation with nothing after it as negating what came before, so "purchased not" works.
 */
import { applyRules, cjkNumeralsToDigits, spaceLatinWords, type Rule } from './rules.js';

const W = (en: string) => ` ${en} `;
const MONTHS = '(?:か月|ヶ月|カ月|ヵ月|ケ月|箇月)';

const RULES: Rule[] = [
  [/(\d[\d,]*(?:\.\d+)?)\s*(?:ドル|米ドル)/g, ' $$$1 '],
  [/(\d+)\s*歳\s*(?:から|〜|~|-)\s*(\d+)\s*歳/g, ' aged $1 to $2 '],
  [/(\d+)\s*歳\s*以上/g, ' at least $1 years old '], [/(\d+)\s*歳\s*以下/g, ' at most $1 years old '],
  [/(\d+)\s*歳\s*未満/g, ' under $1 years old '], [/(\d+)\s*歳/g, ' $1 years old '], [/(\d+)\s*代/g, ' in their $1s '],
  [/(\d+)\s*回\s*以上/g, ' at least $1 times '], [/(\d+)\s*回\s*以下/g, ' at most $1 times '], [/(\d+)\s*回/g, ' $1 times '],
  [/(\d+)\s*件\s*(?:の)?\s*注文\s*以上/g, ' at least $1 orders '], [/(\d+)\s*件\s*以上\s*(?:の)?\s*注文/g, ' at least $1 orders '], [/(\d+)\s*件\s*(?:以上)?\s*(?:の)?\s*注文/g, ' $1 orders '],
  [/(\d+)\s*(?:つ)?星/g, ' $1 stars '],
  [/(\$?\d[\d,]*(?:\.\d+)?)\s*(?:を超える|を超え|超え|超|より多い|より多く|より上)/g, ' more than $1 '],
  [/(\$?\d[\d,]*(?:\.\d+)?)\s*以上/g, ' at least $1 '], [/(\$?\d[\d,]*(?:\.\d+)?)\s*以下/g, ' at most $1 '],
  [/(\$?\d[\d,]*(?:\.\d+)?)\s*(?:未満|より少ない|より少なく|より下)/g, ' less than $1 '],
  [/(\d+)\s*(?:から|〜|~)\s*(\d+)/g, ' $1 to $2 '],
  // Windows.
  [/(?:過去|最近|直近|この|ここ)\s*(\d+)\s*日(?:間)?\s*(?:以内)?\s*(?:の間)?\s*(?:に|で|は)?/g, ' in the last $1 days '],
  [/(?:過去|最近|直近|この|ここ)\s*(\d+)\s*週(?:間)?\s*(?:以内)?\s*(?:に|で)?/g, ' in the last $1 weeks '],
  [new RegExp(`(?:過去|最近|直近|この|ここ)\\s*(\\d+)\\s*${MONTHS}(?:間)?\\s*(?:以内)?\\s*(?:に|で)?`, 'g'), ' in the last $1 months '],
  [/(?:過去|最近|直近|この|ここ)\s*(\d+)\s*年(?:間)?\s*(?:以内)?\s*(?:に|で)?/g, ' in the last $1 years '],
  [/(\d+)\s*日(?:間)?\s*以内\s*(?:に|で)?/g, ' in the last $1 days '],
  [/(\d+)\s*週間\s*以内\s*(?:に|で)?/g, ' in the last $1 weeks '],
  [new RegExp(`(\\d+)\\s*${MONTHS}\\s*以内\\s*(?:に|で)?`, 'g'), ' in the last $1 months '],
  [/(\d+)\s*年\s*以内\s*(?:に|で)?/g, ' in the last $1 years '],
  [/(\d+)\s*日(?:間)?\s*(?:に|で)/g, ' in the last $1 days '],
  [new RegExp(`(\\d+)\\s*${MONTHS}(?:間)?\\s*(?:に|で)`, 'g'), ' in the last $1 months '],
  [/(\d+)\s*日\s*(?:以上)?\s*前/g, ' $1 days ago '], [/(\d+)\s*週間\s*(?:以上)?\s*前/g, ' $1 weeks ago '],
  [new RegExp(`(\\d+)\\s*${MONTHS}\\s*(?:以上)?\\s*前`, 'g'), ' $1 months ago '], [/(\d+)\s*年\s*(?:以上)?\s*前/g, ' $1 years ago '],
  [/(?:過去|直近|この)\s*1?\s*週間/g, ' in the last week '], [new RegExp(`(?:過去|直近|この)\\s*1?\\s*${MONTHS}`, 'g'), ' in the last month '],
  [/(?:過去|直近|この)\s*1\s*年(?:間)?/g, ' in the last year '], [/今月/g, ' this month '], [/今年/g, ' this year '], [/今週/g, ' this week '],
  [/最後の購入|最終購入(?:日)?|前回の購入|最後に購入した(?:の)?/g, ' last purchase '],
  [/最終ログイン|最後のログイン|最終訪問/g, ' last visit '],
  // Things outside the data.
  [/実店舗|リアル店舗|店頭|オフライン(?:店舗)?/g, W('physical stores')], [/ウェビナー|セミナー/g, W('webinar')],
  // Vague words.
  [/高額(?:購入|消費)(?:者)?|購入金額が高い|たくさんお金を使う/g, W('high-spending')], [/優良(?:顧客)?|上得意|高価値/g, W('high-value')],
  [/ロイヤル(?:顧客|カスタマー)?|常連|忠実/g, W('loyal')], [/離脱(?:した)?|休眠|チャーン/g, W('churned')],
  [/頻繁に|よく/g, W('frequently')], [/新規(?:顧客|ユーザー|会員)/g, W('new customers')],
  [/購入しそう|購入可能性が高い|買いそう/g, W('likely to buy')], [/興味がある|興味のある|関心のある|関心がある/g, W('interested in')],
  [/特定の(?:商品|製品)/g, W('specific products')], [/特定の(?:キャンペーン|施策)/g, W('specific campaigns')],
  // Glossary words.
  [/非アクティブ/g, W('inactive')], [/アクティブ(?:な)?/g, W('active')],
  [/エンゲージ(?:メント)?(?:の高い|が高い|している)?/g, W('engaged')], [/インタラクション|接触/g, W('interaction')],
  // Booleans.
  [/(?:メール|メルマガ|Eメール)\s*(?:配信)?\s*(?:を|に|の)?\s*(?:購読|登録|受信許諾|オプトイン)(?:している|済み|中|者)?/g, W('subscribed to email')],
  [/SMS\s*(?:を|に)?\s*(?:購読|登録)(?:している|済み|中)?/gi, W('subscribed to sms')],
  [/プッシュ通知\s*(?:を|が)?\s*(?:許可|オン|有効)(?:している|にしている|になっている|済み)?/g, W('push enabled')],
  [/LINE\s*(?:を)?\s*(?:友だち|友達)\s*(?:登録|追加)?(?:している)?|LINE公式アカウント\s*(?:を)?\s*フォロー(?:している)?/gi, W('LINE followers')],
  [/電話番号\s*(?:が)?\s*(?:ない|なし|未登録|登録されていない)/g, W('without a phone number')], [/電話番号/g, W('phone number')],
  [/購入確率|購買確率|購入予測スコア|購入予測/g, W('purchase probability')],
  [/メモ|備考|ノート/g, W('notes')], [/(?:に)?(?:言及|記載|含む|含まれ)(?:している|がある|されている)?/g, W('mention')],
  // The visit (live audiences), before 訪問 is read as a verb.
  [/(?:サイトを)?閲覧(?:する|している|中)(?:の)?(?=\s*(?:新規訪問者|初めての訪問者|初回訪問者|リピーター|再訪問者|訪問者|来訪者|ビジター))/g, W('browsing')],
  [/新規訪問者|初めての訪問者|初回訪問者/g, W('new visitors')], [/リピーター|再訪問者|リピート訪問者/g, W('returning visitors')],
  [/訪問者|来訪者|ビジター/g, W('visitors')],
  [/スマートフォン|スマホ|モバイル/g, W('on mobile')], [/タブレット/g, W('on a tablet')], [/パソコン|デスクトップ/g, W('on desktop')],
  [/週末/g, W('at the weekend')], [/平日/g, W('on weekdays')], [/深夜|夜間/g, W('at night')], [/夕方|夜/g, W('in the evening')],
  [/午前中|朝/g, W('in the morning')], [/午後/g, W('in the afternoon')],
  // Events.
  [/カゴ落ち|かご落ち|カート(?:を)?放棄|カート離脱/g, W('abandoned cart')], [/(?:購入手続き|チェックアウト)(?:を|で|の)?(?:離脱|放棄|中断)/g, W('abandoned checkout')],
  [/カートに(?:追加|入れ)(?:た|て)?/g, W('added to cart')], [/チェックアウト(?:を開始)?|購入手続き(?:を開始)?/g, W('started checkout')],
  [/返金|返品/g, W('refunded')], [/レビュー\s*(?:を)?\s*(?:投稿|書い|書き|残し)?/g, W('left a review')], [/評価/g, W('rating')],
  [/クーポン\s*(?:を)?\s*(?:獲得|取得|受け取)/g, W('claimed a coupon')], [/クーポン\s*(?:を)?\s*(?:利用|使用|使っ|使い)/g, W('used the coupon')],
  [/クーポン/g, W('coupon')],
  [/会員登録|新規登録|サインアップ|登録/g, W('signed up')], [/訪問|来訪|ログイン|アクセス/g, W('visited')], [/経由|から来た/g, W('came from')],
  [/開封|開いた|開いて|開い|開か|開き|開く/g, W('opened')], [/クリック/g, W('clicked')], [/受信|受け取っ|受け取|届い|配信され/g, W('received')],
  [/メール|Eメール|電子メール|メルマガ/g, W('email')], [/プッシュ通知|プッシュ/g, W('push notification')], [/SMS|ショートメッセージ/gi, W('sms')],
  [/プロモーション|販促|キャンペーン/g, W('promotional')],
  [/閲覧|見た|見て|チェックした/g, W('viewed')],
  [/合計購入金額|購入金額の合計|累計購入額|総購入額|合計金額|累計金額|購入総額|総額/g, W('total spend')],
  [/平均注文額|平均購入単価|平均購入金額|客単価/g, W('average order value')],
  [/購入|買い物|お買い物|注文|買っ|買わ|買い|買う/g, W('purchased')], [/使った金額|使用金額|購入金額|使っ/g, W('spent')],
  // Values.
  [/プラチナ/g, W('platinum')], [/ゴールド/g, W('gold')], [/シルバー/g, W('silver')], [/ブロンズ/g, W('bronze')],
  [/会員ランク|ランク|ティア|会員ステータス/g, W('tier')], [/会員/g, W('members')],
  [/女性/g, W('women')], [/男性/g, W('men')], [/アンドロイド/g, W('Android')], [/アイフォン/g, W('iPhone')],
  [/ドイツ/g, W('Germany')], [/日本/g, W('Japan')], [/台湾/g, W('Taiwan')], [/アメリカ|米国/g, W('US')], [/カナダ/g, W('Canada')],
  [/イギリス|英国/g, W('UK')], [/フランス/g, W('France')], [/ブラジル/g, W('Brazil')], [/タイ(?![プムミヤル])/g, W('Thailand')], [/オーストラリア|豪州/g, W('Australia')],
  [/在住(?:の)?|に住んでいる|に住む|住まい(?:の)?/g, W('from')], [/東京/g, W('Tokyo')], [/大阪/g, W('Osaka')], [/台北/g, W('Taipei')], [/高雄/g, W('Kaohsiung')], [/ロンドン/g, W('London')],
  [/マンチェスター/g, W('Manchester')], [/バンコク/g, W('Bangkok')], [/チェンマイ/g, W('Chiang Mai')], [/ニューヨーク/g, W('New York')],
  [/シアトル/g, W('Seattle')], [/シカゴ/g, W('Chicago')], [/オースティン/g, W('Austin')], [/トロント/g, W('Toronto')], [/バンクーバー/g, W('Vancouver')],
  [/ベルリン/g, W('Berlin')], [/ミュンヘン/g, W('Munich')], [/ハンブルク/g, W('Hamburg')], [/パリ/g, W('Paris')], [/リヨン/g, W('Lyon')],
  [/シドニー/g, W('Sydney')], [/メルボルン/g, W('Melbourne')], [/サンパウロ/g, W('Sao Paulo')], [/リオデジャネイロ/g, W('Rio de Janeiro')],
  [/タグ(?:が付いた|付き|が付いている|付けされた)?/g, W('tagged')],
  [/猫好き|猫愛好家|愛猫家/g, W('Cat Lover')], [/犬好き|愛犬家/g, W('Dog Lover')], [/テック好き|テクノロジー愛好家|ガジェット好き/g, W('Tech Enthusiast')],
  [/ペット用品購入者/g, W('Pet Supplies Buyer')], [/ペット用品/g, W('Pet Supplies')], [/猫用品/g, W('Cat Supplies')], [/犬用品/g, W('Dog Supplies')],
  [/美容|コスメ|ビューティー|化粧品/g, W('Beauty')], [/家電|電子機器|エレクトロニクス/g, W('Electronics')], [/おもちゃ|玩具/g, W('Toys')],
  [/アパレル|衣料品|洋服/g, W('Apparel')], [/インテリア|家庭用品|ホーム/g, W('Home')],
  [/ブロックリスト|ブラックリスト/g, W('Blocklist')], [/(?:春の|スプリング)セール(?:の)?参加者/g, W('Spring Sale Attendees')], [/ベータテスター/g, W('Beta Testers')],
  [/リスト/g, W('list')], [/商品|製品|アイテム/g, W('products')],
  // Joins and negation.
  [/に含まれていない|に入っていない|に載っていない|以外/g, W('not in')], [/を除く|を除いた|を除外|除外/g, W('excluding')],
  [/一度も/g, W('never')],
  [/(?:して|し)?(?:い)?(?:ない|ません|なかった|ていない|てない|ていません)/g, W('not')],
  [/最近/g, W('recently')],
  [/または|もしくは|あるいは/g, W('or')], [/が、|けど|しかし|ですが|だが/g, W('but')], [/かつ|および|そして|且つ/g, W('and')],
  [/顧客|お客様|お客さん|ユーザー|会員様|人たち|人|方/g, W('customers')],
  [/、/g, ' , '], [/。/g, ' . '],
];

/** Hiragana glue (particles, verb endings) left between words already in English. */
const GLUE = /(^|\s)[\u3040-\u309f]{1,4}(?=\s|$)/g;

/** "日本と台湾", "ゴールドかプラチナ": a particle between two words already in English joins them. */
const JOINERS: Rule[] = [
  [/(?<=[\x21-\x7e]\s*)(?:と|や)(?=\s*[\x21-\x7e])/g, ' and '],
  [/(?<=[\x21-\x7e]\s*)か(?=\s*[\x21-\x7e])/g, ' or '],
];

/** "追加したが購入していない": "が" after a verb is "but"; marked before verbs are rewritten. */
const BUT_AFTER_VERB: Rule = [/(?<=[たしだすて])(?:が|けど|けれど(?:も)?)(?=[^\u3040-\u309f]|$)/g, 'が、'];

export function jaToEnglish(text: string): string {
  const english = applyRules(applyRules(applyRules(cjkNumeralsToDigits(spaceLatinWords(text)), [BUT_AFTER_VERB]), RULES), JOINERS);
  return english.replace(GLUE, '$1').replace(GLUE, '$1').replace(/\s+/g, ' ').trim();
}
