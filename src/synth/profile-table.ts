/**
 * What the event generator needs to know about each profile, one typed array per field so a
 * million profiles take tens of megabytes instead of a million objects. Also holds the little
 * state that changes while events are generated (orders placed, a coupon in hand).
 */

export const REACH_EMAIL = 1;
export const REACH_SMS = 2;
export const REACH_PUSH = 4;
export const NO_CATEGORY = 255;

export class ProfileTable {
  readonly count: number;
  /** Width of the number in a userId: `u00042` for up to 99,999 profiles. */
  readonly idWidth: number;
  /** Seconds since the epoch the account was created. */
  readonly created: Float64Array;
  /** Relative visit rate, mean 1, heavy-tailed: a few people visit far more than others. */
  readonly activity: Float32Array;
  /** After this second the person no longer visits (Infinity when they never stop). */
  readonly churnAt: Float64Array;
  /** Index into PLATFORMS of the device mostly used. */
  readonly platform: Uint8Array;
  /** Index into CATEGORIES browsed most, or NO_CATEGORY. */
  readonly favourite: Uint8Array;
  /** Chance that a started checkout becomes an order. */
  readonly buyer: Float32Array;
  /** Channels the shop may message the person on (REACH_* bits). */
  readonly reach: Uint8Array;
  readonly orders: Uint32Array;
  /** 0 when no coupon is held, else 1 + index into CAMPAIGN_COUPONS. */
  readonly coupon: Uint8Array;
  readonly couponAt: Float64Array;

  constructor(count: number) {
    this.count = count;
    this.idWidth = Math.max(5, String(count).length);
    this.created = new Float64Array(count);
    this.activity = new Float32Array(count);
    this.churnAt = new Float64Array(count);
    this.platform = new Uint8Array(count);
    this.favourite = new Uint8Array(count);
    this.buyer = new Float32Array(count);
    this.reach = new Uint8Array(count);
    this.orders = new Uint32Array(count);
    this.coupon = new Uint8Array(count);
    this.couponAt = new Float64Array(count);
  }

  /** The number part of profile i's ids (`00042`), shared by its userId and order ids. */
  number(i: number): string {
    return String(i + 1).padStart(this.idWidth, '0');
  }

  userId(i: number): string {
    return `u${this.number(i)}`;
  }
}
