/**
 * Draws each profile's traits (the identify message written to profiles.jsonl) and, alongside,
 * the hidden tendencies its events are drawn from later, so traits and behaviour agree: dog
 * lovers browse dog supplies, gold members buy more, only app users get push notifications.
 */
import { DAY, civilDate, dayOf, isoSeconds } from './clock.js';
import { type ProfileTable, NO_CATEGORY, REACH_EMAIL, REACH_PUSH, REACH_SMS } from './profile-table.js';
import { type Prng, WeightedChoice } from './prng.js';
import {
  APP_PLATFORMS, CATEGORIES, COUNTRIES, FIRST_NAMES, GENDER_WEIGHTS, GENDERS, LAST_NAMES, NOTE_WEIGHTS,
  NOTES, PLATFORM_WEIGHTS, PLATFORMS, TAG_COUNT_WEIGHTS, TAGS, TIER_WEIGHTS, TIERS,
} from './vocabulary.js';

/** The span accounts were opened over, back from now (the oldest in `shop/` is ~35 months old). */
const ACCOUNT_HISTORY_DAYS = 1_066;
const JOINED_THIS_YEAR = 0.45;
const CHURNS = 0.25;
const ACTIVITY_SPREAD = 1.0;
const TIER_BUYING_BONUS = [0, 0.03, 0.06, 0.1];

const country = new WeightedChoice(COUNTRIES.map((c) => c.weight));
const platform = new WeightedChoice(PLATFORM_WEIGHTS);
const gender = new WeightedChoice(GENDER_WEIGHTS);
const tier = new WeightedChoice(TIER_WEIGHTS);
const tagCount = new WeightedChoice(TAG_COUNT_WEIGHTS);
const tagChoice = new WeightedChoice(TAGS.map((t) => t.weight));
const note = new WeightedChoice(NOTE_WEIGHTS);

export interface ProfileClock {
  /** Seconds since the epoch. */
  now: number;
  /** Start of the year of events before now. */
  yearStart: number;
}

const clamp = (lo: number, hi: number, x: number): number => Math.min(hi, Math.max(lo, x));
const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

const quote = (value: string): string => JSON.stringify(value);
const FIRST = FIRST_NAMES.map(quote);
const LAST = LAST_NAMES.map(quote);
const EMAIL_NAME = FIRST_NAMES.map((f) => LAST_NAMES.map((l) => `${f}.${l}`.toLowerCase()));
const COUNTRY = COUNTRIES.map((c) => `${quote(c.code)},"city":`);
const CITY = COUNTRIES.map((c) => c.cities.map((city) => `${quote(city)},"language":${quote(c.language)},"platform":`));
const PLATFORM = PLATFORMS.map(quote);
const GENDER = GENDERS.map(quote);
const TIER = TIERS.map(quote);
const TAG = TAGS.map((t) => quote(t.name));
const NOTE = NOTES.map(quote);

/**
 * Draws profile i, records its tendencies in the table, and returns its identify line. The line
 * is assembled by hand, traits in the order of `shop/`: JSON.stringify of an object per profile
 * took most of the time of this phase, and every string here comes from the vocabulary.
 */
export function drawProfile(rng: Prng, table: ProfileTable, i: number, clock: ProfileClock): string {
  const joinedThisYear = rng.chance(JOINED_THIS_YEAR);
  const newest = clock.now - DAY;
  const oldest = clock.now - ACCOUNT_HISTORY_DAYS * DAY;
  const created = Math.floor(
    joinedThisYear
      ? clock.yearStart + rng.next() * (newest - clock.yearStart)
      : oldest + rng.next() * (clock.yearStart - oldest),
  );
  const createdAt = `"${isoSeconds(created)}"`;

  const first = rng.int(FIRST_NAMES.length);
  const last = rng.int(LAST_NAMES.length);
  const place = country.index(rng);
  const city = rng.int(COUNTRIES[place]?.cities.length ?? 1);
  const device = platform.index(rng);
  let line = `{"type":"identify","userId":"${table.userId(i)}","traits":{"first_name":${FIRST[first]},"last_name":${LAST[last]},"country":${COUNTRY[place]}${CITY[place]?.[city]}${PLATFORM[device]},"created_at":${createdAt}`;
  const hasEmail = rng.chance(0.85);
  const hasPhone = rng.chance(0.61);
  if (hasEmail) line += `,"email":"${EMAIL_NAME[first]?.[last]}${i + 1}@example.com"`;
  if (hasPhone) line += `,"phone":"+1555${String(i + 1).padStart(7, '0')}"`;
  if (rng.chance(0.9)) line += `,"gender":${GENDER[gender.index(rng)]}`;
  if (rng.chance(0.89)) {
    const { age, birthday } = ageAndBirthday(rng, clock.now);
    line += `,"age":${age},"birthday":"${birthday}"`;
  }
  const tierIndex = rng.chance(0.79) ? tier.index(rng) : -1;
  if (tierIndex >= 0) line += `,"membership_tier":${TIER[tierIndex]}`;
  const emailSubscribed = hasEmail && rng.chance(0.7);
  const smsSubscribed = hasPhone && rng.chance(0.42);
  const pushEnabled = device < APP_PLATFORMS && rng.chance(0.61);
  const lineSubscribed = (COUNTRIES[place]?.hasLine ?? false) && rng.chance(0.7);
  const tags = drawTags(rng);
  line += `,"email_subscribed":${emailSubscribed},"sms_subscribed":${smsSubscribed},"push_enabled":${pushEnabled},"line_subscribed":${lineSubscribed},"tags":[${tags.map((t) => TAG[t]).join(',')}]`;
  if (rng.chance(0.1)) line += `,"notes":${NOTE[note.index(rng)]}`;

  const intent = rng.normal();
  const probability = clamp(0.001, 0.999, round(1 / (1 + Math.exp(-(-1.15 + 0.8 * intent + 0.5 * rng.normal()))), 3));
  line += `,"predicted_purchase_probability":${probability}},"timestamp":${createdAt}}\n`;

  const activeFrom = Math.max(created, clock.yearStart);
  table.created[i] = created;
  table.activity[i] = Math.exp(ACTIVITY_SPREAD * rng.normal() - (ACTIVITY_SPREAD * ACTIVITY_SPREAD) / 2);
  table.churnAt[i] = rng.chance(CHURNS) ? activeFrom + rng.next() * (clock.now - activeFrom) : Infinity;
  table.platform[i] = device;
  table.favourite[i] = favouriteCategory(rng, tags);
  table.buyer[i] = clamp(0.05, 0.9, 0.38 + 0.12 * intent + (tierIndex >= 0 ? (TIER_BUYING_BONUS[tierIndex] ?? 0) : -0.05));
  table.reach[i] =
    (emailSubscribed ? REACH_EMAIL : 0) | (smsSubscribed ? REACH_SMS : 0) | (pushEnabled ? REACH_PUSH : 0);
  return line;
}

/** An age between 18 and 74 and a birthday that gives exactly that age on the day of `now`. */
function ageAndBirthday(rng: Prng, now: number): { age: number; birthday: string } {
  const age = rng.between(18, 74);
  const today = new Date(now * 1000);
  const sameDayThen = Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate()) / 1000;
  return { age, birthday: civilDate(dayOf(sameDayThen) - rng.between(1, 364)) };
}

/** Distinct tag indexes in increasing order (TAGS is in name order), drawn by weight. */
function drawTags(rng: Prng): number[] {
  const wanted = tagCount.index(rng);
  let chosen = 0;
  for (let n = 0; n < wanted; ) {
    const bit = 1 << tagChoice.index(rng);
    if ((chosen & bit) === 0) {
      chosen |= bit;
      n++;
    }
  }
  const tags: number[] = [];
  for (let t = 0; t < TAGS.length; t++) if (chosen & (1 << t)) tags.push(t);
  return tags;
}

const DOG = CATEGORIES.indexOf('Dog Supplies');
const CAT = CATEGORIES.indexOf('Cat Supplies');

/** A category the person's tags lean towards (Pet Supplies Buyer: dog or cat), else maybe any. */
function favouriteCategory(rng: Prng, tags: readonly number[]): number {
  const leanings: number[] = [];
  for (const t of tags) {
    const tag = TAGS[t];
    if (tag?.name === 'Pet Supplies Buyer') leanings.push(DOG, CAT);
    else if (tag?.category !== undefined) leanings.push(tag.category);
  }
  if (leanings.length > 0) return rng.pick(leanings);
  return rng.chance(0.6) ? rng.int(CATEGORIES.length) : NO_CATEGORY;
}
