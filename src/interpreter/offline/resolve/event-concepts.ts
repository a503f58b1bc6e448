/**
 * Event concepts ("a purchase", "opened an email") and how each is recognised in a tracking
 * plan by its event name (or, failing that, its description). A verb and object pick the
 * concept; the workspace decides which of its events that is, or that it has none.
 */
import type { ActionId, ObjectId } from '../recognise/mentions.js';

export type ConceptId =
  | 'purchase' | 'product_view' | 'cart_add' | 'checkout' | 'refund' | 'review' | 'coupon_claim' | 'coupon_redeem'
  | 'signup' | 'session' | 'email_open' | 'email_click' | 'email_receive' | 'push_open' | 'push_receive'
  | 'sms_click' | 'sms_receive' | 'cancel';

interface ConceptMatcher {
  /** All must match the event name. */
  name: RegExp[];
  /** Fallback: all must match the description. */
  description?: RegExp[];
  /** What to search the catalog for. */
  query: string;
}

export const CONCEPTS: Record<ConceptId, ConceptMatcher> = {
  purchase: { name: [/\b(order (completed|placed)|purchased?|checkout completed|transaction completed)\b/i], description: [/\bpurchase\b/i], query: 'purchase order completed' },
  product_view: { name: [/\bproduct\b/i, /\bview/i], query: 'product viewed' },
  cart_add: { name: [/\b(product added|added to cart|add to cart|cart add)/i], description: [/added to the (shopping )?cart/i], query: 'product added to cart' },
  checkout: { name: [/checkout (started|initiated)|(started|begin|began) checkout/i], query: 'checkout started' },
  refund: { name: [/refund/i], query: 'order refunded' },
  review: { name: [/review|rated|rating/i], query: 'review submitted' },
  coupon_claim: { name: [/coupon|voucher|promo code/i, /claim|receiv|issued|collect/i], query: 'coupon claimed' },
  coupon_redeem: { name: [/coupon|voucher|promo code/i, /redeem|applied|used/i], query: 'coupon redeemed' },
  signup: { name: [/signed up|sign up|signup|registered|registration|account created/i], query: 'signed up' },
  session: { name: [/session|app opened|application opened|visit/i], query: 'session started visit' },
  email_open: { name: [/e-?mail/i, /open/i], query: 'email opened' },
  email_click: { name: [/e-?mail/i, /click/i], query: 'email link clicked' },
  email_receive: { name: [/e-?mail/i, /deliver|receiv|sent/i], query: 'email delivered received' },
  push_open: { name: [/push/i, /open|tap/i], query: 'push notification opened' },
  push_receive: { name: [/push/i, /deliver|receiv|sent/i], query: 'push notification received' },
  sms_click: { name: [/sms|text/i, /click/i], query: 'sms link clicked' },
  sms_receive: { name: [/sms|text/i, /deliver|receiv|sent/i], query: 'sms delivered' },
  cancel: { name: [/cancel/i], query: 'order cancelled' },
};

export type AbandonmentId = 'cart' | 'checkout' | 'browse';

/**
 * Abandoning is starting a step and not finishing it in the same window: an abandoned cart is
 * an add to cart without a purchase, an abandoned checkout a started checkout without one, an
 * abandoned browse a product view without an add to cart.
 */
export const ABANDONMENT: Record<AbandonmentId, { started: ConceptId; completed: ConceptId }> = {
  cart: { started: 'cart_add', completed: 'purchase' },
  checkout: { started: 'checkout', completed: 'purchase' },
  browse: { started: 'product_view', completed: 'cart_add' },
};

/** Which step was abandoned: the thing named, else a view verb, else the cart people usually mean. */
export function abandonmentOf(actions: readonly ActionId[], objects: readonly ObjectId[]): AbandonmentId {
  if (objects.includes('checkout')) return 'checkout';
  if (objects.includes('cart')) return 'cart';
  if (actions.includes('view') || actions.includes('visit')) return 'browse';
  return 'cart';
}

/** What an action alone looks like in an event name, to pick among events that hold a value. */
export const ACTION_NAME: Partial<Record<ActionId, RegExp>> = {
  open: /open|tap/i,
  click: /click/i,
  receive: /deliver|receiv|sent|claim/i,
  view: /view/i,
  purchase: /order completed|purchase/i,
  claim: /claim/i,
  redeem: /redeem/i,
  use: /redeem|applied|used|order completed/i,
  add: /added/i,
  visit: /session|visit/i,
  signup: /sign/i,
  refund: /refund/i,
  review: /review/i,
};

/** "had an order refunded": the more specific verb says what happened. */
const VERB_PRIORITY: ActionId[] = ['abandon', 'refund', 'return', 'cancel', 'review', 'claim', 'redeem', 'use', 'add', 'start', 'signup', 'click', 'open', 'receive', 'view', 'visit', 'purchase', 'complete', 'generic'];

const CHANNELS: Array<[ObjectId, Partial<Record<ActionId, ConceptId>>, ConceptId]> = [
  ['email', { open: 'email_open', view: 'email_open', click: 'email_click', receive: 'email_receive' }, 'email_receive'],
  ['push', { open: 'push_open', view: 'push_open', click: 'push_open', receive: 'push_receive' }, 'push_receive'],
  ['sms', { click: 'sms_click', open: 'sms_click', receive: 'sms_receive' }, 'sms_receive'],
];

/**
 * The concepts a set of verbs and objects names; empty when they name none (a bare "opened"
 * is settled by the values around it, or not at all).
 */
export function conceptsOf(actions: readonly ActionId[], objects: readonly ObjectId[]): ConceptId[] {
  // "completed checkout", "didn't complete it" (the cart): finishing the purchase path is buying.
  if (actions.includes('complete') && ['checkout', 'cart', 'order'].some((o) => objects.includes(o as ObjectId))) return ['purchase'];
  const verbs = actions.filter((a) => a !== 'generic' && a !== 'complete').sort((a, b) => VERB_PRIORITY.indexOf(a) - VERB_PRIORITY.indexOf(b));
  const verb = verbs[0];
  const has = (o: ObjectId) => objects.includes(o);
  // "signed up via email", "bought from an email": the channel is how, not what was done.
  const channelVerb = !verb || ['open', 'view', 'click', 'receive', 'return'].includes(verb);
  const channelConcepts = channelVerb ? CHANNELS.filter(([o]) => has(o)).map(([, byVerb, fallback]) => (verb ? byVerb[verb] ?? fallback : fallback)) : [];
  if (channelConcepts.length && channelConcepts.every((c) => c !== undefined)) return [...new Set(channelConcepts as ConceptId[])];
  if (verb === 'cancel') return ['cancel'];
  if (has('coupon')) {
    if (verb === 'redeem' || verb === 'use' || verb === 'purchase') return ['coupon_redeem'];
    return ['coupon_claim'];
  }
  if (verb === 'redeem') return ['coupon_redeem'];
  if (verb === 'use' && has('session')) return ['session'];
  if (verb === 'claim') return ['coupon_claim'];
  if (has('review') || verb === 'review') return ['review'];
  if (verb === 'refund' || (verb === 'return' && (has('order') || has('product')))) return ['refund'];
  if (has('checkout') && verb !== 'purchase') return ['checkout'];
  if ((has('cart') && (!verb || verb === 'add' || verb === 'start')) || verb === 'add') return ['cart_add'];
  if (verb === 'signup' || (has('account') && (!verb || verb === 'open' || verb === 'start'))) return ['signup'];
  if ((verb === 'visit' || verb === 'view') && has('product')) return ['product_view'];
  if (verb === 'visit' || verb === 'return' || (has('session') && (!verb || verb === 'open' || verb === 'start'))) return ['session'];
  if (verb === 'view') return ['product_view'];
  if (verb === 'purchase' || has('order')) return ['purchase'];
  return [];
}
