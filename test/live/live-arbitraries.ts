/** fast-check arbitraries for live audiences: definitions and visitors drawn from one small vocabulary, so they often meet. */
import fc from 'fast-check';
import type { Condition } from '../../src/definition/schema.js';

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const someOf = <T>(...xs: T[]) => fc.uniqueArray(pick(...xs), { minLength: 1, maxLength: 3 });

const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
const COUNTRIES = ['DE', 'de', 'AT', 'US'];
const CITIES = ['Berlin', 'berlin', 'Paris', 'MÜNCHEN'];
const OSES = ['ios', 'Android', 'Windows', 'macOS'];
const BROWSERS = ['Safari', 'chrome', 'Firefox'];
const PARAMS = ['utm_source', 'UTM_Campaign', 'q', 'flag'];
const COOKIES = ['plan', 'Consent', 'staff'];
const WORDS = ['spring', 'Spring', 'autumn', 'cat food', 'products', 'gold', '1'];
const URL_TEXT = ['shop.example.com', '/products/', 'utm_source=spring', 'HTTPS://', 'https://shop.example.com/', 'google', 'cat%20food'];
const PATTERNS = ['products/(cat|dog)', '^https://', 'spring$', '[0-9]+', 'GOOGLE\\.[a-z]+', '(a+)+$', '(unclosed', '(?<=x)y'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const UAS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; SM-X706B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Googlebot/2.1 (+http://www.google.com/bot.html)',
];

const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const textOp = pick('eq', 'neq', 'contains', 'not_contains', 'starts_with', 'matches', 'not_matches');
const textValue = (op: string, vocabulary: string[]) => (op.endsWith('matches') ? pick(...PATTERNS) : pick(...vocabulary));
const textTest = (vocabulary: string[]) => textOp.chain((op) => textValue(op, vocabulary).map((value) => ({ op, value })));
const setTest = (vocabulary: string[]) => fc.record({ op: pick('in', 'not_in'), value: someOf(...vocabulary) });
const presence = fc.record({ op: pick('exists', 'not_exists') });

/** One drawn visit condition before its test is spread in: some fields draw `op` and `value` directly, others a `test`. */
type ContextDraw = { field: string; name?: string; op?: string; value?: unknown; test?: Record<string, unknown> };

const contextDraw: fc.Arbitrary<ContextDraw> = fc.oneof(
  fc.record({ field: fc.constant('device'), op: pick('in', 'not_in'), value: someOf(...DEVICES) }),
  fc.record({ field: fc.constant('country'), test: setTest(COUNTRIES) }),
  fc.record({ field: fc.constant('city'), test: setTest(CITIES) }),
  fc.record({ field: fc.constant('os'), test: setTest(OSES) }),
  fc.record({ field: fc.constant('browser'), test: setTest(BROWSERS) }),
  fc.record({ field: pick('url', 'referrer'), test: fc.oneof(textTest(URL_TEXT), presence) }),
  fc.record({ field: fc.constant('url_param'), name: pick(...PARAMS), test: fc.oneof(textTest(WORDS), setTest(WORDS), presence) }),
  fc.record({ field: fc.constant('cookie'), name: pick(...COOKIES), test: fc.oneof(textTest(WORDS), setTest(WORDS), presence) }),
  fc.record({ field: fc.constant('local_time'), op: fc.constant('between'), value: fc.tuple(clock, clock) }),
  fc.record({ field: fc.constant('day_of_week'), op: pick('in', 'not_in'), value: someOf(...DAYS) }),
  fc.record({ field: fc.constant('session_count'), op: pick('eq', 'neq', 'gt', 'gte', 'lt', 'lte'), value: fc.integer({ min: 0, max: 4 }) }),
);
const contextCondition: fc.Arbitrary<Record<string, unknown>> = contextDraw.map(({ test, ...rest }) => ({ type: 'context', ...rest, ...test }));

const TRAITS = ['plan', 'age', 'tags', 'shopping_for', 'budget'];
const scalar = fc.oneof(pick('gold', 'silver', 'cat', 'Cat', '2026-11-20'), fc.integer({ min: 0, max: 50 }), fc.boolean());
const traitCondition: fc.Arbitrary<Record<string, unknown>> = fc.record({
  trait: pick(...TRAITS),
  test: fc.oneof(
    presence,
    fc.record({ op: pick('eq', 'neq', 'gt', 'gte', 'lt', 'lte'), value: scalar }),
    fc.record({ op: pick('in', 'not_in'), value: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant('between'), value: fc.oneof(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), fc.constant(['2026-11-01', '2026-12-01'])) }),
    fc.record({ op: pick('contains', 'not_contains'), value: pick('ca', 'GOLD', 'x') }),
    fc.record({ op: pick('contains_any', 'contains_all', 'contains_none'), value: someOf('cat', 'dog', 'Cat Lover') }),
    fc.record({ op: pick('in_last', 'before_last'), amount: fc.integer({ min: 1, max: 30 }), unit: pick('days', 'weeks') }),
  ),
}).map(({ trait, test }) => ({ type: 'trait', trait, ...test }));

const historyCondition: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant('event'), events: fc.constant(['Order Completed']), count: fc.record({ op: pick('gte', 'eq'), value: fc.integer({ min: 0, max: 2 }) }) }),
  fc.record({ type: fc.constant('list'), list: pick('VIP', 'Blocklist'), op: pick('in', 'not_in') }),
  fc.record({ type: fc.constant('recency'), events: fc.constant(['Page Viewed']), op: fc.constant('never') }),
);

const leaf = fc.oneof({ weight: 6, arbitrary: contextCondition }, { weight: 3, arbitrary: traitCondition }, { weight: 1, arbitrary: historyCondition });
const group = (depth: number): fc.Arbitrary<Record<string, unknown>> => fc.record({
  type: fc.constant('group'),
  op: pick('and', 'or'),
  conditions: fc.array(depth > 0 ? fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: group(depth - 1) }) : leaf, { minLength: 1, maxLength: 4 }),
});

/** Definition input (parse it with defineAudience). */
export const definitionInput = fc.record({
  version: fc.constant(1),
  root: group(2),
  exclude: fc.array(fc.record({ name: pick('Staff', 'Buyers'), root: group(1) }), { maxLength: 2 }),
});

const url = fc.record({
  path: pick('/', '/products/cat-food', '/Products/Dog', '/checkout'),
  params: fc.array(fc.tuple(pick(...PARAMS, 'utm_source'), pick(...WORDS, '', 'a\tb')), { maxLength: 4 }),
}).map(({ path, params }) => `https://shop.example.com${path}${params.length ? `?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : ''}`);

const localTime = fc.record({
  date: pick('2026-11-23', '2026-11-28', '2026-11-29', '2028-02-29', '0050-01-01'),
  time: clock,
  offset: pick('', 'Z', '+09:00', '-11:00'),
}).map(({ date, time, offset }) => `${date}T${time}:00${offset}`);

const traitValue = (...texts: string[]) => fc.oneof(pick('gold', 'silver', 'cat', 'Cat', '2026-11-20', '35', ...texts), fc.integer({ min: 0, max: 50 }), fc.boolean(), fc.array(pick('cat', 'dog', 'Cat Lover'), { maxLength: 3 }));
/** A site sends no empty text; a recorded answer may be. */
const traits = (...texts: string[]) => fc.dictionary(pick(...TRAITS), traitValue(...texts), { maxKeys: 3 });

/** Visitor input (parse it with VisitorInput) and the visitor's recorded traits. */
export const visitorCase = fc.record({
  visitor: fc.record({
    id: fc.constant('v-1'),
    context: fc.record({
      device: pick(...DEVICES), url, referrer: pick('https://www.Google.com/search?q=cat', 'https://shop.example.com/'),
      country: pick('DE', 'de', 'at', 'FR'), city: pick(...CITIES, 'Rome'), os: pick(...OSES), browser: pick(...BROWSERS),
      userAgent: pick(...UAS), localTime,
      cookies: fc.dictionary(pick(...COOKIES, 'PLAN'), pick(...WORDS, ''), { maxKeys: 3 }),
      sessionCount: fc.integer({ min: 1, max: 4 }),
    }, { requiredKeys: [] }),
    traits: traits(),
  }),
  recorded: traits(''),
});

export type DefinitionInput = { version: 1; root: Condition };
