/**
 * Which visit this is for the visitor: new ("first-time visitors", "on their first visit"),
 * returning ("returning visitors"), or a numbered one ("on their third visit or later").
 */
import type { Comparator, ContextCondition } from '../../../definition/schema.js';
import { NEW_VISITOR_WORDS, OR_LATER, ORDINALS, RETURNING_LIVE_WORDS, RETURNING_VISITOR_WORDS } from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { OBJECTS } from './event-words.js';
import type { Recognised, ScanEnv } from './scan-types.js';

type Kind = 'new' | 'returning' | 'returning_live';
const PHRASES = new PhraseTable<Kind>();
NEW_VISITOR_WORDS.forEach((w) => PHRASES.add(w, 'new'));
RETURNING_VISITOR_WORDS.forEach((w) => PHRASES.add(w, 'returning'));
RETURNING_LIVE_WORDS.forEach((w) => PHRASES.add(w, 'returning_live'));
const LATER = new PhraseTable<true>();
OR_LATER.forEach((w) => LATER.add(w, true));

const LEADS = new Set(['on', 'during', 'in', 'at', 'for', 'their', 'his', 'her', 'the', 'a', 'my', 'your', 'its', 'least']);
const VISIT = new Set(['visit', 'visits', 'session', 'sessions']);

const sessions = (end: number, op: Comparator, value: number): Recognised => ({
  end, body: { kind: 'context', conditions: [{ type: 'context', field: 'session_count', op, value } satisfies ContextCondition] },
});

/** "third", "3rd", "10th". */
function ordinalAt(tokens: readonly Token[], i: number): { n: number; end: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const word = ORDINALS[t.norm];
  if (word) return { n: word, end: i + 1 };
  const suffix = tokens[i + 1];
  if (t.kind === 'number' && t.value !== undefined && Number.isInteger(t.value) && t.value >= 1 && t.value <= 1000
    && suffix && ['st', 'nd', 'rd', 'th'].includes(suffix.norm) && suffix.start === t.end) return { n: t.value, end: i + 2 };
  return undefined;
}

/** "on their third visit or later", "at least their 3rd session", "second visit". */
function numbered(tokens: readonly Token[], i: number): Recognised | undefined {
  const atLeast = tokens[i]?.norm === 'at' && tokens[i + 1]?.norm === 'least';
  let j = i;
  while (j < i + 3 && LEADS.has(tokens[j]?.norm ?? '')) j++;
  const ord = ordinalAt(tokens, j);
  if (!ord || !VISIT.has(tokens[ord.end]?.norm ?? '')) return undefined;
  const later = LATER.match(tokens, ord.end + 1);
  const end = later ? later.end : ord.end + 1;
  if (later || atLeast) return sessions(end, 'gte', ord.n);
  return ord.n === 1 ? sessions(end, 'lte', 1) : sessions(end, 'eq', ord.n);
}

export function recogniseVisitCount(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const phrase = PHRASES.match(tokens, i);
  const kind = phrase?.payloads.find((k) => k !== 'returning_live' || env.live);
  // "returning products": the verb, not the visitor.
  const after = phrase && ['the', 'their', 'a', 'an', 'some', 'any', 'an'].includes(tokens[phrase.end]?.norm ?? '') ? phrase.end + 1 : phrase?.end ?? i;
  const returnsThing = kind === 'returning_live' && OBJECTS.match(tokens, after) !== undefined;
  const said = phrase && kind && !returnsThing ? sessions(phrase.end, kind === 'new' ? 'lte' : 'gte', kind === 'new' ? 1 : 2) : undefined;
  const count = numbered(tokens, i);
  return [said, count].filter((r): r is Recognised => r !== undefined).sort((a, b) => b.end - a.end)[0];
}
