/**
 * What a negation negates: the first thing named after it ("haven't purchased", "not on the
 * Blocklist"), or the last one before it when nothing follows (word orders where the negation
 * comes last). "never" also means over all time.
 */
import type { Mention } from '../recognise/mentions.js';

const HEADS = new Set<Mention['kind']>([
  'action', 'object', 'event_name', 'glossary', 'aggregate', 'recency_head', 'repeat', 'value', 'trait_ref',
  'boolean_trait', 'list', 'context',
]);

/** A head, or a word about the visit still waiting for its meaning ("not during business hours"). */
function isHead(m: Mention): boolean {
  return HEADS.has(m.kind) || (m.kind === 'vague' && (m.notion === 'hours' || m.notion === 'page'));
}

export interface Negation {
  never: boolean;
}

/** Words that say a thing is absent: "not blank" is there. */
const ABSENT = /^(blank|empty|missing|null|unknown|unspecified|unset|not set|not provided|not given|not specified|lacking)$/i;

export function negationTargets(mentions: readonly Mention[]): Map<Mention, Negation> {
  const out = new Map<Mention, Negation>();
  // "isn't blank", "not missing": two negations that cancel.
  const cancelled = new Set<Mention>();
  mentions.forEach((m, i) => {
    const next = mentions[i + 1];
    if (m.kind === 'neg' && next?.kind === 'neg' && ABSENT.test(next.text) && !cancelled.has(m)) {
      cancelled.add(m);
      cancelled.add(next);
    }
  });
  mentions.forEach((m, i) => {
    if (m.kind !== 'neg' || cancelled.has(m)) return;
    const after = mentions.slice(i + 1).find((x) => isHead(x) && !out.has(x));
    const before = [...mentions.slice(0, i)].reverse().find((x) => isHead(x) && !out.has(x));
    // "completed tasks not on time": said right before a property, the negation is about it.
    const target = mentions[i + 1]?.kind === 'property_ref' ? mentions[i + 1] : after ?? before;
    if (!target) return;
    const prior = out.get(target);
    out.set(target, { never: m.never || !!prior?.never });
  });
  return out;
}

/**
 * "haven't purchased or opened an email": one negation before a choice covers every
 * alternative, and "not (A or B)" is "not A and not B".
 */
export function distributeNegation(alternatives: Mention[][]): { alternatives: Mention[][]; op: 'and' | 'or' } {
  if (alternatives.length < 2) return { alternatives, op: 'or' };
  const first = alternatives[0]!;
  const lead = first[0];
  if (lead?.kind !== 'neg') return { alternatives, op: 'or' };
  const rest = alternatives.slice(1);
  if (rest.some((a) => a.some((m) => m.kind === 'neg'))) return { alternatives, op: 'or' };
  // "haven't purchased or are gold members" keeps its "or": only like things share the "not".
  const family = headFamily(first);
  if (rest.some((a) => headFamily(a) !== family)) return { alternatives, op: 'or' };
  return { alternatives: [first, ...rest.map((a) => [{ ...lead }, ...a])], op: 'and' };
}

const EVENTISH = new Set<Mention['kind']>(['action', 'object', 'event_name', 'glossary', 'aggregate', 'recency_head', 'repeat']);

function headFamily(mentions: readonly Mention[]): 'event' | 'list' | 'trait' | 'context' | undefined {
  if (mentions.some((m) => EVENTISH.has(m.kind))) return 'event';
  if (mentions.some((m) => m.kind === 'context')) return 'context';
  if (mentions.some((m) => m.kind === 'list')) return 'list';
  if (mentions.some((m) => m.kind === 'value' || m.kind === 'trait_ref' || m.kind === 'boolean_trait')) return 'trait';
  return undefined;
}
