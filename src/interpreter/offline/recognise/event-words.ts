/** Verbs and objects of things customers do ("opened", "an email"), and "repeat customers". */
import { ACTION_WORDS, OBJECT_WORDS, REPEAT_WORDS } from '../lexicon/event-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import type { ActionId, ObjectId } from './mentions.js';
import type { Recognised } from './scan-types.js';

export const ACTIONS = new PhraseTable<ActionId>();
for (const [action, words] of Object.entries(ACTION_WORDS) as Array<[ActionId, string[]]>) words.forEach((w) => ACTIONS.add(w, action));

export const OBJECTS = new PhraseTable<ObjectId>();
for (const [object, words] of Object.entries(OBJECT_WORDS) as Array<[ObjectId, string[]]>) words.forEach((w) => OBJECTS.add(w, object));

const REPEAT = new PhraseTable<'gte2' | 'eq1'>();
REPEAT_WORDS.forEach(([w, kind]) => REPEAT.add(w, kind));

export function recogniseAction(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = ACTIONS.match(tokens, i);
  return m && { end: m.end, body: { kind: 'action', action: m.payloads[0]! } };
}

export function recogniseObject(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = OBJECTS.match(tokens, i);
  return m && { end: m.end, body: { kind: 'object', object: m.payloads[0]! } };
}

export function recogniseRepeat(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = REPEAT.match(tokens, i);
  if (!m) return undefined;
  const cmp = m.payloads[0] === 'gte2' ? { op: 'gte' as const, value: 2, money: false } : { op: 'eq' as const, value: 1, money: false };
  return { end: m.end, body: { kind: 'repeat', cmp } };
}
