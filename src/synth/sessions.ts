/**
 * One visit to the shop and what follows from it: a session, product views, some added to the
 * cart, maybe a checkout, maybe an order (with a coupon in hand, or the welcome coupon on a new
 * customer's first order), and days later perhaps a refund or a review.
 */
import { DAY } from './clock.js';
import { Kind } from './event-kinds.js';
import type { GenerationContext } from './generation-context.js';
import { NO_CATEGORY } from './profile-table.js';
import { type Prng, WeightedChoice } from './prng.js';
import {
  COUPONS, PLATFORMS, PRODUCTS, REFERRERS, REVIEW_RATING_WEIGHTS, UTM_SOURCES, WELCOME_COUPON,
} from './vocabulary.js';

const MORE_VIEWS = 0.6;
const MAX_VIEWS = 20;
const ADDS_PER_VIEW = 0.35;
const CHECKOUTS = 0.8;
const FAVOURITE_VIEWS = 0.55;
const WELCOME_ON_FIRST_ORDER = 0.5;
const COUPON_USE = 0.9;
const COUPON_LIFETIME = 45 * DAY;
const REFUNDS = 0.07;
const REVIEWS = 0.15;

/**
 * Mean events one visit produces with the rates above (1 session + 2.5 views + 0.875 adds +
 * 0.46 checkouts + orders with their coupons, refunds and reviews); sizes the visit rate.
 */
export const EVENTS_PER_SESSION = 5.1;

const rating = new WeightedChoice(REVIEW_RATING_WEIGHTS);
const productsOf = new Map<number, number[]>();
PRODUCTS.forEach((p, index) => productsOf.set(p.category, [...(productsOf.get(p.category) ?? []), index]));

/** Products in the cart of the visit being generated (reused from visit to visit). */
const cartProducts: number[] = [];

/** Generates profile i's visit starting at `start`; returns when its last event happened. */
export function runSession(ctx: GenerationContext, i: number, start: number): number {
  const { rng, table, buffer } = ctx;
  const device = rng.chance(0.85) ? (table.platform[i] ?? 0) : rng.int(PLATFORMS.length);
  const utm = rng.chance(0.63) ? rng.int(UTM_SOURCES.length) : -1;
  buffer.add(start, Kind.SessionStarted, i, device, utm, rng.int(REFERRERS.length));

  let t = start;
  let views = 1;
  while (views < MAX_VIEWS && rng.chance(MORE_VIEWS)) views++;
  cartProducts.length = 0;
  let cartValue = 0;
  let items = 0;
  let main = -1;
  for (let v = 0; v < views; v++) {
    t += rng.between(20, 300);
    const product = pickProduct(rng, table.favourite[i] ?? NO_CATEGORY);
    buffer.add(t, Kind.ProductViewed, i, product);
    if (rng.chance(ADDS_PER_VIEW)) {
      t += rng.between(15, 120);
      const quantity = rng.chance(0.6) ? 1 : rng.between(2, 3);
      buffer.add(t, Kind.ProductAdded, i, product, quantity);
      cartProducts.push(product);
      const price = PRODUCTS[product]?.price ?? 0;
      cartValue += price * quantity;
      items += quantity;
      if (main < 0 || price > (PRODUCTS[main]?.price ?? 0)) main = product;
    }
  }
  if (items === 0 || !rng.chance(CHECKOUTS)) return t;

  t += rng.between(30, 200);
  cartValue = cents(cartValue);
  buffer.add(t, Kind.CheckoutStarted, i, 0, 0, 0, 0, cartValue);
  if (!rng.chance(table.buyer[i] ?? 0)) return t;

  t += rng.between(30, 240);
  placeOrder(ctx, i, t, cartValue, items, main);
  return t;
}

function placeOrder(ctx: GenerationContext, i: number, t: number, cartValue: number, items: number, main: number): void {
  const { rng, table, buffer } = ctx;
  const order = (table.orders[i] ?? 0) + 1;
  table.orders[i] = order;
  const coupon = couponFor(ctx, i, t, order);
  const total = coupon < 0 ? cartValue : cents(cartValue * (1 - (COUPONS[coupon]?.discount ?? 0)));
  if (coupon >= 0) buffer.add(t, Kind.CouponRedeemed, i, coupon);
  buffer.add(t, Kind.OrderCompleted, i, order, items, PRODUCTS[main]?.category ?? 0, coupon, total);
  if (rng.chance(REFUNDS)) {
    const amount = rng.chance(0.7) ? total : cents(total * (0.2 + 0.6 * rng.next()));
    buffer.add(t + rng.between(2 * DAY, 14 * DAY), Kind.OrderRefunded, i, order, 0, 0, 0, amount);
  }
  if (rng.chance(REVIEWS)) {
    const reviewed = rng.pick(cartProducts);
    buffer.add(t + rng.between(3 * DAY, 21 * DAY), Kind.ReviewSubmitted, i, reviewed, rating.index(rng) + 1);
  }
}

/** The welcome coupon on a first order placed within the year, else a claimed coupon still valid; -1 for none. */
function couponFor(ctx: GenerationContext, i: number, t: number, order: number): number {
  const { rng, table } = ctx;
  if (order === 1 && (table.created[i] ?? 0) >= ctx.yearStart && rng.chance(WELCOME_ON_FIRST_ORDER)) {
    return WELCOME_COUPON;
  }
  const held = table.coupon[i] ?? 0;
  const claimedAt = table.couponAt[i] ?? 0;
  if (held === 0 || claimedAt > t || t - claimedAt > COUPON_LIFETIME || !rng.chance(COUPON_USE)) return -1;
  table.coupon[i] = 0;
  return held - 1;
}

function pickProduct(rng: Prng, favourite: number): number {
  const leaning = favourite === NO_CATEGORY ? undefined : productsOf.get(favourite);
  if (leaning && rng.chance(FAVOURITE_VIEWS)) return rng.pick(leaning);
  return rng.int(PRODUCTS.length);
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}
