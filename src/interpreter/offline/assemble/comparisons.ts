/**
 * What a number in a request measures: a count ("at least 3 orders", "5 times"), a money
 * aggregate ("spent more than $500"), a property of the event ("rating of 2 or lower",
 * "orders over $50"), a trait ("probability above 0.5", "aged 25 to 34") or age ("women over 40").
 */
import type { CatalogIndex } from '../resolve/catalog-index.js';
import { measuredBy } from './filters.js';
import { scorePropertyOf } from '../../../vocabulary/roles.js';
import { lemmas } from '../../../vocabulary/lemma.js';
import { nameWords } from '../../../vocabulary/name-words.js';
import type { Mention, MentionOf } from '../recognise/mentions.js';

export type CmpTarget =
  | { kind: 'count' }
  /** A property named by its unit ("50 MB"), each event's or in total ("600 minutes of video"). */
  | { kind: 'measured'; property: string; total: boolean }
  | { kind: 'aggregate' }
  | { kind: 'money_filter' }
  | { kind: 'property'; property: string }
  | { kind: 'stars' }
  | { kind: 'trait'; trait: string }
  | { kind: 'none' };

const COUNTED = new Set(['order', 'review', 'session', 'email', 'push', 'sms', 'coupon', 'checkout', 'product', 'cart']);

/** A trait the catalog holds as a number and people describe by age. */
export function ageTrait(index: CatalogIndex): string | undefined {
  return index.catalog.traits.find((t) => t.type === 'number' && /^age$/i.test(t.name))?.name;
}

export function cmpTarget(
  mentions: readonly Mention[],
  p: number,
  opts: { hasEvent: boolean; hasAggregate: boolean; index: CatalogIndex; events?: readonly string[] },
): CmpTarget {
  const c = mentions[p] as MentionOf<'cmp'>;
  const before = mentions[p - 1];
  const after = mentions[p + 1];
  const events = (opts.events ?? []).map((e) => opts.index.event(e));
  // "300 workout minutes": the unit said after the thing.
  const unit = mentions.slice(p + 1, p + 3).find((m): m is MentionOf<'unit'> => m.kind === 'unit');
  const measure = c.measure ?? unit?.measure;
  if (measure && opts.hasEvent && events.length) {
    const property = measuredBy(measure, events);
    // "600 minutes of video", "300 workout minutes" (the amount before what was done) and "… in total" are a total;
    // "a file larger than 50 MB" one event's; "an average of more than 3 items per order" the measure said.
    const saidTotal = mentions.slice(p + 1, p + 5).some((m) => m.kind === 'window' && /\btotal\b/i.test(m.text));
    const total = opts.hasAggregate || saidTotal || (!c.measure && !!unit)
      || !mentions.slice(0, p).some((m) => m.kind === 'action' || m.kind === 'object' || m.kind === 'event_name');
    if (property) return { kind: 'measured', property: property.name, total };
  }
  // "an NPS of 9 or 10", "a review of 4": the number after the thing is its score.
  // "rated a support chat 1 or 2": after a rating, a bare number is the score given.
  const rated = mentions.slice(0, p).some((m) => m.kind === 'action' && m.action === 'rate');
  const scored = before?.kind === 'object' || (rated && before?.kind === 'action');
  const score = scored && !c.unit && !c.cmp.money && events.length ? scorePropertyOf(events[0]) : undefined;
  if (score && opts.hasEvent) return { kind: 'property', property: score.name };
  if (c.unit === 'times') return { kind: 'count' };
  if (c.unit === 'stars') return opts.hasEvent ? { kind: 'stars' } : { kind: 'none' };
  if (c.unit === 'years') {
    const age = ageTrait(opts.index);
    return age ? { kind: 'trait', trait: age } : { kind: 'none' };
  }
  if (c.unit === 'percent') {
    // "probability over 60%": a score kept from 0 to 1.
    const trait = before?.kind === 'trait_ref' ? opts.index.trait(before.trait) : undefined;
    return trait && trait.type === 'number' && typeof trait.max === 'number' && trait.max <= 1 ? { kind: 'trait', trait: trait.name } : { kind: 'none' };
  }
  if (before?.kind === 'property_ref' && opts.hasEvent) return { kind: 'property', property: before.property };
  if (before?.kind === 'trait_ref') {
    const trait = opts.index.trait(before.trait);
    if (trait && (trait.type === 'number' || trait.type === 'date' || trait.type === 'datetime')) return { kind: 'trait', trait: trait.name };
  }
  if (opts.hasEvent) {
    // "$300 in refunds", "$500 of orders": an amount of that thing, summed; so is "£1,000 in total".
    if (c.cmp.money && (after?.kind === 'object' || after?.kind === 'action')) return { kind: 'aggregate' };
    if (c.cmp.money && after?.kind === 'window' && /\b(in total|altogether|combined|overall)\b/i.test(after.text)) return { kind: 'aggregate' };
    if (after?.kind === 'object' && COUNTED.has(after.object)) return { kind: 'count' };
    if (after?.kind === 'action' || after?.kind === 'repeat') return { kind: 'count' };
    if (opts.hasAggregate) return { kind: 'aggregate' };
    if (c.cmp.money) return { kind: 'money_filter' };
    if (after?.kind === 'property_ref') return { kind: 'property', property: after.property };
    return { kind: 'count' };
  }
  // "more than 200 employees": a noun the comparison is about, that one trait's description names.
  if (after?.kind === 'unknown' && !opts.hasEvent) {
    const described = describedTrait(after.text, opts.index);
    if (described) return { kind: 'trait', trait: described };
  }
  // "at least 50 seats": the unit said is the numeric trait's name.
  if (c.measure) {
    const unit = lemmas(c.measure).at(-1)!;
    const named = opts.index.catalog.traits.find((t) => t.type === 'number' && nameWords(t.name).some((w) => lemmas(w).includes(unit)));
    if (named) return { kind: 'trait', trait: named.name };
  }
  const traitRef = mentions.find((m): m is MentionOf<'trait_ref'> => m.kind === 'trait_ref' && opts.index.trait(m.trait)?.type === 'number');
  if (traitRef) return { kind: 'trait', trait: traitRef.trait };
  const age = ageTrait(opts.index);
  const v = c.cmp.value;
  const plausibleAge = Array.isArray(v) ? v[0] >= 0 && v[1] <= 120 : v > 0 && v <= 120;
  // A bare number a person could be old; not one said with another unit ("2 weeks", "500 MB").
  if (age && plausibleAge && !c.cmp.money && !c.measure) return { kind: 'trait', trait: age };
  return { kind: 'none' };
}

/** The one trait (a number, or buckets of numbers) whose description names the word ("Employees at the company, a bucket: 1-10, …"). */
export function describedTrait(word: string, index: CatalogIndex): string | undefined {
  const base = lemmas(word);
  const found = index.vocab.traits.filter((t) => !t.info.pii && (t.info.type === 'number' || bucketsOf(t.info) !== undefined)
    && [...t.nameTerms, ...t.descTerms].some((d) => d.lemmas.some((l) => base.includes(l))));
  return found.length === 1 ? found[0]!.name : undefined;
}

/** A text trait whose values are ranges of numbers ("1-10", "11-50", "1001+"): each value with its bounds. */
export function bucketsOf(t: { type: string; topValues: ReadonlyArray<{ value: unknown }> }): Array<{ value: string; lo: number; hi: number }> | undefined {
  if (t.type !== 'string' || !t.topValues.length) return undefined;
  const out: Array<{ value: string; lo: number; hi: number }> = [];
  for (const { value } of t.topValues) {
    const v = String(value).replace(/[,\s]/g, '');
    const range = /^(\d+)[-–](\d+)$/.exec(v);
    const open = /^(\d+)\+$/.exec(v) ?? /^(?:over|>)(\d+)$/i.exec(v);
    if (range) out.push({ value: String(value), lo: Number(range[1]), hi: Number(range[2]) });
    else if (open) out.push({ value: String(value), lo: Number(open[1]), hi: Infinity });
    else return undefined;
  }
  return out;
}
