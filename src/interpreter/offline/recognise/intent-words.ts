/**
 * Words about intent rather than conditions: vague notions that need a number, things the
 * workspace cannot see, the request's framing and its purpose.
 */
import { FILLER_WORDS, PREAMBLE_PHRASES, PURPOSE_NOUNS, SINGLE_ORDER_PHRASES } from '../lexicon/filler-words.js';
import { OUT_OF_SCOPE } from '../lexicon/out-of-scope-words.js';
import { VAGUE_WORDS } from '../lexicon/vague-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import type { Mention, Notion } from './mentions.js';
import type { Recognised, ScanEnv } from './scan-types.js';

const VAGUE = new PhraseTable<Notion>();
for (const [notion, words] of Object.entries(VAGUE_WORDS) as Array<[Notion, string[]]>) words.forEach((w) => VAGUE.add(w, notion));

const OUT = new PhraseTable<(typeof OUT_OF_SCOPE)[number]>();
for (const thing of OUT_OF_SCOPE) thing.words.forEach((w) => OUT.add(w, thing));

const PREAMBLE = new PhraseTable<true>();
PREAMBLE_PHRASES.forEach((p) => PREAMBLE.add(p, true));

const SINGLE_ORDER = new PhraseTable<true>();
SINGLE_ORDER_PHRASES.forEach((p) => SINGLE_ORDER.add(p, true));

export function recogniseSingleOrder(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = SINGLE_ORDER.match(tokens, i);
  return m && { end: m.end, body: { kind: 'single_order' } };
}

const TAGGED = new PhraseTable<true>();
['tagged', 'tagged as', 'tagged with', 'with the tag', 'with tag', 'with the tags', 'with tags', 'labelled', 'labeled',
  'labelled as', 'labeled as', 'have the tag', 'has the tag', 'tag', 'tags', 'carrying the tag'].forEach((w) => TAGGED.add(w, true));

export function recogniseVague(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = VAGUE.match(tokens, i);
  if (!m) return undefined;
  const text = tokens.slice(i, m.end).map((t) => t.text).join(' ').replace(/ - /g, '-');
  return { end: m.end, body: { kind: 'vague', term: text, notion: m.payloads[0]! } };
}

export function recogniseOutOfScope(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = OUT.match(tokens, i);
  if (!m) return undefined;
  const thing = m.payloads[0]!;
  // A workspace that tracks the thing gets it resolved like any other event.
  if (env.index.catalog.events.some((e) => thing.key.test(e.name))) return undefined;
  return { end: m.end, body: { kind: 'out_of_scope', thing: thing.id } };
}

export function recogniseTagged(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = TAGGED.match(tokens, i);
  return m && { end: m.end, body: { kind: 'tagged' } };
}

const AFTER_ONE = new Set(['.', ',', ';', 'to', 'into', 'in', 'within', 'during', 'since', 'but', 'and', 'or', 'yet', 'ever', 'over', 'this', 'last', 'from', 'after', 'before', 'either', 'at', 'recently', 'lately', '!']);

/** "redeemed it", "opened them", "never clicked one": the thing just named. */
export function recognisePronoun(tokens: readonly Token[], i: number, _env: ScanEnv, prev: Mention | undefined): Recognised | undefined {
  const w = tokens[i]?.norm;
  if (w === 'it' || w === 'them' || w === 'those' || w === 'these') return { end: i + 1, body: { kind: 'pronoun' } };
  const next = tokens[i + 1];
  if ((w === 'one' || w === 'any' || w === 'ones') && prev?.kind === 'action' && (!next || AFTER_ONE.has(next.norm))) return { end: i + 1, body: { kind: 'pronoun' } };
  return undefined;
}

/** The framing ("I want to find", "show me") and the purpose ("for a win-back campaign"). */
export function fillerPhraseEnd(tokens: readonly Token[], i: number): number | undefined {
  const pre = PREAMBLE.match(tokens, i);
  const purpose = purposeEnd(tokens, i);
  const ends = [pre?.end, purpose, totalOfCount(tokens, i)].filter((e): e is number => e !== undefined);
  return ends.length ? Math.max(...ends) : undefined;
}

/** "a total of more than 5 orders": the words only say that a count follows. */
function totalOfCount(tokens: readonly Token[], i: number): number | undefined {
  let j = tokens[i]?.norm === 'a' || tokens[i]?.norm === 'in' ? i + 1 : i;
  if (tokens[j]?.norm !== 'total' || tokens[j + 1]?.norm !== 'of') return undefined;
  j += 2;
  const next = tokens[j];
  const counts = next?.kind === 'number' ? !next.money : ['more', 'over', 'at', 'less', 'fewer', 'under', 'exactly', 'up', 'no', 'between'].includes(next?.norm ?? '');
  return counts ? j : undefined;
}

/** "want to send them early access", "so we can invite them", "we could ask for a case study": the rest of the clause says what it is for. */
const PURPOSE_CLAUSES = new PhraseTable<true>();
['want to send', 'to send them', 'send them', 'so we can', 'so i can', 'we could ask', 'we can ask', 'to ask them', 'to invite them', 'to offer them',
  'to give them', 'to reward them', 'to email them', 'to thank them', 'to reach out', 'to win them back', 'to get them back'].forEach((p) => PURPOSE_CLAUSES.add(p, true));

function purposeEnd(tokens: readonly Token[], i: number): number | undefined {
  const clause = PURPOSE_CLAUSES.match(tokens, i);
  if (clause) {
    let j = clause.end;
    while (j < tokens.length && !['.', ';', '?', '!'].includes(tokens[j]!.text) && !['who', 'that', 'whose', 'excluding', 'except'].includes(tokens[j]!.norm)) j++;
    return j;
  }
  const w = tokens[i]?.norm;
  if (w !== 'for' && w !== 'ahead' && w !== 'to') return undefined;
  let j = i + 1;
  if (w === 'ahead' && tokens[j]?.norm === 'of') j++;
  if (w === 'to') {
    // "to invite to our event", "to target with a promo"
    if (!['invite', 'target', 'send', 'reach', 'include', 'use'].includes(tokens[j]?.norm ?? '')) return undefined;
    j++;
  }
  for (let k = j; k < Math.min(tokens.length, j + 6); k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && t.text !== '-') return undefined;
    if (PURPOSE_NOUNS.has(t.norm)) {
      let end = k + 1;
      while (end < tokens.length && PURPOSE_NOUNS.has(tokens[end]!.norm)) end++;
      return end;
    }
  }
  return undefined;
}

export function isFillerWord(t: Token): boolean {
  return t.kind === 'punct' ? t.text === '-' || t.text === '(' || t.text === ')' || t.text === '"' || t.text === "'" : FILLER_WORDS.has(t.norm);
}
