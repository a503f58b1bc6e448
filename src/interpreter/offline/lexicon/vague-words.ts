/**
 * Words that sound like a condition but carry no number: the product asks what the user means,
 * with options computed from the data. A glossary entry of the workspace wins over this list.
 */
import type { Notion } from '../recognise/mentions.js';

export const VAGUE_WORDS: Record<Notion, string[]> = {
  spend: [
    'big baskets', 'large baskets', 'big basket', 'big orders', 'large orders', 'small baskets', 'dont pay much', "don't pay much",
    'pay much', 'pay a lot', 'spend much',
    'high-spending', 'high spending', 'high spender', 'high spenders', 'big spender', 'big spenders', 'top spender',
    'top spenders', 'heavy spender', 'heavy spenders', 'biggest spenders', 'best customers', 'top customers',
    'high-value', 'high value', 'valuable', 'most valuable', 'whale', 'whales', 'vip', 'vips', 'v.i.p.', 'premium',
    'big-ticket', 'big ticket', 'spend a lot', 'spent a lot', 'spends a lot', 'lots of money', 'a lot of money',
    'big buyers', 'biggest buyers', 'high-ticket', 'most profitable', 'profitable', 'low-value', 'low value',
    'low spending', 'low spenders', 'spend big', 'deep pockets', 'wealthy', 'rich',
  ],
  frequency: [
    'loyal', 'loyalists', 'loyalty', 'frequent', 'frequently', 'regular', 'regulars', 'regularly', 'often', 'power users',
    'heavy users', 'habitual', 'die-hard', 'superfans', 'super fans', 'fans', 'buy a lot', 'shop a lot', 'buy often',
    'shop often', 'many orders', 'lots of orders', 'a lot of orders', 'many purchases', 'most orders', 'devoted',
    'committed', 'dedicated', 'occasional', 'occasionally', 'rarely', 'infrequent', 'infrequently', 'sometimes',
  ],
  churn: [
    'likely to churn', 'at risk of churning', 'churn risk', 'about to churn', 'kind of dropped off', 'fell off', 'fallen off',
    'churned', 'churning', 'churn', 'lapsed', 'lapsing', 'dormant', 'at risk', 'at-risk', 'lost', 'gone quiet',
    'went quiet', 'disengaged', 'dropped off', 'stopped buying', 'stopped purchasing', 'stopped shopping',
    'stopped ordering', 'no longer buy', 'no longer buying', 'no longer shop', 'slipping away', 'sleeping',
    'inactive', 'lapsed buyers', 'defected', 'abandoned us',
  ],
  likelihood: [
    'expansion candidates', 'expansion', 'upsell candidates', 'upsell', 'upgrade candidates', 'might convert', 'could convert',
    'likely to upgrade', 'ready to upgrade',
    'likely to buy', 'likely to purchase', 'likely to convert', 'likely to order', 'likely buyers', 'high propensity',
    'high intent', 'high-intent', 'ready to buy', 'in-market', 'in market', 'potential buyers', 'likely to shop',
    'about to buy', 'warm leads', 'hot leads', 'prospects', 'purchase intent', 'buying intent',
  ],
  interest: [
    'interested in', 'interest in', 'interested', 'showed interest', 'shown interest', 'curious about',
    'specific products', 'specific campaigns', 'certain products', 'certain campaigns', 'relevant products',
    'particular products', 'particular campaigns',
  ],
  /** Said of a visit: the times differ by business, so they are asked for. */
  hours: ['business hours', 'office hours', 'working hours', 'opening hours', 'work hours', 'normal hours', 'store hours'],
  engagement: [
    'engaged', 'highly engaged', 'most engaged', 'very engaged', 'heavy users', 'heavy user', 'heavy readers', 'heavy viewers', 'heavy',
    'power users', 'super users', 'use us a lot', 'use it a lot', 'using us much', 'using us a lot', 'use the app a lot', 'a lot', 'very active',
    'most active', 'highly active', 'hardly use', 'barely use', 'rarely use', 'light users', 'casual users', 'watch a lot', 'read a lot',
  ],
  satisfaction: [
    'unhappy', 'happy', 'satisfied', 'dissatisfied', 'unsatisfied', 'frustrated', 'annoyed', 'angry', 'detractors', 'promoters',
    'fans of the product', 'love the product', 'love us', 'hate us', 'complainers', 'seem unhappy', 'not happy',
  ],
  size: [
    'big accounts', 'large accounts', 'small accounts', 'big companies', 'large companies', 'small companies', 'enterprise-size',
    'big customers', 'large customers', 'big clients', 'biggest accounts', 'largest accounts', 'key accounts', 'strategic accounts',
  ],
  /** Pages named in words are found by the page recogniser ("on the pricing page"), never from a list. */
  page: [],
  new: ['new customers', 'new users', 'new signups', 'newcomers', 'new shoppers', 'new members', 'new people', 'fresh signups', 'new buyers'],
};
