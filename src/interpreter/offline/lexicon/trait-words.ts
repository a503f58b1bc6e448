/**
 * Other words for traits and event properties, keyed by a pattern on the catalog name so they
 * apply to any workspace whose names look alike.
 */
export const TRAIT_WORDS: Array<{ field: RegExp; words: string[] }> = [
  { field: /^age$/i, words: ['age', 'aged', 'ages', 'years old', 'year old', 'years of age'] },
  { field: /phone|mobile/i, words: ['phone number', 'phone numbers', 'phone', 'mobile number', 'mobile phone number', 'cell number', 'telephone number', 'telephone'] },
  { field: /^e-?mail$/i, words: ['email address', 'email addresses', 'e-mail address'] },
  { field: /tier|loyalty_level|membership/i, words: ['tier', 'tiers', 'membership', 'membership level', 'loyalty tier', 'loyalty level', 'member tier', 'loyalty status', 'membership status'] },
  { field: /created|joined|signup_date/i, words: ['join date', 'joined', 'signup date', 'sign-up date', 'account creation date', 'account created', 'created', 'registration date', 'customer since'] },
  { field: /birth/i, words: ['birthday', 'birthdays', 'born', 'date of birth', 'birth date', 'dob'] },
  { field: /note|comment/i, words: ['notes', 'note', 'contact notes', 'customer notes', 'service notes', 'comments', 'cs notes', 'support notes'] },
  { field: /probab|propens|likel/i, words: ['purchase probability', 'probability', 'propensity', 'likelihood to buy', 'likelihood of buying', 'predicted probability', 'purchase propensity', 'probability of purchase', 'purchase likelihood', 'likelihood of purchase', 'probability of purchasing', 'probability to buy', 'probability to purchase', 'buying probability', 'propensity score', 'purchase score', 'predicted purchase', 'chance of purchase', 'chance to buy'] },
  { field: /^city$/i, words: ['city', 'cities', 'town'] },
  { field: /^country$/i, words: ['country', 'countries'] },
  { field: /^language$/i, words: ['language', 'languages', 'preferred language'] },
  { field: /^gender$/i, words: ['gender', 'sex'] },
  { field: /^platform$/i, words: ['platform', 'device', 'device platform', 'os'] },
  { field: /^tags$/i, words: ['tags', 'tag'] },
];

export const PROPERTY_WORDS: Array<{ field: RegExp; words: string[] }> = [
  { field: /^rating$/i, words: ['rating', 'ratings', 'stars', 'star rating', 'star', 'review rating', 'review ratings', 'review score', 'review scores', 'star ratings', 'score', 'scores'] },
  { field: /^total$/i, words: ['order total', 'order value', 'order amount', 'total', 'basket value', 'order size', 'value'] },
  { field: /^amount$/i, words: ['refund amount', 'amount', 'refunded amount'] },
  { field: /^cart_value$/i, words: ['cart value', 'cart total', 'basket total', 'cart size', 'checkout value', 'checkout total', 'checkout amount', 'cart amount'] },
  { field: /^item_count$/i, words: ['item count', 'number of items', 'items in the order', 'items per order', 'items per purchase', 'items an order', 'items in an order', 'items per basket', 'items per transaction'] },
  { field: /^quantity$/i, words: ['quantity', 'quantities'] },
  { field: /^utm_source$/i, words: ['utm source', 'utm_source', 'traffic source', 'campaign source', 'source'] },
  { field: /^referrer$/i, words: ['referrer', 'referring domain', 'referral source', 'referer'] },
  { field: /^campaign_name$/i, words: ['campaign name', 'campaign', 'campaigns'] },
  { field: /^campaign_type$/i, words: ['campaign type'] },
  { field: /^method$/i, words: ['signup method', 'sign-up method', 'method'] },
  { field: /^price$/i, words: ['price', 'priced', 'prices'] },
];

/** How boolean traits are said: "<channel> <state>" names like email_subscribed, push_enabled. */
export const CHANNEL_WORDS: Record<string, string[]> = {
  email: ['email', 'emails', 'marketing email', 'marketing emails', 'email marketing', 'the newsletter', 'newsletters', 'our newsletter'],
  sms: ['sms', 'text messages', 'texts', 'sms marketing', 'text marketing', 'sms messages'],
  push: ['push', 'push notifications', 'push notification', 'notifications', 'push messages', 'app notifications'],
  line: ['line', 'line official account', 'our line account', 'the line account', "the shop's line official account", 'line oa'],
  whatsapp: ['whatsapp', 'whatsapp messages', 'whats app', 'wa'],
  slack: ['slack', 'slack messages'],
  telegram: ['telegram'],
  wechat: ['wechat', 'weixin'],
};

export const STATE_WORDS: Record<string, { on: string[]; off: string[] }> = {
  subscribed: {
    on: ['subscribed to {c}', 'subscribed for {c}', 'subscribe to {c}', 'subscribes to {c}', '{c} subscribed', '{c} subscriber', '{c} subscribers', '{c} subscription', '{c} subscriptions',
      'opted in to {c}', 'opted into {c}', 'opted-in to {c}', 'opt in to {c}', '{c} opt-in', '{c} opt in', '{c} opted in', '{c} opted-in', 'consented to {c}', 'consent to {c}',
      '{c} consent', '{c} marketing consent', 'signed up for {c}', 'signed up to {c}', 'accept {c}', 'accepts {c}', 'agreed to {c}', 'follow {c}', 'follows {c}', 'followed {c}',
      'following {c}', '{c} follower', '{c} followers', 'follow us on {c}', 'follows us on {c}', 'followed us on {c}', 'following us on {c}',
      'friends with us on {c}', '{c} friends', 'added us on {c}', 'connected on {c}', 'connected with us on {c}', 'followers on {c}', 'friends on {c}', 'subscribed on {c}', 'subscribed via {c}', '{c}-subscribed', '{c} opted', 'allow {c}', 'allows {c}', 'allowed {c}',
      '{c} turned on', '{c} enabled', 'enabled {c}', 'turned on {c}', '{c} switched on', '{c} on'],
    off: ['unsubscribed from {c}', 'unsubscribed to {c}', '{c} unsubscribed', 'opted out of {c}', 'opted-out of {c}', '{c} opt-out', '{c} opt out', '{c} opted out',
      'unsubscribe from {c}', 'unfollowed {c}', '{c} turned off', '{c} disabled', 'disabled {c}', 'turned off {c}', '{c} switched off', '{c} off'],
  },
  enabled: {
    on: ['{c} enabled', 'enabled {c}', '{c} turned on', 'turned on {c}', '{c} on', '{c} allowed', 'allow {c}', 'allows {c}', 'allowed {c}', '{c} permission',
      '{c} permissions', '{c} opt-in', 'opted in to {c}', 'opted into {c}', '{c} opted in', 'enable {c}', 'enables {c}', '{c} active', '{c} activated', 'activated {c}',
      '{c} switched on', 'switched on {c}', 'subscribed to {c}', '{c} subscribers', '{c} subscribed'],
    off: ['{c} disabled', 'disabled {c}', '{c} turned off', 'turned off {c}', '{c} off', '{c} blocked', 'blocked {c}', 'disable {c}', '{c} switched off', 'switched off {c}',
      'opted out of {c}', '{c} opted out', '{c} deactivated'],
  },
};
