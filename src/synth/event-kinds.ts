/**
 * The kinds of track message a generated shop writes, as small numbers so buffered events live
 * in typed arrays (a few bytes each) until their day is written, and are only turned into
 * text then. What the fields a–d and value hold for each kind is listed beside it.
 */
export const Kind = {
  SignedUp: 0, // a: SIGNUP_METHODS index
  SessionStarted: 1, // a: PLATFORMS index, b: UTM_SOURCES index or -1, c: REFERRERS index
  ProductViewed: 2, // a: PRODUCTS index
  ProductAdded: 3, // a: PRODUCTS index, b: quantity
  CheckoutStarted: 4, // value: cart value
  OrderCompleted: 5, // a: order number, b: item count, c: CATEGORIES index, d: COUPONS index or -1, value: total
  OrderRefunded: 6, // a: order number, value: amount
  CouponClaimed: 7, // a: COUPONS index, b: CAMPAIGNS index
  CouponRedeemed: 8, // a: COUPONS index
  ReviewSubmitted: 9, // a: PRODUCTS index, b: rating
  EmailDelivered: 10, // a: CAMPAIGNS index (so are all the campaign kinds below)
  EmailOpened: 11,
  EmailLinkClicked: 12,
  PushReceived: 13,
  PushOpened: 14,
  SmsDelivered: 15,
  SmsLinkClicked: 16,
} as const;

export type Kind = (typeof Kind)[keyof typeof Kind];
