/**
 * Which events one alternative talks about: literal names, glossary terms, verbs and objects
 * (as concepts found in the plan), the values said, or what was said just before when words
 * are left out ("or a push notification", "redeemed it", "but not in the last 7 days").
 */
import type { Comparator, PropertyFilter, Window } from '../../../definition/schema.js';
import type { ActionId, Mention, MentionOf, ObjectId } from '../recognise/mentions.js';
import { ABANDONMENT, ACTION_NAME, abandonmentOf, conceptsOf } from '../resolve/event-concepts.js';
import type { AssembleEnv, EventContext } from './env.js';

export interface EventSource {
  events: string[];
  filters: PropertyFilter[];
  actions: ActionId[];
  objects: ObjectId[];
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

/** Undefined when the alternative names no event (an issue is recorded when it tried to). */
export function findEvents(ms: readonly Mention[], env: AssembleEnv, prev: EventContext | undefined, sameChoice: boolean): EventSource | undefined {
  const names = only(ms, 'event_name');
  const glossary = only(ms, 'glossary');
  const aggregates = only(ms, 'aggregate');
  const heads = only(ms, 'recency_head');
  const repeats = only(ms, 'repeat');
  const values = only(ms, 'value');

  let actionIds: ActionId[] = only(ms, 'action').map((a) => a.action);
  let objectIds: ObjectId[] = only(ms, 'object').map((o) => o.object);
  for (const h of heads) {
    if (h.action) actionIds.push(h.action);
    if (h.object) objectIds.push(h.object);
  }
  if (repeats.length) actionIds.push('purchase');
  const verbs = () => actionIds.filter((a) => a !== 'generic' && a !== 'complete');

  // Left out, because said just before: "opened an email or a push notification", "redeemed it".
  if (prev && !names.length && !glossary.length) {
    if (sameChoice && !verbs().length && objectIds.length) actionIds = [...prev.actions, ...actionIds];
    if (ms.some((m) => m.kind === 'pronoun')) objectIds = [...objectIds, ...prev.objects];
    // "started checkout but didn't complete": finishing what was just said.
    else if (actionIds.includes('complete') && !verbs().length && !objectIds.length) objectIds = [...prev.objects];
  }
  // "spent over $50 on Beauty products": spending is buying. A bare "average rating" or "total
  // refunds" says its event through the property or the thing named instead.
  const namesItsEvent = aggregates.every((a) => a.generic) && (measuredProperty(ms) !== undefined || conceptsOf([], objectIds).length > 0);
  if (aggregates.length && !verbs().length && !names.length && !glossary.length && !namesItsEvent) actionIds.push('purchase');

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
  if (!events.length && actionIds.includes('abandon')) {
    const step = ABANDONMENT[abandonmentOf(actionIds, objectIds)];
    const started = env.events.concept(step.started);
    const completed = env.events.concept(step.completed);
    if (!started || !completed) {
      env.issues.push({ kind: 'no_event', what: ms.filter((m) => m.kind === 'action' || m.kind === 'object').map((m) => m.text).join(' ') });
      return undefined;
    }
    events.push(started.name);
    abandoned = { completed: completed.name };
  }

  const holders = (refs: ReadonlyArray<MentionOf<'value'>['refs'][number]>) => [...new Set(refs.flatMap((r) => (r.source === 'property' ? [r.event] : [])))];
  const valueRefs = values.flatMap((v) => v.refs.filter((r) => r.source === 'property'));
  if (!events.length && (verbs().length || objectIds.length)) {
    const concepts = conceptsOf(actionIds, objectIds);
    for (const c of concepts) {
      const found = env.events.concept(c);
      if (found) events.push(found.name);
    }
    if (concepts.length && !events.length) {
      // "used the coupon MEOW5" where coupons live on the order event: the value knows where it is.
      const held = holders(valueRefs);
      if (held.length !== 1) {
        env.issues.push({ kind: 'no_event', what: ms.filter((m) => m.kind === 'action' || m.kind === 'object').map((m) => m.text).join(' ') });
        return undefined;
      }
      events = held;
    } else if (!concepts.length) {
      // "opened the Autumn Sale": the events holding the value that do what the verb says.
      const pattern = ACTION_NAME[verbs()[0] ?? 'generic'];
      events = holders(valueRefs.filter((r) => r.source === 'property' && (!pattern || pattern.test(r.event))));
    }
    events.forEach((e) => env.events.noteEvent(e));
  }
  // "purchased in the last 30 days but not in the last 7 days": the same event, another window.
  // "… and that was over 6 months ago": when it happened, of the event just said.
  const bare = ms.every((m) => m.kind === 'window' || m.kind === 'neg' || m.kind === 'cmp' || m.kind === 'ago');
  const repeated = !events.length && !!prev && bare && ms.some((m) => m.kind === 'window' || m.kind === 'ago');
  if (repeated && prev) {
    events = [...prev.draft.events];
    filters = [...prev.draft.filters];
    actionIds = prev.actions;
    objectIds = prev.objects;
  }
  // "received emails but opened none": the verb acts on the thing said before.
  if (!events.length && prev && verbs().length && !objectIds.length && !names.length && !glossary.length && !conceptsOf(actionIds, []).length) {
    for (const c of conceptsOf(actionIds, prev.objects)) {
      const found = env.events.concept(c);
      if (found) events.push(found.name);
    }
    if (events.length) objectIds = [...prev.objects];
    else events = siblingEvents(prev.draft.events, verbs()[0]!, env);
  }
  // "with a cart value over $100": a property of one event names that event.
  const propertyRef = only(ms, 'property_ref').find((p) => p.events.length === 1);
  if (!events.length && !verbs().length && !objectIds.length && propertyRef && ms.some((m) => m.kind === 'cmp' || m.kind === 'value')) {
    events = [propertyRef.events[0]!];
    env.events.noteEvent(events[0]!);
  }
  if (!events.length && !verbs().length && !objectIds.length && !glossary.length && !names.length) {
    // "came from Instagram" without the verb, or "Electronics" after "bought Beauty and".
    const eventOnly = values.filter((v) => !traitLike(v)).flatMap((v) => v.refs.filter((r) => r.source === 'property'));
    const onPrev = prev ? eventOnly.filter((r) => r.source === 'property' && prev.draft.events.includes(r.event)) : [];
    if (onPrev.length && prev) {
      elliptic = true;
      events = [...prev.draft.events];
      actionIds = prev.actions;
      objectIds = prev.objects;
    } else if (eventOnly[0]?.source === 'property') {
      events = [eventOnly[0].event];
      env.events.noteEvent(events[0]!);
    }
  }
  if (!events.length) {
    reportMissing(ms, env, verbs(), objectIds, values);
    return undefined;
  }
  const fromGlossaryOnly = glossary.length > 0 && !verbs().length && !objectIds.length && !names.length;
  return { events, filters, actions: actionIds, objects: objectIds, fixedWindow, headCount, glossaryNegated, fromGlossaryOnly, repeated, elliptic, ...(abandoned ? { abandoned } : {}) };
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

/** Event words that found nothing are an unknown reference, unless the verb was only "use". */
function reportMissing(ms: readonly Mention[], env: AssembleEnv, verbs: ActionId[], objects: ObjectId[], values: Array<MentionOf<'value'>>) {
  // "who use Android", "who have a phone": a weak verb with a trait is not an event.
  const weakOnly = verbs.every((v) => v === 'use') && !objects.length && !ms.some((m) => m.kind !== 'action' && m.kind !== 'value' && EVENTISH.has(m.kind));
  const tried = ms.some((m) => EVENTISH.has(m.kind)) && !(weakOnly && values.some(traitLike));
  if (!tried || env.issues.length) return;
  const words = ms.filter((m) => m.kind === 'action' || m.kind === 'object' || m.kind === 'unknown').map((m) => m.text).join(' ');
  if (words) env.issues.push({ kind: 'unknown', words });
}

/**
 * "received the Monthly Newsletter but never clicked it": the events of the same channel as
 * those said before ("Email Delivered" → "Email Link Clicked"), doing what the verb says.
 */
function siblingEvents(previous: readonly string[], verb: ActionId, env: AssembleEnv): string[] {
  const pattern = ACTION_NAME[verb];
  if (!pattern) return [];
  const channel = (name: string) => name.split(/\s+/)[0]!.toLowerCase();
  const channels = new Set(previous.map(channel));
  const out = env.index.catalog.events.filter((e) => channels.has(channel(e.name)) && pattern.test(e.name) && !previous.includes(e.name)).map((e) => e.name);
  out.forEach((e) => env.events.noteEvent(e));
  return out;
}
