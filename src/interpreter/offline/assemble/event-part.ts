/**
 * The event side of one alternative: the events (see event-source.ts), their filters from the
 * values and numbers said, the measure (count, money aggregate, recency), negation and window.
 */
import type { Comparator, PropertyFilter, Window } from '../../../definition/schema.js';
import { subtractDays } from '../../../definition/time.js';
import type { Comparison, Mention, MentionOf, WindowSpec } from '../recognise/mentions.js';
import { termsOf, textWords, type Term } from '../../../vocabulary/vocabulary.js';
import { similarity } from '../../../vocabulary/word-sense.js';
import { cmpTarget } from './comparisons.js';
import type { Draft, EventDraft, EventMeasure } from './drafts.js';
import type { AssembleEnv, EventContext } from './env.js';
import { accountAge, countBounds, firstTime, negateCount } from './event-measures.js';
import { dateCondition } from './date-traits.js';
import { EVENTISH, findEvents, measuredProperty, only, traitLike } from './event-source.js';
import { comparisonFilter, invert, moneyProperty, ratingProperty, valueFilter } from './filters.js';
import { abandonmentDrafts, quietSince } from './follow-ups.js';
import type { Negation } from './negation.js';

export interface EventPartResult {
  drafts: Draft[];
  context?: EventContext;
  /** Mentions this part used (values, comparisons, trait words), so the trait side skips them. */
  used: Set<Mention>;
}

/**
 * `sameChoice`: this alternative follows "or" in the same part, where a left-out verb is the
 * one just said ("opened an email or a push notification").
 */
export function eventPart(ms: readonly Mention[], neg: Map<Mention, Negation>, env: AssembleEnv, prev: EventContext | undefined, sameChoice: boolean): EventPartResult {
  const used = new Set<Mention>();
  const found = findEvents(ms, env, prev, sameChoice);
  if (!found) return { drafts: [], used };
  if ('dateTrait' in found) {
    ms.forEach((m) => (EVENTISH.has(m.kind) || m.kind === 'window' || m.kind === 'neg' || m.kind === 'pronoun') && used.add(m));
    return { drafts: [{ kind: 'leaf', condition: dateCondition(found.dateTrait, ms, isNegatedEvent(ms, neg), env) }], used };
  }
  const source = found;
  let events = source.events;
  const filters: PropertyFilter[] = [...source.filters];
  const aggregates = only(ms, 'aggregate');
  const heads = only(ms, 'recency_head');

  // "didn't open it", "haven't redeemed it": what was said about the thing before still holds.
  if (prev && ms.some((m) => m.kind === 'pronoun')) {
    filters.push(...prev.draft.filters.filter((f) => events.every((e) => env.index.event(e)?.properties.some((p) => p.name === f.property))));
  }

  // Values said about these events become filters; so do things that are values of them ("a documentary").
  const thingValues = only(ms, 'object').flatMap((o): Array<MentionOf<'value'>> => (o.refs ? [{ kind: 'value', refs: o.refs, start: o.start, end: o.end, text: o.text }] : []));
  for (const v of [...only(ms, 'value'), ...thingValues]) {
    const refs = v.refs.filter((r) => r.source === 'property' && events.includes(r.event));
    // "Active iOS users": a glossary term keeps its meaning; the value describes the person.
    if (!refs.length || (source.fromGlossaryOnly && traitLike(v))) continue;
    const byProperty = new Map<string, Array<string | number | boolean>>();
    for (const r of refs) if (r.source === 'property') byProperty.set(r.property, [...(byProperty.get(r.property) ?? []), r.value]);
    // One property per value: the one the most chosen events carry.
    const [property, vals] = [...byProperty].sort((a, b) => b[1].length - a[1].length)[0]!;
    const carriers = new Set(refs.flatMap((r) => (r.source === 'property' && r.property === property ? [r.event] : [])));
    if (carriers.size < events.length) events = events.filter((e) => carriers.has(e));
    // "bought Beauty but not Electronics": with the verb left out, the "not" is about the event.
    filters.push(valueFilter(property, vals, neg.has(v) && !isNegatedEvent(ms, neg) && !source.elliptic));
    // "from the Toys category": the property's own name was part of saying the value.
    only(ms, 'property_ref').filter((p) => p.property === property).forEach((p) => used.add(p));
    for (const r of refs) if (r.source === 'property' && r.property === property) env.log.record('search_catalog', { query: v.text, kinds: ['value'] }, env.msgs.foundValue(String(r.value), `${r.event}.${r.property}`));
    used.add(v);
  }

  // "completed tasks on time": a yes/no property of these events, said by name, holds (or not, when negated alone).
  for (const p of only(ms, 'property_ref')) {
    const next = ms[ms.indexOf(p) + 1];
    if (used.has(p) || filters.some((f) => f.property === p.property) || next?.kind === 'value' || (next?.kind === 'cmp' && next.unit !== 'times')) continue;
    if (!events.every((e) => env.index.event(e)?.properties.some((q) => q.name === p.property && q.type === 'boolean'))) continue;
    filters.push(valueFilter(p.property, [true], neg.has(p)));
    used.add(p);
  }

  // "rented a movie" where a payment records its purchase type: the act is a value of the event ("Rental").
  for (const term of source.acts) {
    const hit = valueSaidBy(term, events, env);
    if (hit && !filters.some((f) => f.property === hit.property)) {
      filters.push(valueFilter(hit.property, [hit.value], false));
      env.log.record('search_catalog', { query: term.text, kinds: ['value'] }, env.msgs.foundValue(String(hit.value), `${hit.event}.${hit.property}`));
    }
  }
  // "read time per article": a value that names what the event is about says nothing more.
  for (const v of only(ms, 'value')) {
    if (!used.has(v) && namesEvent(v.text, events, env)) used.add(v);
  }

  // "signed up via email": a channel word that is a value of the event ("method = email").
  for (const o of only(ms, 'object')) {
    if (events.some((e) => new RegExp(`\\b${o.object}\\b`, 'i').test(e))) continue;
    const hit = events.flatMap((e) => env.index.event(e)?.properties.flatMap((p) => p.topValues.filter((v) => typeof v.value === 'string' && v.value.toLowerCase() === o.text.toLowerCase()).map((v) => ({ property: p.name, value: v.value, event: e }))) ?? [])[0];
    if (!hit) continue;
    filters.push(valueFilter(hit.property, [hit.value], false));
    env.log.record('search_catalog', { query: o.text, kinds: ['value'] }, env.msgs.foundValue(String(hit.value), `${hit.event}.${hit.property}`));
  }

  // Numbers.
  const event = env.index.event(events[0]!);
  let countCmp: Comparison | { op: Comparator; value: number } | undefined = only(ms, 'repeat')[0]?.cmp ?? source.headCount;
  let aggregateCmp: Comparison | undefined;
  // "average rating", "lowest cart value": the property a bare measure word names, if these events carry it.
  const measuredRef = measuredProperty(ms);
  const measured = measuredRef && events.every((e) => env.index.event(e)?.properties.some((p) => p.name === measuredRef.property && p.type === 'number')) ? measuredRef.property : undefined;
  if (measured) used.add(measuredRef!);
  // "total refunds": a bare measure of a thing, summed when the number is money, else counted.
  const bareMeasure = aggregates.length > 0 && aggregates.every((a) => a.generic) && !measured;
  /** A property summed because its unit said so ("600 minutes of video"). */
  let totalOf: string | undefined;
  ms.forEach((m, p) => {
    if (m.kind !== 'cmp') return;
    let target = cmpTarget(ms, p, { hasEvent: true, hasAggregate: aggregates.length > 0, index: env.index, events });
    if (target.kind === 'measured') {
      if (target.total) {
        aggregateCmp = m.cmp;
        totalOf = target.property;
      } else filters.push(comparisonFilter(target.property, m.cmp));
      used.add(m);
      return;
    }
    // A measured word these events do not carry ("average checkout value") is their money.
    const onMeasured = (measured !== undefined && (target.kind === 'money_filter' || (target.kind === 'property' && target.property === measured) || (target.kind === 'stars' && ratingProperty(event)?.name === measured)))
      || (measured === undefined && measuredRef !== undefined && target.kind === 'property' && target.property === measuredRef.property && m.cmp.money);
    if (onMeasured && !measured && measuredRef) used.add(measuredRef);
    if (onMeasured) target = { kind: 'aggregate' };
    // "spent more than $100 on a single order": one order's amount, a filter.
    if (target.kind === 'aggregate' && m.cmp.money && !measured && ms.some((x) => x.kind === 'single_order')) target = { kind: 'money_filter' };
    if (bareMeasure && target.kind === 'aggregate' && !m.cmp.money && aggregates[0]!.fn === 'sum') target = { kind: 'count' };
    const property = target.kind === 'property' ? target.property : target.kind === 'money_filter' ? moneyProperty(event)?.name : target.kind === 'stars' ? ratingProperty(event)?.name : undefined;
    if (target.kind === 'count') countCmp = m.cmp;
    else if (target.kind === 'aggregate') aggregateCmp = m.cmp;
    else if (property) filters.push(comparisonFilter(property, m.cmp));
    else return;
    if (target.kind === 'property') [ms[p - 1], ms[p + 1]].filter((x) => x?.kind === 'property_ref' && x.property === property).forEach((x) => used.add(x!));
    used.add(m);
  });

  const ellipsisNegated = (source.repeated || source.elliptic) && ms.some((m) => m.kind === 'neg');
  const negated = (isNegatedEvent(ms, neg) || ellipsisNegated) !== source.glossaryNegated;
  const never = [...neg.entries()].some(([m, n]) => n.never && EVENTISH.has(m.kind));
  const windows = only(ms, 'window');
  // "who will buy in the next 30 days": the future is not recorded.
  if (windows.some((w) => w.spec.kind === 'next')) env.issues.push({ kind: 'out_of_scope', thing: 'future' });
  // "never" is all history, unless a window is said with it ("not once … in the past month").
  let window: WindowSpec | undefined = windows.filter((w) => w.spec.kind !== 'next').at(-1)?.spec ?? (never ? { kind: 'alltime' } : undefined);
  windows.forEach((w) => used.add(w));
  const markUsed = () => ms.forEach((m) => (EVENTISH.has(m.kind) || m.kind === 'pronoun' || m.kind === 'neg') && used.add(m));
  const context = (drafts: EventDraft[]): EventContext => ({ acts: source.acts, things: source.things, draft: drafts[0]! });

  const age = countCmp ? undefined : accountAge(ms, events, negated, env);
  if (age) {
    ms.forEach((m) => used.add(m));
    return { drafts: [age], used };
  }
  // "purchased after August 1, 2026", "bought before June": the history on that side of the date.
  const date = only(ms, 'date_cmp')[0];
  if (date && !window) {
    const at = new Date(`${date.date}T00:00:00Z`);
    const start = subtractDays(env.now, env.index.catalog.workspace.lookbackDays);
    const span: Window = date.op === 'gt' ? { kind: 'between', from: at.toISOString(), to: env.now.toISOString() } : { kind: 'between', from: start.toISOString(), to: at.toISOString() };
    if (at.getTime() > start.getTime() && at.getTime() <= env.now.getTime()) window = { kind: 'window', window: span };
    // Before a date the history does not reach, or since then: more than the plan keeps.
    else if (at.getTime() <= start.getTime()) env.issues.push({ kind: 'beyond_history' });
  }
  const firstHead = heads.some((h) => h.first);
  const first = firstHead && !negated ? firstTime({ kind: 'event', events, filters }, window, env) : undefined;
  if (first) {
    markUsed();
    return { drafts: first, context: context(first), used };
  }

  const measures: EventMeasure[] = [];
  const ago = only(ms, 'ago')[0];
  if ((heads.length && !firstHead) || ago) {
    if (ago) measures.push({ type: 'recency', op: ago.op, amount: ago.amount, unit: ago.unit });
    else if (window?.kind === 'window' && window.window.kind === 'last') {
      measures.push({ type: 'recency', op: 'within', amount: window.window.amount, unit: window.window.unit });
      window = undefined;
    }
  }
  const measuredName = totalOf ?? measured ?? moneyProperty(event)?.name;
  if (aggregateCmp && measuredName) {
    const op = aggregateCmp.op === 'between' ? 'between' : negated ? invert(aggregateCmp.op) : aggregateCmp.op;
    measures.push({ type: 'aggregate', fn: aggregates[0]?.fn ?? 'sum', property: measuredName, op, value: aggregateCmp.value });
    env.log.record('search_catalog', { query: `${event!.name} ${measuredName}`, kinds: ['property'] }, env.msgs.foundValue(measuredName, event!.name));
  }
  if (countCmp || !measures.length) {
    for (const base of countBounds(countCmp)) measures.push({ type: 'count', ...(negated ? negateCount(base) : base) });
  }

  const drafts: EventDraft[] = measures.map((measure) => ({
    kind: 'event',
    events: [...new Set(events)],
    filters: [...new Map(filters.map((f) => [JSON.stringify(f), f])).values()],
    ...(window ? { window } : {}),
    ...(source.fixedWindow ? { fixedWindow: source.fixedWindow } : {}),
    ...(source.repeated ? { ownWindow: true } : {}),
    measure,
    order: env.nextOrder(),
  }));
  // "last visited 2 to 3 months ago": in that span, and not since.
  const quiet = heads.some((h) => !h.first) && !negated && drafts[0] ? quietSince(drafts[0], window, env) : undefined;
  if (quiet) drafts.push(quiet);
  const all = source.abandoned ? abandonmentDrafts(drafts, source.abandoned.completed, negated, filters, window, env) : drafts;
  markUsed();
  return { drafts: all, context: context(drafts), used };
}

function isNegatedEvent(ms: readonly Mention[], neg: Map<Mention, Negation>): boolean {
  return ms.some((m) => EVENTISH.has(m.kind) && neg.has(m));
}

/** The one string value of these events an act names, where their names do not say the act themselves. */
function valueSaidBy(term: Term, events: readonly string[], env: AssembleEnv): { event: string; property: string; value: string } | undefined {
  const hits: Array<{ event: string; property: string; value: string }> = [];
  for (const name of events) {
    const entry = env.index.vocab.event(name);
    if (!entry || entry.nameTerms.some((n) => similarity(term, n, 'act') >= 0.8)) return undefined;
    for (const p of entry.info.properties) {
      if (p.type !== 'string') continue;
      for (const { value } of p.topValues) {
        if (typeof value !== 'string' || value.length > 30) continue;
        const [t] = termsOf(textWords(value));
        if (t && termsOf(textWords(value)).length === 1 && similarity(term, t, 'act') >= 0.8) hits.push({ event: name, property: p.name, value });
      }
    }
  }
  return hits.length === 1 ? hits[0] : undefined;
}

/** The words name the thing these events are about ("article" for Article Read). */
function namesEvent(text: string, events: readonly string[], env: AssembleEnv): boolean {
  const words = termsOf(textWords(text));
  return words.length > 0 && events.some((name) => {
    const entry = env.index.vocab.event(name);
    return entry !== undefined && words.every((w) => [...entry.nameTerms, ...entry.descTerms].some((n) => similarity(w, n, 'thing') >= 0.8));
  });
}
