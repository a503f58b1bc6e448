/**
 * One alternative of a request (words between connectors) into drafts: its event side, its
 * profile side, vague words waiting for a meaning, and what could not be used.
 */
import { isFunctionWord } from '../../../vocabulary/word-class.js';
import type { Mention, MentionOf } from '../recognise/mentions.js';
import { attachToEvent } from './attach.js';
import type { Draft } from './drafts.js';
import type { AssembleEnv, EventContext } from './env.js';
import { eventPart } from './event-part.js';
import { negationTargets } from './negation.js';
import { traitPart } from './trait-part.js';
import { contextPart } from './context-part.js';
import { FILLER_WORDS } from '../lexicon/filler-words.js';

export interface AlternativeResult {
  drafts: Draft[];
  context?: EventContext;
}

export function assembleAlternative(ms: readonly Mention[], env: AssembleEnv, prev: EventContext | undefined, opts: { attach: boolean; sameChoice: boolean }): AlternativeResult {
  const drafts: Draft[] = [];
  // "outside business hours", "not on the pricing page": a word about the visit takes its "not" with it.
  const neg = negationTargets(ms.filter((m) => m.kind !== 'out_of_scope' && m.kind !== 'top'));
  for (const m of ms) {
    if (m.kind === 'vague') {
      const about = ms.filter((x): x is MentionOf<'value'> => x.kind === 'value').map((x) => x.text);
      // A page named in words: the options are made from its words.
      drafts.push({ kind: 'vague', term: m.term, notion: m.notion, about: m.notion === 'page' ? [m.term] : about, ...(neg.has(m) ? { negated: true } : {}) });
    }
    if (m.kind === 'top') drafts.push({ kind: 'vague', term: m.text, notion: m.notion, about: [], percentile: m.percent });
  }
  const content = ms.filter((m) => m.kind !== 'vague' && m.kind !== 'out_of_scope' && m.kind !== 'top');
  // "orders above $75 but less than $150": a bound alone goes with the event just said.
  const boundOnly = content.length > 0 && content.every((m) => m.kind === 'cmp' && m.unit !== 'times');
  if ((opts.attach || boundOnly) && prev && content.length) {
    const negated = content.some((m) => m.kind === 'neg');
    const attached = attachToEvent(content.filter((m) => m.kind !== 'neg'), prev.draft, env, { negated });
    if (attached) return { drafts, context: { ...prev, things: [...prev.things, ...attached.things] } };
  }

  const ev = eventPart(content, neg, env, prev, opts.sameChoice);
  const hasEvent = ev.drafts.some((d) => d.kind === 'event' || d.kind === 'any');
  const traits = traitPart(content, neg, env, ev.used, hasEvent);
  drafts.push(...ev.drafts, ...traits, ...contextPart(content, neg, ev.used));

  for (const m of ms) {
    if (m.kind === 'out_of_scope') {
      const event = ev.context ? env.index.event(ev.context.draft.events[0]!) : undefined;
      env.issues.push({ kind: 'out_of_scope', thing: m.thing, alternative: event ? `${event.name}${event.description ? ` (${event.description.replace(/\.$/, '')})` : ''}` : undefined });
    }
  }
  if (!hasEvent) {
    for (const m of content) {
      if (m.kind === 'window' && !ev.used.has(m) && m.spec.kind === 'window') {
        env.anchors.push({ order: env.nextOrder(), window: m.spec.window });
        ev.used.add(m);
      }
    }
  }
  reportUnused(content, ev.used, env, drafts.length > 0);
  return { drafts, context: ev.context };
}

/**
 * Words nothing used are said back as not understood; but a request whose main words are
 * unknown ("registered for a webinar", "own a dog") cannot be answered at all.
 */
function reportUnused(ms: readonly Mention[], used: Set<Mention>, env: AssembleEnv, produced: boolean) {
  const unknown = ms.filter((m) => m.kind === 'unknown');
  // The verb or its object unknown ("liked our Instagram post", "rented a car"): the request is about something else.
  const verbPosition = (m: Mention) => ms.indexOf(m) === 0 && ms.some((x) => x.kind === 'action' || x.kind === 'object');
  const objectPosition = unknown.filter((m) => {
    const before = ms[ms.indexOf(m) - 1];
    return (before?.kind === 'action' || verbPosition(m)) && !/ly$/i.test(m.text);
  });
  if (unknown.length && (!produced || objectPosition.length)) {
    env.issues.push({ kind: 'unknown', words: (objectPosition.length ? objectPosition : unknown).map((m) => m.text).join(' ') });
    return;
  }
  const leftovers = ms.filter((m) => !used.has(m) && (m.kind === 'unknown' || m.kind === 'cmp' || m.kind === 'value' || m.kind === 'property_ref' || m.kind === 'window' || m.kind === 'contains' || m.kind === 'ago' || m.kind === 'cmp_suffix' || m.kind === 'unsupported'));
  for (const m of leftovers) {
    if (!env.notUnderstood.includes(m.text)) env.notUnderstood.push(m.text);
    if (changesAudience(m, ms) && !env.unplaced.some((u) => u.text === m.text)) {
      env.unplaced.push({ text: m.text, naming: m.kind === 'value' || m.kind === 'property_ref' || m.kind === 'unknown' });
    }
  }
}

/**
 * Whether a word left over would change who is in the audience: a number, a comparison, a value,
 * a time, words of another script left untranslated. Leaving it out would return a different
 * audience as if it were the one asked for, so the user is asked instead. Words about who the
 * audience is ("Travellers who …") and unknown English words beside a full reading are said
 * back as not understood, without a question.
 */
/** What a word right after qualifies: the event said. */
const QUALIFIED = new Set<Mention['kind']>(['action', 'object']);

function changesAudience(m: Mention, ms: readonly Mention[]): boolean {
  switch (m.kind) {
    case 'cmp':
    case 'cmp_suffix':
    case 'ago':
    case 'contains':
      return true;
    case 'window':
      return m.spec.kind === 'window' || m.spec.kind === 'next';
    case 'value':
      return !FILLER_WORDS.has(m.text.toLowerCase());
    case 'property_ref': {
      // "Travellers who booked …": the name of a property said as who the audience is.
      const k = ms.indexOf(m);
      const next = ms[k + 1];
      const subject = next?.kind === 'connector' && /^(who|that|with|whose)$/i.test(next.text);
      return !subject;
    }
    case 'unknown': {
      if (/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(m.text)) return true;
      // "made a card payment abroad", "an international transfer": a word said on the event is what kind of event.
      const k = ms.indexOf(m);
      return !m.text.split(/\s+/).every(isFunctionWord) && (QUALIFIED.has(ms[k - 1]?.kind ?? 'connector') || ms[k + 1]?.kind === 'object');
    }
    default:
      return false;
  }
}
