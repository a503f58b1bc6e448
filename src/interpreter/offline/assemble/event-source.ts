/**
 * Which events one alternative talks about: literal names, glossary terms, what was done and to
 * what (resolved against the workspace's own events), the values said, or what was said just
 * before when words are left out ("or a push notification", "redeemed it", "but not in the
 * last 7 days").
 */
import type { Comparator, PropertyFilter, Window } from '../../../definition/schema.js';
import type { Term } from '../../../vocabulary/vocabulary.js';
import { similarity } from '../../../vocabulary/word-sense.js';
import { matchEvents } from '../../../vocabulary/match-events.js';
import type { EventRoleId } from '../../../vocabulary/roles.js';
import type { Mention, MentionOf } from '../recognise/mentions.js';
import type { AssembleEnv, EventContext } from './env.js';
import type { TraitInfo } from '../../../catalog/types.js';
import { dateTraitFor } from './date-traits.js';
import { chosenEvent } from '../clarify/ambiguity.js';
import { answerFor } from '../clarify/answer-for.js';

export interface EventSource {
  events: string[];
  filters: PropertyFilter[];
  /** What was said was done, and to what: for a later "it", "one", "or a push". */
  acts: Term[];
  things: Term[];
  /** From a glossary term ("active"). */
  fixedWindow?: Window;
  headCount?: { op: Comparator; value: number };
  glossaryNegated: boolean;
  /** Only a glossary term named the events: values describe the person, not the event. */
  fromGlossaryOnly: boolean;
  /** The event said before, repeated with another window. */
  repeated: boolean;
  /** Only a value was said, of the event said before ("bought Beauty but not Electronics"). */
  elliptic: boolean;
  /** "abandoned checkout": `events` is the step started; this is the step never finished. */
  abandoned?: { completed: string };
}

export const EVENTISH = new Set<Mention['kind']>(['action', 'object', 'event_name', 'glossary', 'aggregate', 'recency_head', 'repeat', 'ago', 'date_cmp']);

export function only<K extends Mention['kind']>(ms: readonly Mention[], kind: K): Array<MentionOf<K>> {
  return ms.filter((m): m is MentionOf<K> => m.kind === kind);
}

export const traitLike = (v: MentionOf<'value'>) => v.refs.some((r) => r.source === 'trait' || r.source === 'tag' || r.source === 'missing');

/**
 * Verbs that say nothing on their own beside a value of the profile: "who use Android" is the
 * platform, "who have a phone" the phone, "have Automations turned on" the feature list.
 */
const WEAK_VERBS = new Set(['use', 'have']);
/** Verbs that only say the value was used ("used the coupon", "applied SPRING20"): the value names the event. */
const isWeakOrUse = (a: Term) => WEAK_VERBS.has(a.lemmas.at(-1)!) || a.senses.act.core.has('redeem') || a.senses.act.loose.has('redeem');

export const isWeak = (a: Term) => WEAK_VERBS.has(a.lemmas.at(-1)!) || a.senses.act.core.has('enable') || a.senses.act.core.has('disable');

const hasAct = (t: Term, ...ids: string[]) => ids.some((id) => t.senses.act.core.has(id));
const hasThing = (t: Term, ...ids: string[]) => ids.some((id) => t.senses.thing.core.has(id));

/** Abandoning is starting a step and not finishing it in the same window. */
const ABANDONMENT: Record<'cart' | 'checkout' | 'browse', { started: EventRoleId; completed: EventRoleId }> = {
  cart: { started: 'cart_add', completed: 'purchase' },
  checkout: { started: 'checkout', completed: 'purchase' },
  browse: { started: 'product_view', completed: 'cart_add' },
};

function abandonmentOf(acts: readonly Term[], things: readonly Term[]): keyof typeof ABANDONMENT {
  if (things.some((t) => hasThing(t, 'checkout') || hasAct(t, 'checkout'))) return 'checkout';
  if (things.some((t) => hasThing(t, 'cart'))) return 'cart';
  if (acts.some((a) => hasAct(a, 'view', 'visit'))) return 'browse';
  return 'cart';
}

/** The alternative speaks of a date the profile holds ("installed the app in the last 30 days"). */
export interface DateTraitSource {
  dateTrait: TraitInfo;
}

/** Undefined when the alternative names no event (an issue is recorded when it tried to). */
export function findEvents(ms: readonly Mention[], env: AssembleEnv, prev: EventContext | undefined, sameChoice: boolean): EventSource | DateTraitSource | undefined {
  const names = only(ms, 'event_name');
  const glossary = only(ms, 'glossary');
  const aggregates = only(ms, 'aggregate');
  const heads = only(ms, 'recency_head');
  const repeats = only(ms, 'repeat');
  const values = only(ms, 'value');

  const actions = only(ms, 'action');
  let acts: Term[] = actions.filter((a) => !a.light).map((a) => a.term);
  const light: Term[] = actions.filter((a) => a.light).map((a) => a.term);
  let things: Term[] = only(ms, 'object').map((o) => o.term);
  for (const h of heads) {
    acts.push(...h.acts);
    things.push(...h.things);
  }
  // "last visit", "a login": a noun that says an act and no thing is the act.
  const actNouns = things.filter((t) => !t.senses.thing.core.size && !t.senses.thing.loose.size && (t.senses.act.core.size > 0 || t.senses.act.loose.size > 0));
  if (actNouns.length) {
    things = things.filter((t) => !actNouns.includes(t));
    acts.push(...actNouns);
  }
  const buyTerm: Term = { text: 'bought', lemmas: ['bought', 'buy'], senses: { act: { core: new Set(['buy']), loose: new Set() }, thing: { core: new Set(), loose: new Set() } } };
  if (repeats.length) acts.push(buyTerm);

  // Left out, because said just before: "opened an email or a push notification", "redeemed it".
  if (prev && !names.length && !glossary.length) {
    if (sameChoice && !acts.length && things.length) acts = [...prev.acts, ...acts];
    if (ms.some((m) => m.kind === 'pronoun')) things = [...things, ...prev.things];
    // "started checkout but didn't complete": finishing what was just said.
    else if (acts.some((a) => hasAct(a, 'complete')) && acts.length === 1 && !things.length) things = [...prev.things];
  }
  // "spent over $50 on Beauty products": spending is buying. A bare "average rating" or "total
  // refunds" says its event through the property or the thing named instead.
  const namesItsEvent = aggregates.every((a) => a.generic) && (measuredProperty(ms) !== undefined || things.some((t) => !hasThing(t, 'product')));
  if (aggregates.length && !acts.length && !names.length && !glossary.length && !namesItsEvent) acts.push(buyTerm);

  let events: string[] = [];
  let filters: PropertyFilter[] = [];
  let fixedWindow: Window | undefined;
  let headCount: EventSource['headCount'];
  let glossaryNegated = false;

  for (const n of names) {
    n.events.forEach((e) => env.events.noteEvent(e));
    events.push(...n.events);
  }
  for (const g of glossary) {
    const meaning = env.glossary.get(g.term);
    if (meaning?.type !== 'events') continue;
    env.log.record('glossary', { term: g.term }, env.msgs.foundGlossary(g.term, meaning.text));
    events.push(...meaning.events);
    filters.push(...meaning.filters);
    fixedWindow = meaning.window;
    if (meaning.count) headCount = meaning.count;
    glossaryNegated = glossaryNegated || g.negated;
  }

  let abandoned: EventSource['abandoned'];
  let elliptic = false;
  const said = () => ms.filter((m) => m.kind === 'action' || m.kind === 'object' || m.kind === 'recency_head').map((m) => m.text).join(' ');
  if (!events.length && acts.some((a) => hasAct(a, 'abandon'))) {
    const step = ABANDONMENT[abandonmentOf(acts, things)];
    const started = env.events.role(step.started);
    const completed = env.events.role(step.completed);
    if (!started || !completed) {
      env.issues.push({ kind: 'no_event', what: said() });
      return undefined;
    }
    events.push(started.name);
    abandoned = { completed: completed.name };
  }

  const holders = (refs: ReadonlyArray<MentionOf<'value'>['refs'][number]>) => [...new Set(refs.flatMap((r) => (r.source === 'property' ? [r.event] : [])))];
  const valueRefs = values.flatMap((v) => v.refs.filter((r) => r.source === 'property'));
  // "completed checkout", "finished the order": finishing the purchase path is buying.
  const completesPurchase = acts.length > 0 && acts.every((a) => hasAct(a, 'complete')) && things.some((t) => hasThing(t, 'checkout', 'cart', 'order'));
  if (!events.length && completesPurchase) {
    const purchase = env.events.role('purchase');
    if (purchase) events.push(purchase.name);
  }
  // "who use Android", "who have a phone": a weak verb with a trait is not an event.
  const weakOnly = acts.length > 0 && acts.every(isWeak) && !things.length && values.some(traitLike);
  if (!events.length && !weakOnly && (acts.length || things.some((t) => !isGeneric(t)) || (light.length && things.length))) {
    // "whose salary was paid in", "a salary transfer": a yes/no property only one event records says which event it is.
    const flags = only(ms, 'property_ref').filter((p) => p.events.length === 1 && env.index.event(p.events[0]!)?.properties.some((q) => q.name === p.property && q.type === 'boolean'));
    const held = [...new Set([...holders(valueRefs), ...flags.map((f) => f.events[0]!)])];
    // "used WELCOME10": a verb that only says the value was used lets the value name the event.
    const fallback = !(acts.length > 0 && acts.every(isWeakOrUse) && valueRefs.length > 0);
    let r = env.events.resolve(acts, things, light, { fallback });
    // "received emails but opened none": a verb alone that names no one event acts on the thing said before.
    if (r.kind !== 'events' && !things.length && prev?.things.length && acts.length) {
      const onPrev = env.events.resolve(acts, prev.things, light, { fallback });
      if (onPrev.kind === 'events') {
        r = onPrev;
        things = [...prev.things];
      }
    }
    // "came via the newsletter": a thing that is also a value of the data is the value when no event is that thing.
    const valueThings = new Set(only(ms, 'object').filter((o) => o.refs).map((o) => o.term));
    if (r.kind === 'none' && valueThings.size) r = env.events.resolve(acts, things.filter((t) => !valueThings.has(t)), light, { fallback });
    const flagged = flags.length === 1 ? flags[0]!.events[0]! : undefined;
    const fits = (event: string) => [{ acts, things }, { acts, things: [] }, { acts: [], things }].some((q) => matchEvents(env.index.vocab, q).some((m) => m.event === event));
    if (r.kind === 'events' && flagged && !r.events.includes(flagged) && fits(flagged)) {
      events = [flagged];
      env.events.noteEvent(flagged);
    } else if (r.kind === 'events') events = r.events;
    else if (r.kind === 'ambiguous') {
      // A value said with the phrase that only one candidate holds settles it ("opened the Autumn Sale").
      const holding = r.candidates.filter((c) => held.includes(c.event));
      if (holding.length === 1) {
        events = [holding[0]!.event];
        env.events.noteEvent(events[0]!);
      } else {
        const answer = answerFor(said(), env.answers);
        const chosen = answer === undefined ? undefined : chosenEvent(answer, r.candidates.map((c) => c.event));
        if (!chosen) {
          env.issues.push({ kind: 'ambiguous_event', words: said(), candidates: r.candidates.map((c) => c.event) });
          return undefined;
        }
        events = [chosen];
        env.events.noteEvent(chosen);
      }
    } else if (held.length === 1 && acts.every(isWeakOrUse)) {
      // "used the coupon MEOW5" where coupons live on the order event: the value knows where it is.
      events = held;
      env.events.noteEvent(held[0]!);
    } else if (held.length > 1 && acts.length) {
      // "opened the Autumn Sale": of the events holding the value, the one the verb names.
      const ranked = matchEvents(env.index.vocab, { acts, things: [] }).filter((m) => held.includes(m.event));
      if (ranked[0] && (!ranked[1] || ranked[0].score - ranked[1].score >= 0.3)) {
        events = [ranked[0].event];
        env.events.noteEvent(events[0]!);
      }
    }
  }
  // "purchased in the last 30 days but not in the last 7 days": the same event, another window.
  // "… and that was over 6 months ago": when it happened, of the event just said.
  const bare = ms.every((m) => m.kind === 'window' || m.kind === 'neg' || m.kind === 'cmp' || m.kind === 'ago');
  const repeated = !events.length && !!prev && bare && ms.some((m) => m.kind === 'window' || m.kind === 'ago');
  if (repeated && prev) {
    events = [...prev.draft.events];
    filters = [...prev.draft.filters];
    acts = prev.acts;
    things = prev.things;
  }
  // "received emails but opened none", "registered for a webinar but didn't attend": the verb acts on the thing said before.
  if (!events.length && prev && acts.length && !things.length && !names.length && !glossary.length) {
    const sibling = siblingEvents(prev, acts, env);
    if (sibling.length) {
      events = sibling;
      things = [...prev.things];
    }
  }
  // "with a cart value over $100": a property of one event names that event.
  const propertyRef = only(ms, 'property_ref').find((p) => p.events.length === 1);
  if (!events.length && !acts.length && !things.length && propertyRef && ms.some((m) => m.kind === 'cmp' || m.kind === 'value')) {
    events = [propertyRef.events[0]!];
    env.events.noteEvent(events[0]!);
  }
  if (!events.length && !acts.length && !things.length && !glossary.length && !names.length) {
    // "came from Instagram" without the verb, or "Electronics" after "bought Beauty and".
    const eventOnly = values.filter((v) => !traitLike(v)).flatMap((v) => v.refs.filter((r) => r.source === 'property'));
    const onPrev = prev ? eventOnly.filter((r) => r.source === 'property' && prev.draft.events.includes(r.event)) : [];
    if (onPrev.length && prev) {
      elliptic = true;
      events = [...prev.draft.events];
      acts = prev.acts;
      things = prev.things;
    } else if (eventOnly[0]?.source === 'property' && sourceLike(values, eventOnly[0].property)) {
      events = [eventOnly[0].event];
      env.events.noteEvent(events[0]!);
    }
  }
  if (!events.length) {
    const dated = weakOnly ? undefined : dateTraitFor(acts, things, env);
    if (dated) {
      env.log.record('search_catalog', { query: dated.name, kinds: ['trait'] }, env.msgs.foundTrait(dated.name));
      return { dateTrait: dated };
    }
    if (!weakOnly) reportMissing(ms, env, acts, things, values);
    return undefined;
  }
  const fromGlossaryOnly = glossary.length > 0 && !acts.length && !things.length && !names.length;
  return { events, filters, acts, things, fixedWindow, headCount, glossaryNegated, fromGlossaryOnly, repeated, elliptic, ...(abandoned ? { abandoned } : {}) };
}

/**
 * A value alone names its event only when it says where people came from ("from Instagram",
 * "via the newsletter", a source or campaign property). "Billing contacts" or "accounts" are
 * people described, not a support ticket's category.
 */
function sourceLike(values: ReadonlyArray<MentionOf<'value'>>, property: string): boolean {
  return /source|referr|utm|campaign|medium|channel/i.test(property) || values.some((v) => ['from', 'via', 'through', 'by'].includes(v.lead ?? ''));
}

function isGeneric(t: Term): boolean {
  return hasThing(t, 'product') || ['something', 'anything', 'stuff', 'thing', 'everything', 'item'].includes(t.lemmas.at(-1)!);
}

/**
 * The property a measure word names: the first one after a bare "average", "lowest", "total",
 * or the one right after a measure phrase ("minimum order value", "sum of order totals").
 */
export function measuredProperty(ms: readonly Mention[]): MentionOf<'property_ref'> | undefined {
  const at = ms.findIndex((m) => m.kind === 'aggregate');
  if (at < 0) return undefined;
  const head = ms[at] as MentionOf<'aggregate'>;
  if (!head.generic) {
    const next = ms[at + 1];
    return next?.kind === 'property_ref' ? next : undefined;
  }
  const before = ms[at - 1];
  return ms.slice(at + 1).find((m): m is MentionOf<'property_ref'> => m.kind === 'property_ref') ?? (before?.kind === 'property_ref' ? before : undefined);
}

/** Event words that found nothing are an unknown reference, unless the verb was only "use" or "have". */
function reportMissing(ms: readonly Mention[], env: AssembleEnv, acts: readonly Term[], things: readonly Term[], values: Array<MentionOf<'value'>>) {
  // "who use Android", "who have a phone": a weak verb with a trait is not an event.
  const weak = acts.every((a) => a.lemmas.includes('use') || a.lemmas.includes('have'));
  const weakOnly = weak && !things.length && !ms.some((m) => m.kind !== 'action' && m.kind !== 'value' && EVENTISH.has(m.kind));
  const tried = ms.some((m) => EVENTISH.has(m.kind) && !(m.kind === 'action' && m.light)) && !(weakOnly && values.some(traitLike));
  if (!tried || env.issues.length) return;
  const words = ms.filter((m) => (m.kind === 'action' && !m.light) || m.kind === 'object' || m.kind === 'unknown').map((m) => m.text).join(' ');
  if (words) env.issues.push({ kind: 'unknown', words });
}

/**
 * "received the Monthly Newsletter but never clicked it", "registered for a webinar but didn't
 * attend": the verb now said, of what the events said before act on ("Email Delivered" →
 * "Email Link Clicked", "webinarRegistered" → "webinarAttended").
 */
function siblingEvents(prev: EventContext, acts: readonly Term[], env: AssembleEnv): string[] {
  const before = prev.draft.events.map((e) => env.index.vocab.event(e)).filter((e) => e !== undefined);
  const things = [...prev.things, ...before.flatMap((e) => e.nameTerms.filter((t) => t.senses.thing.core.size > 0 || !(t.senses.act.core.size || t.senses.act.loose.size)))];
  if (!things.length) return [];
  const found = matchEvents(env.index.vocab, { acts: [...acts], things: [] }).filter((m) => !prev.draft.events.includes(m.event));
  const kin = found.filter((m) => {
    const e = env.index.vocab.event(m.event);
    return e !== undefined && things.some((t) => e.nameTerms.some((n) => similarity(t, n, 'thing') >= 0.8 || t.lemmas.some((l) => n.lemmas.includes(l))));
  });
  const top = kin[0];
  if (!top || (kin[1] && top.score - kin[1].score < 0.3)) return [];
  env.events.noteEvent(top.event);
  return [top.event];
}
