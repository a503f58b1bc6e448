/**
 * The values a synthetic shop draws from, taken from the demo workspace `shop/` so that a
 * generated workspace answers the same questions ("customers in Germany", "gold members",
 * "bought Beauty products", "clicked the Spring Sale email") with the same words.
 */

export const FIRST_NAMES = [
  'Arjun', 'Ava', 'Bea', 'Ben', 'Carlos', 'Chloe', 'Daniel', 'Dara', 'Eli', 'Emma',
  'Felix', 'Grace', 'Hiro', 'Isla', 'Jonas', 'Kai', 'Lena', 'Mia', 'Noah', 'Olivia',
  'Pim', 'Quinn', 'Rin', 'Sofia', 'Tom', 'Uma', 'Vera', 'Wei', 'Yuki', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Brown', 'Chen', 'Dubois', 'Garcia', 'Lee', 'Lin', 'Martin', 'Muller', 'Nguyen',
  'Sato', 'Schmidt', 'Silva', 'Smith', 'Suzuki', 'Tanaka', 'Taylor', 'Wilson', 'Wong',
] as const;

export interface Country {
  code: string;
  language: string;
  cities: readonly string[];
  /** Share of profiles living there, as in `shop/`. */
  weight: number;
  /** LINE is only offered where the shop runs a LINE official account. */
  hasLine: boolean;
}

export const COUNTRIES: readonly Country[] = [
  { code: 'US', language: 'en', cities: ['Seattle', 'Austin', 'New York', 'Chicago'], weight: 32, hasLine: false },
  { code: 'CA', language: 'en', cities: ['Vancouver', 'Toronto'], weight: 9.4, hasLine: false },
  { code: 'DE', language: 'de', cities: ['Munich', 'Hamburg', 'Berlin'], weight: 9.4, hasLine: false },
  { code: 'JP', language: 'ja', cities: ['Tokyo', 'Osaka'], weight: 9, hasLine: true },
  { code: 'GB', language: 'en', cities: ['Manchester', 'London'], weight: 8.3, hasLine: false },
  { code: 'TW', language: 'zh-TW', cities: ['Kaohsiung', 'Taipei'], weight: 8.1, hasLine: true },
  { code: 'AU', language: 'en', cities: ['Sydney', 'Melbourne'], weight: 6.5, hasLine: false },
  { code: 'FR', language: 'fr', cities: ['Paris', 'Lyon'], weight: 6.3, hasLine: false },
  { code: 'BR', language: 'pt', cities: ['Sao Paulo', 'Rio de Janeiro'], weight: 5.7, hasLine: false },
  { code: 'TH', language: 'th', cities: ['Chiang Mai', 'Bangkok'], weight: 5.5, hasLine: true },
];

export const PLATFORMS = ['iOS', 'Android', 'Web'] as const;
export const PLATFORM_WEIGHTS = [38, 36, 26];
export const APP_PLATFORMS = 2; // iOS and Android come first: the ones that can receive push

export const GENDERS = ['female', 'male', 'nonbinary'] as const;
export const GENDER_WEIGHTS = [41, 39, 20];

export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export const TIER_WEIGHTS = [45, 30, 16, 9];

export const CATEGORIES = [
  'Apparel', 'Beauty', 'Cat Supplies', 'Dog Supplies', 'Electronics', 'Home', 'Toys',
] as const;

export interface Product {
  id: string;
  name: string;
  /** Index into CATEGORIES. */
  category: number;
  price: number;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'app-001', name: 'Rain Jacket', category: 0, price: 89 },
  { id: 'app-002', name: 'Wool Socks', category: 0, price: 14 },
  { id: 'app-003', name: 'Sneakers', category: 0, price: 119 },
  { id: 'bea-001', name: 'Face Serum', category: 1, price: 38 },
  { id: 'bea-002', name: 'Lip Balm', category: 1, price: 6.5 },
  { id: 'bea-003', name: 'Perfume', category: 1, price: 95 },
  { id: 'cat-001', name: 'Salmon Cat Food', category: 2, price: 24 },
  { id: 'cat-002', name: 'Scratching Post', category: 2, price: 39 },
  { id: 'cat-003', name: 'Cat Litter 10kg', category: 2, price: 18.5 },
  { id: 'dog-001', name: 'Chew Toy', category: 3, price: 9.5 },
  { id: 'dog-002', name: 'Dog Bed', category: 3, price: 79 },
  { id: 'dog-003', name: 'Grain-Free Kibble', category: 3, price: 54 },
  { id: 'ele-001', name: 'Wireless Earbuds', category: 4, price: 129 },
  { id: 'ele-002', name: 'Smart Watch', category: 4, price: 249 },
  { id: 'ele-003', name: 'USB-C Charger', category: 4, price: 29 },
  { id: 'hom-001', name: 'Ceramic Mug', category: 5, price: 16 },
  { id: 'hom-002', name: 'Desk Lamp', category: 5, price: 45 },
  { id: 'hom-003', name: 'Linen Sheets', category: 5, price: 139 },
  { id: 'toy-001', name: 'Puzzle 1000pc', category: 6, price: 22 },
  { id: 'toy-002', name: 'Building Blocks', category: 6, price: 59 },
  { id: 'toy-003', name: 'Plush Bear', category: 6, price: 19 },
];

export interface Tag {
  name: string;
  weight: number;
  /** The category a person with this tag leans towards when browsing, if any. */
  category?: number;
}

/** Sorted by name, as tags are written sorted. */
export const TAGS: readonly Tag[] = [
  { name: 'Bargain Hunter', weight: 15 },
  { name: 'Beauty Insider', weight: 16, category: 1 },
  { name: 'Cat Lover', weight: 15.5, category: 2 },
  { name: 'Dog Lover', weight: 17, category: 3 },
  { name: 'Newsletter', weight: 20 },
  { name: 'Parent', weight: 15.5, category: 6 },
  { name: 'Pet Supplies Buyer', weight: 25 },
  { name: 'Tech Enthusiast', weight: 15, category: 4 },
  { name: 'Wholesale', weight: 8 },
];
export const TAG_COUNT_WEIGHTS = [20, 35, 28, 13, 3.7, 0.7];

export const NOTES = [
  'Complained about late delivery in spring',
  'VIP customer, prefers express shipping',
  'Returned an item due to wrong size',
  'Interested in loyalty program',
  'Allergic to fragrance products',
  'Requested invoice copies',
  'Asked about wholesale pricing',
  'High-value customer, handle with care',
] as const;
export const NOTE_WEIGHTS = [43, 28, 28, 25, 22, 21, 20, 17];

export const SIGNUP_METHODS = ['email', 'google', 'apple'] as const;
export const UTM_SOURCES = ['facebook', 'instagram', 'google', 'tiktok', 'newsletter'] as const;
export const REFERRERS = [
  'direct', 'instagram.com', 'newsletter', 'google.com', 'tiktok.com', 'facebook.com',
] as const;

export interface Campaign {
  name: string;
  type: 'promotion' | 'newsletter';
}

/** Campaigns run in this order, one every two weeks, and then start over. */
export const CAMPAIGNS: readonly Campaign[] = [
  { name: 'Spring Sale', type: 'promotion' },
  { name: 'Summer Clearance', type: 'promotion' },
  { name: 'Back to School', type: 'promotion' },
  { name: 'Black Friday Preview', type: 'promotion' },
  { name: 'Monthly Newsletter', type: 'newsletter' },
  { name: 'New Arrivals', type: 'newsletter' },
  { name: 'Loyalty Rewards', type: 'promotion' },
];

export interface Coupon {
  code: string;
  /** Share of the cart taken off. */
  discount: number;
}

/**
 * The first CLAIMABLE_COUPONS are handed out by promotions; WELCOME10 is never claimed, new
 * customers get it at checkout on their first order.
 */
export const COUPONS: readonly Coupon[] = [
  { code: 'FREESHIP', discount: 0.05 },
  { code: 'SPRING20', discount: 0.2 },
  { code: 'VIP15', discount: 0.15 },
  { code: 'WELCOME10', discount: 0.1 },
];
export const CLAIMABLE_COUPONS = 3;
export const WELCOME_COUPON = 3;

export const REVIEW_RATING_WEIGHTS = [13, 13, 12, 24, 38]; // 1 to 5 stars
