/**
 * Things marketers ask about that a web-shop tracking plan usually does not record. Each is
 * flagged only when no event of the workspace mentions its key word, so a workspace that does
 * track store visits is not told otherwise.
 */
export type OutOfScopeId = 'in_store' | 'events' | 'support' | 'offline_ads' | 'gift_cards' | 'wishlists' | 'searches' | 'referrals' | 'subscriptions' | 'future';

export interface OutOfScopeThing {
  words: string[];
  /** Searched for in event names and descriptions before flagging. */
  key: RegExp;
  /** Which thing it is; messages name it in the user's language. */
  id: OutOfScopeId;
}

export const OUT_OF_SCOPE: OutOfScopeThing[] = [
  {
    words: ['physical store', 'physical stores', 'physical shop', 'physical shops', 'in-store', 'in store', 'brick and mortar',
      'brick-and-mortar', 'offline', 'retail store', 'retail stores', 'in person', 'in-person', 'our stores', 'our physical locations',
      'at the store', 'at our store', 'at our stores', 'in our stores', 'store visits', 'store visit', 'the mall', 'pop-up store', 'pop-up shop', 'outlet'],
    key: /\b(store|retail|offline|pos|in-store|physical)\b/i,
    id: 'in_store',
  },
  { words: ['webinar', 'webinars', 'conference', 'conferences', 'trade show', 'workshop', 'workshops', 'seminar', 'seminars', 'livestream', 'live stream'], key: /webinar|conference|seminar|workshop|livestream/i, id: 'events' },
  { words: ['call center', 'phone call', 'phone calls', 'called us', 'called support', 'support ticket', 'support tickets', 'customer service', 'live chat', 'chatted', 'helpdesk', 'contacted support'], key: /ticket|support|call|chat/i, id: 'support' },
  { words: ['direct mail', 'catalog mail', 'postcard', 'postcards', 'flyer', 'flyers', 'tv', 'radio', 'billboard', 'billboards', 'print ad', 'print ads'], key: /mail|postcard|flyer|tv|radio|billboard|print/i, id: 'offline_ads' },
  { words: ['gift card', 'gift cards', 'loyalty card', 'loyalty points', 'points balance', 'reward points'], key: /gift|points|card/i, id: 'gift_cards' },
  { words: ['wishlist', 'wish list', 'wishlists', 'favorited', 'favourited', 'saved for later'], key: /wish|favou?rite|saved/i, id: 'wishlists' },
  { words: ['searched', 'searched for', 'site search', 'searches'], key: /search/i, id: 'searches' },
  { words: ['referred a friend', 'referral program', 'refer a friend', 'referred friends', 'shared a product'], key: /refer|share/i, id: 'referrals' },
  { words: ['subscription box', 'subscription plan', 'subscription renewal', 'renewed', 'churned subscription'], key: /subscription|renew/i, id: 'subscriptions' },
];
