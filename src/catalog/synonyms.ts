/**
 * The words people use for catalog things that the catalog's own text does not contain.
 * Indexed as extra text of the thing (never as a rewrite of the query), so a match still
 * shows the catalog name. Keys are matched case-insensitively.
 *
 * Events are keyed by the Segment Spec names (e-commerce, email, mobile), which workspaces
 * that follow the spec share; traits by the names the Segment identify spec reserves or that
 * are common in tracking plans. Words in zh-TW, ja and th cover the languages prompts come in.
 */

export const EVENT_SYNONYMS: Record<string, readonly string[]> = {
  'order completed': ['purchase', 'purchased', 'buy', 'buying', 'bought', 'buyer', 'order', 'ordered', 'transaction', 'spend', 'spent', 'revenue', '購買', '購入', '買過', 'ซื้อ', 'สั่งซื้อ'],
  'product added': ['cart', 'add to cart', 'basket', 'bag', '購物車', 'カート', 'ตะกร้า'],
  'product viewed': ['view', 'browse', 'browsing', 'looked at', 'page view', '瀏覽', '閲覧', 'ดูสินค้า'],
  'product removed': ['remove from cart', 'removed from cart'],
  'products searched': ['search', 'searched', 'query'],
  'checkout started': ['checkout', 'check out', '結帳', 'チェックアウト'],
  'order refunded': ['refund', 'return', 'returned', 'money back', '退款', '退貨', '返品', '返金', 'คืนเงิน'],
  'review submitted': ['review', 'reviewed', 'rating', 'rated', 'stars', '評價', '評論', 'レビュー', 'รีวิว'],
  'signed up': ['sign up', 'signup', 'register', 'registered', 'registration', 'joined', 'account created', 'new account', '註冊', '登録', 'สมัคร'],
  'signed in': ['log in', 'login', 'logged in'],
  'coupon claimed': ['coupon', 'voucher', 'promo code', 'discount code'],
  'coupon redeemed': ['coupon', 'voucher', 'used', 'promo code', 'discount code'],
  'session started': ['visit', 'visited', 'session', 'app open', 'launch', 'logged in', '造訪', '訪問'],
  'application opened': ['app open', 'launch', 'launched'],
  'application installed': ['install', 'installed', 'download', 'downloaded'],
  'email delivered': ['email received', 'received', 'sent'],
  'email opened': ['open', 'read'],
  'email link clicked': ['click', 'clicked'],
  'push notification received': ['notification', 'push received'],
  'push notification opened': ['notification', 'tapped'],
  'sms delivered': ['text message', 'received'],
  'sms link clicked': ['text message', 'click'],
};

export const TRAIT_SYNONYMS: Record<string, readonly string[]> = {
  membership_tier: ['loyalty', 'tier', 'level', 'member status', 'membership'],
  created_at: ['joined', 'join date', 'signup date', 'account created', 'registered', 'member since'],
  birthday: ['birth date', 'date of birth', 'dob'],
  age: ['years old', 'aged', '年齡', '年齢', 'อายุ'],
  gender: ['sex', 'women', 'men', '性別', 'เพศ'],
  email_subscribed: ['email opt-in', 'email consent', 'subscribed to email'],
  sms_subscribed: ['sms opt-in', 'sms consent', 'text message'],
  push_enabled: ['push opt-in', 'notifications enabled'],
  language: ['speaks', 'locale', '語言', '言語', 'ภาษา'],
  country: ['nation', 'lives in', '國家', '国', 'ประเทศ'],
  city: ['lives in', 'located', '城市', '都市', 'เมือง'],
  phone: ['phone number', 'mobile number', 'telephone'],
  email: ['email address', 'e-mail'],
};

/** Everyday words for stored values ("iPhone users" are `platform = iOS`). */
export const VALUE_SYNONYMS: Record<string, readonly string[]> = {
  ios: ['iphone', 'ipad', 'apple', 'iOS app'],
  android: ['android phone', 'google pixel', 'samsung', 'galaxy'],
  web: ['desktop', 'website', 'browser', 'computer', 'online', 'laptop'],
  female: ['women', 'woman', 'ladies', 'girls', '女性', 'ผู้หญิง'],
  male: ['men', 'man', 'gentlemen', '男性', 'ผู้ชาย'],
  nonbinary: ['non-binary', 'enby'],
};

/**
 * Names of countries in everyday use that differ from the region names of Intl
 * (`Intl.DisplayNames` gives "United Kingdom" and "UK", but not "Britain").
 */
export const REGION_ALIASES: Record<string, readonly string[]> = {
  GB: ['Britain', 'Great Britain', 'England', 'Scotland', 'Wales'],
  US: ['USA', 'America', 'United States of America'],
  NL: ['Holland'],
  KR: ['Korea'],
  AE: ['UAE', 'Emirates'],
  CZ: ['Czech Republic'],
};

export function synonymsOf(table: Record<string, readonly string[]>, key: string): readonly string[] {
  return table[key.toLowerCase()] ?? [];
}
