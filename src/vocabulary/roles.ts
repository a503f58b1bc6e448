/**
 * The parts a workspace's events and traits play, whatever they are called: its purchase event
 * and the amount it carries, its activity event, its sign-up, its channel events, its country
 * and sign-up date traits. Inferred from names, descriptions and types with the same matcher the
 * prompts go through (a role is a phrase: the purchase is what "bought" or "paid" names), shown
 * by `audience-agent catalog` and the catalog API, and set by a team in workspace.json
 * (`"roles": {"purchase": {"event": "Charged", "property": "Amount"}}`) where the guess is wrong.
 */
import { perCatalog } from '../catalog/per-catalog.js';
import type { Catalog, EventInfo, PropertyInfo, TraitInfo } from '../catalog/types.js';
import { matchEvents, type EventMatch, type PhraseQuery } from './match-events.js';
import { termsOf, textWords, vocabularyOf, type Term, type TraitEntry, type Vocabulary } from './vocabulary.js';
import { similarity } from './word-sense.js';

export const EVENT_ROLES = [
  'purchase', 'activity', 'signup', 'product_view', 'cart_add', 'checkout', 'refund', 'review',
  'email_receive', 'email_open', 'email_click', 'push_receive', 'push_open', 'sms_receive', 'sms_click',
] as const;
export type EventRoleId = (typeof EVENT_ROLES)[number];

export const TRAIT_ROLES = ['signup_date', 'country', 'city', 'age', 'birth_date', 'gender', 'language', 'platform', 'tags', 'email', 'phone'] as const;
export type TraitRoleId = (typeof TRAIT_ROLES)[number];

export interface EventRole {
  event: string;
  /** The numeric property holding its money (purchase) or its score (review). */
  property?: string;
  source: 'configured' | 'inferred';
}

export interface TraitRole {
  trait: string;
  source: 'configured' | 'inferred';
}

export interface Roles {
  events: Partial<Record<EventRoleId, EventRole>>;
  traits: Partial<Record<TraitRoleId, TraitRole>>;
}

/** What a team may write in workspace.json. */
export type RoleSettings = Partial<Record<EventRoleId, { event: string; property?: string }>> & Partial<Record<TraitRoleId, { trait: string }>>;

const q = (acts: string, things = ''): PhraseQuery => ({ acts: termsOf(textWords(acts)), things: termsOf(textWords(things)) });

/** Each role as the phrases that name it, tried in order; the first that finds an event wins. */
const EVENT_ROLE_PHRASES: Record<EventRoleId, PhraseQuery[]> = {
  purchase: [q('buy'), q('pay'), q('', 'order'), q('', 'payment')],
  activity: [q('log in'), q('visit'), q('open', 'app'), q('launch', 'app'), q('', 'session'), q('start', 'session')],
  signup: [q('sign up'), q('create', 'account'), q('register'), q('install', 'app')],
  product_view: [q('view', 'product')],
  cart_add: [q('add to cart'), q('add', 'cart')],
  checkout: [q('start', 'checkout'), q('checkout')],
  refund: [q('refund')],
  review: [q('review'), q('rate')],
  email_receive: [q('receive', 'email'), q('send', 'email')],
  email_open: [q('open', 'email')],
  email_click: [q('click', 'email')],
  push_receive: [q('receive', 'push'), q('view', 'push')],
  push_open: [q('tap', 'push'), q('click', 'push'), q('open', 'push')],
  sms_receive: [q('receive', 'sms'), q('send', 'sms')],
  sms_click: [q('click', 'sms')],
};

/** Money in a property's name or description: `total`, `Amount`, `price-eur`, "in USD". */
const MONEY = /\b(amount|total|price|revenue|value|cost|spend|spent|paid|fee|gross|net|subtotal|charge|usd|eur|gbp|jpy|twd|thb|dollars?|euros?|pounds?|currency)\b|[$€£¥]/i;
const SCORE = /\b(rating|stars?|score|grade)\b/i;

const spaced = (s: string) => textWords(s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ')).join(' ');

/** The numeric property of an event that holds its money, if any. */
export function moneyPropertyOf(event: EventInfo | undefined): PropertyInfo | undefined {
  const numeric = event?.properties.filter((p) => p.type === 'number') ?? [];
  return numeric.find((p) => MONEY.test(spaced(p.name))) ?? numeric.find((p) => MONEY.test(p.description ?? ''));
}

/** The numeric property of an event that holds a rating or score. */
export function scorePropertyOf(event: EventInfo | undefined): PropertyInfo | undefined {
  const numeric = event?.properties.filter((p) => p.type === 'number') ?? [];
  return numeric.find((p) => SCORE.test(spaced(p.name))) ?? numeric.find((p) => SCORE.test(p.description ?? ''));
}

/**
 * Every word of the role said closely, by the event's name, a quote, or its description
 * ("booking.confirmed: … this is a purchase"); never only loosely.
 */
const clear = (m: EventMatch) => m.weakest >= 0.64 && m.score >= 0.4;

function inferEventRole(v: Vocabulary, role: EventRoleId): EventRole | undefined {
  if (role === 'purchase') return inferPurchase(v);
  for (const phrase of EVENT_ROLE_PHRASES[role]) {
    const found = matchEvents(v, phrase);
    const top = found[0];
    // A role is given only on clear evidence: an event that merely says "added" is not the cart.
    if (!top || !clear(top) || (found[1] && found[1].score === top.score)) continue;
    const property = role === 'review' ? scorePropertyOf(v.event(top.event)?.info)?.name : undefined;
    return { event: top.event, ...(property ? { property } : {}), source: 'inferred' };
  }
  return undefined;
}

/** Of the events that say buying or paying, the one that carries the money; else the one that says buying best. */
function inferPurchase(v: Vocabulary): EventRole | undefined {
  const found = EVENT_ROLE_PHRASES.purchase.flatMap((phrase) => matchEvents(v, phrase)).filter(clear);
  const ranked = [...found].sort((a, b) => b.score - a.score);
  const pick = ranked.find((m) => moneyPropertyOf(v.event(m.event)?.info) !== undefined) ?? ranked[0];
  if (!pick) return undefined;
  const property = moneyPropertyOf(v.event(pick.event)?.info)?.name;
  return { event: pick.event, ...(property ? { property } : {}), source: 'inferred' };
}

/** Traits by what their names and descriptions say, and by their type. */
const TRAIT_ROLE_WORDS: Record<TraitRoleId, { words: string; types: TraitInfo['type'][] }> = {
  signup_date: { words: 'signup sign up created joined registered registration install installed', types: ['date', 'datetime'] },
  country: { words: 'country nation', types: ['string'] },
  city: { words: 'city town', types: ['string'] },
  age: { words: 'age', types: ['number'] },
  birth_date: { words: 'birth birthday born dob', types: ['date', 'datetime', 'number'] },
  gender: { words: 'gender sex', types: ['string'] },
  language: { words: 'language locale', types: ['string'] },
  platform: { words: 'platform device os', types: ['string'] },
  tags: { words: 'tag tags label labels segment segments', types: ['string[]'] },
  email: { words: 'email mail', types: ['string'] },
  phone: { words: 'phone mobile telephone cell', types: ['string'] },
};

function traitFit(t: TraitEntry, words: readonly Term[], descWeight: number): number {
  let s = 0;
  for (const w of words) {
    for (const n of t.nameTerms) s = Math.max(s, similarity(w, n) >= 1 ? 1 : 0);
    for (const d of t.descTerms) s = Math.max(s, similarity(w, d) >= 1 ? descWeight : 0);
  }
  return s;
}

function inferTraitRole(v: Vocabulary, role: TraitRoleId): TraitRole | undefined {
  const spec = TRAIT_ROLE_WORDS[role];
  const words = termsOf(textWords(spec.words));
  const typed = v.traits.filter((t) => spec.types.includes(t.info.type));
  // A personal trait is only ever the email or phone role; an email trait is never the country.
  const eligible = typed.filter((t) => (role === 'email' || role === 'phone' ? true : !t.info.pii));
  const scored = eligible.map((t) => ({ t, s: traitFit(t, words, 0.5) - 0.05 * t.nameTerms.length })).filter((x) => x.s > 0.3).sort((a, b) => b.s - a.s);
  const top = scored[0];
  return top ? { trait: top.t.name, source: 'inferred' } : undefined;
}

export const rolesOf: (catalog: Catalog) => Roles = perCatalog(inferRoles);

function inferRoles(catalog: Catalog): Roles {
  const v = vocabularyOf(catalog);
  const settings = (catalog.workspace.roles ?? {}) as RoleSettings;
  const roles: Roles = { events: {}, traits: {} };
  for (const role of EVENT_ROLES) {
    const set = settings[role];
    if (set && v.event(set.event)) {
      const property = set.property ?? (role === 'purchase' ? moneyPropertyOf(v.event(set.event)!.info)?.name : role === 'review' ? scorePropertyOf(v.event(set.event)!.info)?.name : undefined);
      roles.events[role] = { event: set.event, ...(property ? { property } : {}), source: 'configured' };
      continue;
    }
    const inferred = inferEventRole(v, role);
    if (inferred) roles.events[role] = inferred;
  }
  for (const role of TRAIT_ROLES) {
    const set = settings[role];
    if (set && v.trait(set.trait)) {
      roles.traits[role] = { trait: set.trait, source: 'configured' };
      continue;
    }
    const inferred = inferTraitRole(v, role);
    if (inferred) roles.traits[role] = inferred;
  }
  return roles;
}
