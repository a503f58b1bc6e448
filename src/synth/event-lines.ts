/**
 * The JSON text of each kind of track message, assembled from pieces prepared once: a generated
 * workspace writes tens of millions of lines, and JSON.stringify of an object per event costs
 * several times more than joining constant strings (every value comes from the vocabulary or is
 * a number, so nothing needs escaping at write time).
 */
import { type DayEvents } from './day-buffer.js';
import { Kind } from './event-kinds.js';
import {
  CAMPAIGNS, CATEGORIES, COUPONS, PLATFORMS, PRODUCTS, REFERRERS, SIGNUP_METHODS, UTM_SOURCES,
} from './vocabulary.js';

const str = JSON.stringify;

/** Floats are written with a decimal point (79.0), as in `shop/`, so readers infer a double. */
export function decimal(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/** Everything from the end of the userId to the opening brace of the properties. */
const head = (event: string): string => `","event":${str(event)},"properties":{`;

const PRODUCT_FIELDS = PRODUCTS.map(
  (p) =>
    `"product_id":${str(p.id)},"product_name":${str(p.name)},"category":${str(CATEGORIES[p.category])},"price":${decimal(p.price)}`,
);
const SIGNED_UP = SIGNUP_METHODS.map((m) => `${head('Signed Up')}"method":${str(m)}}`);
const SESSION = PLATFORMS.map((platform) =>
  [undefined, ...UTM_SOURCES].map((utm) =>
    REFERRERS.map(
      (referrer) =>
        `${head('Session Started')}"platform":${str(platform)}${utm === undefined ? '' : `,"utm_source":${str(utm)}`},"referrer":${str(referrer)}}`,
    ),
  ),
);
const VIEWED = PRODUCT_FIELDS.map((fields) => `${head('Product Viewed')}${fields}}`);
const ADDED = PRODUCT_FIELDS.map((fields) => `${head('Product Added')}${fields},"quantity":`);
const CHECKOUT = `${head('Checkout Started')}"cart_value":`;
const ORDER = `${head('Order Completed')}"order_id":"o`;
const CATEGORY = CATEGORIES.map((c) => `,"category":${str(c)}`);
const ORDER_COUPON = COUPONS.map((c) => `,"coupon":${str(c.code)}`);
const REFUND = `${head('Order Refunded')}"order_id":"o`;
const CLAIMED = COUPONS.map((coupon) =>
  CAMPAIGNS.map((c) => `${head('Coupon Claimed')}"coupon_code":${str(coupon.code)},"campaign_name":${str(c.name)}}`),
);
const REDEEMED = COUPONS.map((coupon) => `${head('Coupon Redeemed')}"coupon_code":${str(coupon.code)}}`);
const REVIEW = PRODUCTS.map((p) => `${head('Review Submitted')}"product_id":${str(p.id)},"rating":`);
const emailBodies = (event: string): string[] =>
  CAMPAIGNS.map((c) => `${head(event)}"campaign_name":${str(c.name)},"campaign_type":${str(c.type)}}`);
const campaignBodies = (event: string): string[] => CAMPAIGNS.map((c) => `${head(event)}"campaign_name":${str(c.name)}}`);
const CAMPAIGN_BODIES: Partial<Record<Kind, string[]>> = {
  [Kind.EmailDelivered]: emailBodies('Email Delivered'),
  [Kind.EmailOpened]: emailBodies('Email Opened'),
  [Kind.EmailLinkClicked]: emailBodies('Email Link Clicked'),
  [Kind.PushReceived]: campaignBodies('Push Notification Received'),
  [Kind.PushOpened]: campaignBodies('Push Notification Opened'),
  [Kind.SmsDelivered]: campaignBodies('SMS Delivered'),
  [Kind.SmsLinkClicked]: campaignBodies('SMS Link Clicked'),
};

const orderNumber = (n: number): string => String(n).padStart(3, '0');

/** Writes event lines for a workspace whose userIds have `idWidth` digits. */
export class EventLines {
  constructor(private readonly idWidth: number) {}

  /** The JSONL line of event j of a day; `timestamp` is its ISO time. */
  line(events: DayEvents, j: number, messageId: number, timestamp: string): string {
    const user = String((events.user[j] ?? 0) + 1).padStart(this.idWidth, '0');
    return `{"type":"track","messageId":"m${String(messageId).padStart(8, '0')}","userId":"u${user}${this.body(events, j, user)},"timestamp":"${timestamp}"}\n`;
  }

  private body(e: DayEvents, j: number, user: string): string {
    const kind = e.kind[j] as Kind;
    const a = e.a[j] ?? 0;
    const b = e.b[j] ?? 0;
    const c = e.c[j] ?? 0;
    switch (kind) {
      case Kind.SignedUp:
        return SIGNED_UP[a] ?? '';
      case Kind.SessionStarted:
        return SESSION[a]?.[b + 1]?.[c] ?? '';
      case Kind.ProductViewed:
        return VIEWED[a] ?? '';
      case Kind.ProductAdded:
        return `${ADDED[a]}${b}}`;
      case Kind.CheckoutStarted:
        return `${CHECKOUT}${decimal(e.value[j] ?? 0)}}`;
      case Kind.OrderCompleted: {
        const d = e.d[j] ?? -1;
        const coupon = d < 0 ? '' : ORDER_COUPON[d];
        return `${ORDER}${user}-${orderNumber(a)}","total":${decimal(e.value[j] ?? 0)},"currency":"USD","item_count":${b}${CATEGORY[c]}${coupon}}`;
      }
      case Kind.OrderRefunded:
        return `${REFUND}${user}-${orderNumber(a)}","amount":${decimal(e.value[j] ?? 0)}}`;
      case Kind.CouponClaimed:
        return CLAIMED[a]?.[b] ?? '';
      case Kind.CouponRedeemed:
        return REDEEMED[a] ?? '';
      case Kind.ReviewSubmitted:
        return `${REVIEW[a]}${b}}`;
      default:
        return CAMPAIGN_BODIES[kind]?.[a] ?? '';
    }
  }
}
