/**
 * The workspace description (`workspace.json`) of a generated shop: the same tracking plan,
 * traits, channels, glossary and lookback as the demo workspace `shop/`, so every word the
 * product understands over `shop/` means the same thing over a generated workspace.
 */

interface PlanField {
  name: string;
  type: string;
  description?: string;
}

interface PlanEvent {
  name: string;
  description: string;
  properties: PlanField[];
}

const EVENTS: PlanEvent[] = [
  {
    name: 'Signed Up',
    description: 'A visitor created an account.',
    properties: [
      { name: 'method', type: 'string', description: 'How they signed up: email, google or apple.' },
    ],
  },
  {
    name: 'Session Started',
    description: 'A visit to the web shop or a launch of the mobile app.',
    properties: [
      { name: 'platform', type: 'string', description: 'iOS, Android or Web.' },
      { name: 'utm_source', type: 'string', description: 'Campaign source from the landing URL.' },
      { name: 'referrer', type: 'string', description: 'Referring domain, or direct.' },
    ],
  },
  {
    name: 'Product Viewed',
    description: 'A product detail page was viewed (browsing).',
    properties: [
      { name: 'product_id', type: 'string' },
      { name: 'product_name', type: 'string' },
      { name: 'category', type: 'string' },
      { name: 'price', type: 'number' },
    ],
  },
  {
    name: 'Product Added',
    description: 'A product was added to the shopping cart.',
    properties: [
      { name: 'product_id', type: 'string' },
      { name: 'product_name', type: 'string' },
      { name: 'category', type: 'string' },
      { name: 'price', type: 'number' },
      { name: 'quantity', type: 'number' },
    ],
  },
  {
    name: 'Checkout Started',
    description: 'The customer opened checkout with the cart.',
    properties: [
      { name: 'cart_value', type: 'number' },
    ],
  },
  {
    name: 'Order Completed',
    description: 'A purchase: the customer placed and paid an order. One event per order.',
    properties: [
      { name: 'order_id', type: 'string' },
      { name: 'total', type: 'number', description: 'Order value in USD after discounts.' },
      { name: 'currency', type: 'string' },
      { name: 'item_count', type: 'number' },
      { name: 'category', type: 'string', description: 'Category of the main item.' },
      { name: 'coupon', type: 'string', description: 'Coupon code applied, if any.' },
    ],
  },
  {
    name: 'Order Refunded',
    description: 'An order was refunded (a return).',
    properties: [
      { name: 'order_id', type: 'string' },
      { name: 'amount', type: 'number' },
    ],
  },
  {
    name: 'Coupon Claimed',
    description: 'The customer claimed a coupon from a campaign.',
    properties: [
      { name: 'coupon_code', type: 'string' },
      { name: 'campaign_name', type: 'string' },
    ],
  },
  {
    name: 'Coupon Redeemed',
    description: 'A coupon was used on an order.',
    properties: [
      { name: 'coupon_code', type: 'string' },
    ],
  },
  {
    name: 'Review Submitted',
    description: 'The customer reviewed a product.',
    properties: [
      { name: 'product_id', type: 'string' },
      { name: 'rating', type: 'number', description: '1 to 5 stars.' },
    ],
  },
  {
    name: 'Email Delivered',
    description: 'A marketing email reached the customer\'s inbox (received).',
    properties: [
      { name: 'campaign_name', type: 'string' },
      { name: 'campaign_type', type: 'string', description: 'promotion or newsletter.' },
    ],
  },
  {
    name: 'Email Opened',
    description: 'The customer opened a marketing email.',
    properties: [
      { name: 'campaign_name', type: 'string' },
      { name: 'campaign_type', type: 'string' },
    ],
  },
  {
    name: 'Email Link Clicked',
    description: 'The customer clicked a link in a marketing email.',
    properties: [
      { name: 'campaign_name', type: 'string' },
      { name: 'campaign_type', type: 'string' },
    ],
  },
  {
    name: 'Push Notification Received',
    description: 'A push notification was delivered to the app.',
    properties: [
      { name: 'campaign_name', type: 'string' },
    ],
  },
  {
    name: 'Push Notification Opened',
    description: 'The customer tapped a push notification.',
    properties: [
      { name: 'campaign_name', type: 'string' },
    ],
  },
  {
    name: 'SMS Delivered',
    description: 'A marketing SMS was delivered.',
    properties: [
      { name: 'campaign_name', type: 'string' },
    ],
  },
  {
    name: 'SMS Link Clicked',
    description: 'The customer clicked a link in a marketing SMS.',
    properties: [
      { name: 'campaign_name', type: 'string' },
    ],
  },
];

const TRAITS: PlanField[] = [
  { name: 'first_name', type: 'string' },
  { name: 'last_name', type: 'string' },
  { name: 'email', type: 'string', description: 'Email address (PII).' },
  { name: 'phone', type: 'string', description: 'Phone number (PII).' },
  { name: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 country code, e.g. US, DE, JP.' },
  { name: 'city', type: 'string' },
  { name: 'language', type: 'string', description: 'Preferred language, BCP 47 code, e.g. en, ja, zh-TW.' },
  { name: 'platform', type: 'string', description: 'Device platform last used: iOS, Android or Web.' },
  { name: 'gender', type: 'string', description: 'female, male or nonbinary.' },
  { name: 'age', type: 'number' },
  { name: 'birthday', type: 'date' },
  { name: 'membership_tier', type: 'string', description: 'Loyalty tier: bronze, silver, gold or platinum.' },
  { name: 'created_at', type: 'datetime', description: 'When the account was created (join date).' },
  { name: 'email_subscribed', type: 'boolean', description: 'Consented to marketing email.' },
  { name: 'sms_subscribed', type: 'boolean', description: 'Consented to marketing SMS.' },
  { name: 'push_enabled', type: 'boolean', description: 'Push notifications allowed on the device.' },
  { name: 'line_subscribed', type: 'boolean', description: 'Follows the shop\'s LINE official account.' },
  { name: 'tags', type: 'string[]', description: 'Tags set by the marketing team.' },
  { name: 'notes', type: 'string', description: 'Free-text contact notes from customer service.' },
  { name: 'predicted_purchase_probability', type: 'number', description: 'Model score from 0 to 1: how likely the customer is to buy in the next 30 days.' },
];

const CHANNELS = {
  email: 'has an email and email_subscribed is true',
  sms: 'has a phone and sms_subscribed is true',
  push: 'push_enabled is true',
  line: 'line_subscribed is true',
};

const GLOSSARY = [
  {
    term: 'active',
    meaning: 'performed Session Started at least once in the last 30 days',
  },
  {
    term: 'engaged',
    meaning: 'performed any of Session Started, Email Opened, Email Link Clicked, Push Notification Opened or SMS Link Clicked in the last 30 days',
  },
  {
    term: 'interaction',
    meaning: 'any of the events Session Started, Email Opened, Email Link Clicked, Push Notification Opened or SMS Link Clicked',
  },
  {
    term: 'recently',
    meaning: 'in the last 30 days',
  },
];

export function workspaceDescription(name: string): Record<string, unknown> {
  return {
    name,
    currency: 'USD',
    timezone: 'UTC',
    lookbackDays: 365,
    trackingPlan: { events: EVENTS, traits: TRAITS },
    channels: CHANNELS,
    glossary: GLOSSARY,
  };
}
