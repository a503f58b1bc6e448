/**
 * How people describe a visit happening now (a live audience): the visitor's device, system and
 * browser, where the visit comes from, the time of day and day of week, and whether it is a
 * first or a later visit. Values are as a visit reports them (see ContextCondition).
 */
import type { DAYS_OF_WEEK, DEVICES } from '../../../definition/schema.js';

type Device = (typeof DEVICES)[number];
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/** Words that make a request about visits: "visitors", "this visit", "right now". */
export const VISIT_MARKERS = [
  'visitor', 'visitors', 'site visitors', 'website visitors', 'web visitors', 'traffic', 'this visit', 'current visit',
  'this session', 'current session', 'right now', 'at the moment', 'live audience', 'live segment',
];

/**
 * Words that say nothing more in a live request than that the visit is happening ("mobile
 * visitors browsing at the weekend"). Outside a live request "browsing" is viewing products.
 */
export const LIVE_FILLERS = [
  'browsing', 'visiting', 'browsing the site', 'browsing our site', 'browsing the website', 'browsing our website',
  'browsing the store', 'browsing our store', 'browsing the shop', 'browsing our shop', 'visiting the site', 'visiting our site',
  'visiting the website', 'visiting our website', 'on the site', 'on our site', 'on the website', 'on our website',
  'this visit', 'current visit', 'this session', 'current session', 'right now', 'at the moment', 'currently', 'now',
  'arriving', 'landing', 'who arrive', 'who land', 'live audience', 'live segment',
];

export interface DeviceWord {
  words: string[];
  /** Written exactly so ("PC", "Edge"). */
  exact?: string[];
  /**
   * Also a profile's trait in a request about history ("iOS users" is the platform trait):
   * read as the visit's only in a live request.
   */
  liveOnly?: boolean;
  /** An everyday word ("phone", "windows") that names a device only after "on", "using" or before "visitors". */
  needsLead?: string[];
}

export const DEVICE_WORDS: Record<Device, DeviceWord> = {
  mobile: {
    words: ['mobile', 'mobiles', 'mobile phone', 'mobile phones', 'mobile device', 'mobile devices', 'smartphone', 'smartphones',
      'smart phone', 'smart phones', 'cell phone', 'cell phones', 'cellphone', 'cellphones', 'mobile web', 'handheld', 'handhelds'],
    needsLead: ['phone', 'phones'],
  },
  desktop: {
    words: ['desktop', 'desktops', 'desktop computer', 'desktop computers', 'computer', 'computers', 'laptop', 'laptops',
      'desktop browser', 'desktop browsers', 'notebook computer'],
    exact: ['PC', 'PCs'],
  },
  tablet: { words: ['tablet', 'tablets', 'ipad', 'ipads', 'tablet device', 'tablet devices', 'android tablet', 'android tablets'] },
};

/** Operating systems, by the name the visit reports. */
export const OS_WORDS: Record<string, DeviceWord> = {
  iOS: { words: ['ios', 'ios devices', 'apple devices', 'apple device'], liveOnly: true },
  Android: { words: ['android', 'android device', 'android devices', 'androids'], liveOnly: true },
  Windows: { words: ['windows pc', 'windows pcs', 'windows computer', 'windows computers', 'windows laptop', 'windows laptops'], exact: ['Windows'], needsLead: ['windows'] },
  macOS: { words: ['macos', 'mac os', 'mac os x', 'os x', 'osx', 'macbook', 'macbooks', 'imac', 'imacs', 'mac computer', 'mac computers'], exact: ['Mac', 'Macs'], needsLead: ['mac', 'macs'] },
  Linux: { words: ['linux', 'ubuntu'] },
  'Chrome OS': { words: ['chrome os', 'chromeos', 'chromebook', 'chromebooks'] },
};

/** An iPhone is a mobile running iOS; an Android phone a mobile running Android. */
export const IPHONE_WORDS = ['iphone', 'iphones', 'iphone users'];
export const ANDROID_PHONE_WORDS = ['android phone', 'android phones', 'android smartphone', 'android smartphones'];

export const BROWSER_WORDS: Record<string, DeviceWord> = {
  Safari: { words: ['safari', 'mobile safari'] },
  Chrome: { words: ['chrome', 'google chrome', 'chrome browser'] },
  Firefox: { words: ['firefox', 'mozilla firefox', 'mozilla'] },
  Edge: { words: ['microsoft edge', 'ms edge', 'edge browser'], exact: ['Edge'], needsLead: ['edge'] },
  Opera: { words: ['opera browser', 'opera mini'], exact: ['Opera'] },
  'Samsung Internet': { words: ['samsung internet', 'samsung browser'] },
  'Internet Explorer': { words: ['internet explorer'], exact: ['IE'] },
};

/** Words before a device that make an everyday word ("phone", "windows") the device. */
export const DEVICE_LEADS = new Set(['on', 'using', 'use', 'uses', 'via', 'from', 'with', 'through', 'in']);
/** Words after a device that make it the device ("phone visitors"). */
export const DEVICE_FOLLOWERS = new Set(['visitor', 'visitors', 'user', 'users', 'traffic', 'shopper', 'shoppers', 'customer', 'customers', 'browser', 'browsers']);
/** "phone number", "mobile number": a profile's contact detail, not a device. */
export const NOT_DEVICE_AFTER = new Set(['number', 'numbers', 'no', 'nr']);

/** Parts of the day, local time, from inclusive to exclusive (night wraps past midnight). */
export const DAY_PARTS: Array<{ words: string[]; from: string; to: string }> = [
  { words: ['morning', 'mornings', 'in the morning', 'in the mornings', 'during the morning', 'in the am'], from: '06:00', to: '12:00' },
  { words: ['afternoon', 'afternoons', 'in the afternoon', 'in the afternoons', 'during the afternoon'], from: '12:00', to: '18:00' },
  { words: ['evening', 'evenings', 'in the evening', 'in the evenings', 'during the evening', 'at evening'], from: '18:00', to: '23:00' },
  { words: ['at night', 'nights', 'during the night', 'overnight', 'late at night', 'late night', 'late-night', 'at nighttime', 'nighttime', 'night-time', 'in the night', 'night owls'], from: '23:00', to: '06:00' },
  { words: ['at lunchtime', 'lunchtime', 'at lunch', 'over lunch', 'during lunch', 'lunch time', 'at lunch time', 'during lunchtime'], from: '12:00', to: '14:00' },
];

export const DAY_NAMES: Record<DayOfWeek, string[]> = {
  monday: ['monday', 'mondays'], tuesday: ['tuesday', 'tuesdays'], wednesday: ['wednesday', 'wednesdays'],
  thursday: ['thursday', 'thursdays'], friday: ['friday', 'fridays'], saturday: ['saturday', 'saturdays'], sunday: ['sunday', 'sundays'],
};
/** Short names, only read in a range ("Mon-Fri"): "sat", "sun" and "wed" are everyday words. */
export const DAY_SHORT: Record<DayOfWeek, string[]> = {
  monday: ['mon'], tuesday: ['tue', 'tues'], wednesday: ['wed'], thursday: ['thu', 'thur', 'thurs'], friday: ['fri'], saturday: ['sat'], sunday: ['sun'],
};
export const WEEKEND_WORDS = ['weekend', 'weekends', 'the weekend', 'the weekends', 'a weekend', 'weekend days'];
export const WEEKDAY_WORDS = ['weekday', 'weekdays', 'a weekday', 'workday', 'workdays', 'working days', 'business days', 'work days', 'the working week', 'the work week'];
/** "outside business hours", "outside of 9am to 5pm": the time that follows, negated. */
export const OUTSIDE_WORDS = ['outside', 'outside of', 'out of'];
/** Words before a day that add nothing: "on Mondays", "at the weekend", "during weekdays". */
export const DAY_LEADS = new Set(['on', 'at', 'over', 'during', 'every', 'each', 'throughout']);

/** Where traffic comes from, by the name in the referrer's address. */
export const TRAFFIC_SOURCES = [
  'google', 'bing', 'yahoo', 'duckduckgo', 'baidu', 'facebook', 'instagram', 'tiktok', 'twitter', 'linkedin', 'pinterest',
  'youtube', 'reddit', 'snapchat', 'threads', 'whatsapp', 'line', 'naver', 'yandex', 'ecosia', 'chatgpt', 'perplexity',
];
/** "coming from google", "referred by facebook.com". */
export const SOURCE_LEADS = [
  'from', 'via', 'through', 'by', 'coming from', 'come from', 'comes from', 'came from', 'coming in from', 'arriving from',
  'arrived from', 'arrive from', 'arrives from', 'referred by', 'referred from', 'referred via', 'sent by', 'sent from',
  'redirected from', 'landing from', 'landed from', 'clicking through from', 'clicked through from', 'who came from',
];
/** "from a Google search", "from Instagram ads": what follows the source name. */
export const SOURCE_TAILS = new Set(['search', 'searches', 'search results', 'results', 'organic', 'link', 'links', 'post', 'posts', 'referral', 'referrals', 'traffic']);
/** Email traffic: the campaign's UTM tags say so (utm_source=newsletter, utm_medium=email). */
export const NEWSLETTER_WORDS = ['newsletter', 'the newsletter', 'our newsletter', 'a newsletter', 'newsletters', 'our newsletters', 'the newsletters'];
export const EMAIL_SOURCE_WORDS = ['email', 'an email', 'emails', 'our emails', 'our email', 'email campaign', 'email campaigns', 'an email campaign', 'email link', 'an email link'];

/** First-time and returning visitors: sessions so far, this one included. */
export const NEW_VISITOR_WORDS = [
  'new visitor', 'new visitors', 'first-time visitor', 'first-time visitors', 'first time visitor', 'first time visitors',
  'first visit', 'first-ever visit', 'new visit', 'new visits', 'visiting for the first time', 'unique new visitors', 'brand new visitors',
];
export const RETURNING_VISITOR_WORDS = [
  'returning visitor', 'returning visitors', 'repeat visitor', 'repeat visitors', 'return visitor', 'return visitors',
  'recurring visitors', 'returning visits', 'repeat visits',
];
/** Said of a visit in a live request; outside one "came back" or "returning" may be about orders. */
export const RETURNING_LIVE_WORDS = ['returning', 'came back', 'come back', 'coming back', 'back again', 'visited before', 'have visited before', 'been here before', 'who return'];
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
/** "on their third visit or later". */
export const OR_LATER = ['or later', 'or more', 'or after', 'or beyond', 'and beyond', 'and later', 'onwards', 'onward', 'or above', 'plus', '+', 'or higher'];

/** How a test on a text field is said: "utm_source is newsletter", "URL contains /checkout". */
export const TEXT_OPS: Array<{ words: string[]; op: 'eq' | 'neq' | 'contains' | 'not_contains' | 'starts_with' | 'matches' | 'ends_with' }> = [
  { words: ['is', '=', '==', 'equals', 'equal to', 'is equal to', 'of', 'set to', 'is set to', ':', 'being', 'exactly', 'is exactly'], op: 'eq' },
  { words: ['is not', "isn't", '!=', 'not equal to', 'does not equal', "doesn't equal", 'other than'], op: 'neq' },
  { words: ['contains', 'contain', 'containing', 'includes', 'include', 'including', 'has', 'with', 'mentions', 'mentioning', 'has in it'], op: 'contains' },
  { words: ['does not contain', "doesn't contain", 'not containing', 'without'], op: 'not_contains' },
  { words: ['starts with', 'start with', 'starting with', 'begins with', 'begin with', 'beginning with', 'is under', 'under'], op: 'starts_with' },
  { words: ['ends with', 'end with', 'ending with', 'ending in', 'ends in'], op: 'ends_with' },
  { words: ['matches', 'match', 'matching', 'matches the pattern', 'matching the pattern', 'matches regex', 'matching regex'], op: 'matches' },
];

/** The page's address and the referrer, as fields a request tests. */
export const URL_SUBJECTS: Array<{ words: string[]; field: 'url' | 'referrer' }> = [
  { words: ['url', 'the url', 'page url', 'the page url', 'current url', 'page address', 'web address', 'site address', 'url path', 'page path', 'path', 'the path', 'their url', 'landing page url', 'current page url', 'address bar'], field: 'url' },
  { words: ['referrer', 'the referrer', 'referer', 'referring url', 'referring page', 'referrer url', 'referring domain', 'referring site', 'referral url', 'referral source', 'referrer domain'], field: 'referrer' },
];
export const PARAM_WORDS = ['url parameter', 'url param', 'query parameter', 'query param', 'query string parameter', 'parameter', 'param', 'url parameters', 'query parameters'];
/** Parameter names that are URL parameters wherever they are said. */
export const PARAM_NAME = /^(utm_[a-z]+|gclid|fbclid|msclkid|ttclid|dclid|wbraid|gbraid)$/i;

/** "on the pricing page", "visiting /checkout": what may come before a page. */
export const PAGE_LEADS = [
  'on', 'at', 'visiting', 'viewing', 'browsing', 'reading', 'looking at', 'landing on', 'landed on', 'land on', 'lands on',
  'currently on', 'currently viewing', 'currently at', 'who are on', 'are on', 'is on', 'sitting on', 'hitting', 'entering on', 'entering at', 'arriving on',
];
export const PAGE_ARTICLES = new Set(['the', 'a', 'an', 'our', 'any', 'their', 'one', 'of', 'its', 'some']);

/** Cookies: "with the cookie plan=pro", "who have the consent cookie". */
export const COOKIE_WORDS = ['cookie', 'cookies'];
export const COOKIE_NAMING = ['named', 'called', 'with the name', 'by the name of'];
