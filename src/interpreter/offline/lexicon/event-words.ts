/**
 * How people say what a customer did: verbs (actions) and the things they act on (objects).
 * A verb and an object together pick an event concept (see resolve/event-concepts.ts); the
 * concept is then found in the workspace's own tracking plan.
 */
import type { ActionId, ObjectId } from '../recognise/mentions.js';

export const ACTION_WORDS: Record<ActionId, string[]> = {
  purchase: [
    'purchase', 'purchased', 'purchasing', 'bought', 'buy', 'buys', 'buying', 'shop', 'shopped', 'shopping',
    'ordered', 'ordering', 'checked out', 'converted', 'made a purchase', 'made purchases', 'make a purchase',
    'completed a purchase', 'completed an order', 'complete an order', 'completed orders', 'placed an order',
    'place an order', 'placed orders', 'buyer', 'buyers', 'purchaser', 'purchasers',
  ],
  view: ['viewed', 'view', 'viewing', 'looked at', 'look at', 'looking at', 'browsed', 'browse', 'browsing', 'saw', 'seen', 'checked'],
  add: ['added', 'add', 'adding', 'put', 'putting', 'placed in', 'add to cart', 'added to cart', 'added to their cart'],
  start: ['started', 'start', 'starting', 'began', 'begin', 'begun', 'initiated', 'initiate', 'reached', 'went to', 'go to', 'proceeded to'],
  refund: ['refunded', 'refund', 'refunds', 'got a refund', 'received a refund', 'requested a refund', 'were refunded', 'was refunded'],
  return: ['returned', 'return', 'returning'],
  review: ['reviewed', 'rated', 'rate', 'reviewing', 'wrote a review', 'left a review', 'leave a review', 'submitted a review', 'posted a review', 'gave a rating', 'left a rating'],
  claim: ['claimed', 'claim', 'claiming', 'collected', 'collect', 'grabbed', 'picked up'],
  redeem: ['redeemed', 'redeem', 'redeeming', 'redeems', 'applied', 'apply', 'applying'],
  use: ['used', 'use', 'uses', 'using'],
  signup: [
    'signed up', 'sign up', 'signs up', 'signup', 'signups', 'registered', 'register', 'registration',
    'created an account', 'create an account', 'created accounts', 'opened an account', 'joined', 'join',
    'became a customer', 'became customers', 'account creation',
  ],
  visit: [
    'visited', 'visit the site', 'visited the site', 'came from', 'come from', 'comes from', 'coming from', 'came to', 'came',
    'arrived', 'arrived from', 'landed', 'landed from', 'logged in', 'log in', 'logs in', 'login', 'logins', 'signed in',
    'sign in', 'launched the app', 'opened the app', 'open the app', 'used the app', 'use the app', 'started a session',
    'had a session', 'referred by', 'referred from', 'acquired from', 'acquired through', 'acquired via',
  ],
  open: ['opened', 'open', 'opens', 'opening', 'read', 'tapped', 'tap', 'tapped on', 'engaged with'],
  click: ['clicked', 'click', 'clicks', 'clicking', 'clicked on', 'clicked through', 'click on', 'clicked a link in', 'clicked links in', 'clicked a link'],
  receive: ['received', 'receive', 'receives', 'receiving', 'got', 'get', 'gets', 'getting', 'were sent', 'was sent', 'sent', 'delivered', 'been sent'],
  cancel: ['cancelled', 'canceled', 'cancel', 'cancellation', 'cancellations'],
  /** Finishing what was started: a checkout or cart completed is a purchase; otherwise it says nothing. */
  complete: ['completed', 'complete', 'completing', 'finished', 'finish', 'finishing', 'went through with', 'follow through with', 'followed through with', 'followed through on'],
  /** Started something and did not finish it (see ABANDONMENT in resolve/event-concepts.ts). */
  abandon: [
    'abandoned', 'abandon', 'abandons', 'abandoning', 'abandoner', 'abandoners', 'abandonment', 'abandonments',
    'left items in', 'left products in', 'left something in', 'left things in', 'left stuff in', 'left an item in',
    'dropped off at', 'dropped out of', 'bailed on', 'bailed at', 'bailed out of', 'walked away from',
  ],
  generic: [
    'placed', 'place', 'made', 'make', 'left', 'leave', 'wrote', 'write', 'submitted',
    'submit', 'posted', 'post', 'gave', 'give', 'performed', 'perform', 'did', 'done', 'had', 'triggered', 'fired',
  ],
};

export const OBJECT_WORDS: Record<ObjectId, string[]> = {
  email: ['email', 'emails', 'mail', 'mails', 'marketing email', 'marketing emails', 'email campaign', 'email campaigns', 'newsletter email', 'newsletter emails', 'email message'],
  push: ['push notification', 'push notifications', 'push', 'pushes', 'push message', 'push messages', 'notification', 'notifications', 'app notification', 'app notifications', 'push campaign'],
  sms: ['sms', 'sms message', 'sms messages', 'text message', 'text messages', 'texts', 'sms campaign'],
  product: ['product', 'products', 'item', 'items', 'product page', 'product pages', 'goods', 'merchandise', 'product detail page'],
  cart: ['cart', 'carts', 'shopping cart', 'basket', 'baskets', 'shopping bag', 'to cart', 'to their cart', 'to the cart', 'to a cart', 'to their basket'],
  checkout: ['checkout', 'checkouts', 'the checkout'],
  order: ['order', 'orders', 'purchase', 'purchases', 'transaction', 'transactions'],
  coupon: ['coupon', 'coupons', 'discount code', 'discount codes', 'promo code', 'promo codes', 'voucher', 'vouchers', 'coupon code', 'coupon codes', 'discount', 'code'],
  review: ['review', 'reviews', 'product review', 'product reviews'],
  account: ['account', 'accounts'],
  session: ['session', 'sessions', 'visit', 'visits', 'app', 'the app', 'site', 'website', 'the website', 'web shop', 'webshop', 'online store', 'online shop', 'app session', 'app sessions'],
};

/** "repeat customers" is a count people agree on; so is "one-time buyers". */
export const REPEAT_WORDS: Array<[string, 'gte2' | 'eq1']> = [
  ['repeat customer', 'gte2'], ['repeat customers', 'gte2'], ['repeat buyer', 'gte2'], ['repeat buyers', 'gte2'],
  ['repeat purchaser', 'gte2'], ['repeat purchasers', 'gte2'], ['returning customers', 'gte2'], ['returning buyers', 'gte2'],
  ['one-time buyer', 'eq1'], ['one-time buyers', 'eq1'], ['one-time customers', 'eq1'], ['one-time purchasers', 'eq1'],
  ['single-purchase customers', 'eq1'],
];
