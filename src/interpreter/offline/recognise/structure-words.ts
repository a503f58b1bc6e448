/** Connectors ("and", "or", "who", "with", "excluding") and negation ("haven't", "never"). */
import { AND_NOT_WORDS, AND_WORDS, EITHER_WORDS, EXCEPT_WORDS, NEGATION_WORDS, NEVER_WORDS, OR_WORDS, WIDE_OR_WORDS, WITH_WORDS } from '../lexicon/structure-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import type { MentionBody } from './mentions.js';
import type { Recognised } from './scan-types.js';

type Connector = 'and' | 'or' | 'and_not' | 'with' | 'except' | 'either' | 'wide_or';

const WITHOUT = new Set(['without', 'but without', 'with no']);

const CONNECTORS = new PhraseTable<Connector>();
AND_WORDS.forEach((w) => CONNECTORS.add(w, 'and'));
WITH_WORDS.forEach((w) => CONNECTORS.add(w, 'with'));
OR_WORDS.forEach((w) => CONNECTORS.add(w, 'or'));
AND_NOT_WORDS.forEach((w) => CONNECTORS.add(w, 'and_not'));
EXCEPT_WORDS.forEach((w) => CONNECTORS.add(w, 'except'));
EITHER_WORDS.forEach((w) => CONNECTORS.add(w, 'either'));
WIDE_OR_WORDS.forEach((w) => CONNECTORS.add(w, 'wide_or'));

const NEGATIONS = new PhraseTable<boolean>();
NEGATION_WORDS.forEach((w) => NEGATIONS.add(w, false));
NEVER_WORDS.forEach((w) => NEGATIONS.add(w, true));

export function recogniseConnector(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = CONNECTORS.match(tokens, i);
  if (!m) return undefined;
  const op = m.payloads[0]!;
  // "with" is an "and" that may attach a detail to the thing before it; the splitter decides.
  // "without a coupon" may say the same of the event before ("an order without a coupon").
  const written = tokens.slice(i, m.end).map((t) => t.norm).join(' ');
  let body: MentionBody;
  if (op === 'with') body = { kind: 'connector', op: 'and', attach: true };
  else if (op === 'wide_or') body = { kind: 'connector', op: 'or', wide: true };
  else if (op === 'and_not' && WITHOUT.has(written)) body = { kind: 'connector', op, attach: true };
  else body = { kind: 'connector', op };
  return { end: m.end, body };
}

export function recogniseNegation(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = NEGATIONS.match(tokens, i);
  if (!m) return undefined;
  return { end: m.end, body: { kind: 'neg', never: m.payloads[0]! } };
}
