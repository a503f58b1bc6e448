/**
 * What a customer did ("opened", "logged in", "exported") and what they did it to ("an email",
 * "a report", "the watchlist"): any verb or noun of the general lexicon (vocabulary/concepts.ts)
 * or of the workspace's own event names. Which event they name is decided later, against the
 * workspace (resolve/phrase-events.ts); here they are only words with their senses.
 */
import { GENERIC_THINGS, LIGHT_VERBS } from '../../../vocabulary/concepts.js';
import { REPEAT_WORDS } from '../lexicon/event-words.js';
import { lemmas } from '../../../vocabulary/lemma.js';
import type { Term } from '../../../vocabulary/vocabulary.js';
import { CONCEPT_PHRASES, says, wordSenses, type Senses } from '../../../vocabulary/word-sense.js';
import { PhraseTable } from '../text/phrase-table.js';
import { isSpacer, type Token } from '../text/tokenize.js';
import type { Mention } from './mentions.js';
import type { Recognised, ScanEnv } from './scan-types.js';
import { FILLER_WORDS } from '../lexicon/filler-words.js';

/** The concept a term says first: its core act (or thing), else a loose one, else its lemma. */
export function primaryOf(term: Term, kind: 'act' | 'thing'): string {
  const s = term.senses[kind];
  return [...s.core][0] ?? [...s.loose][0] ?? term.lemmas.at(-1)!;
}

function termOf(text: string, senses: Senses, keys: string[]): Term {
  return { text: text.toLowerCase(), lemmas: [text.toLowerCase(), ...keys], senses };
}

/** A phrase of the lexicon starting at `i` ("logged in", "add to cart"), matched on lemmas, hyphens skipped. */
function lexiconPhraseAt(tokens: readonly Token[], i: number, kind: 'act' | 'thing'): { end: number; term: Term } | undefined {
  const words: Array<{ index: number; token: Token }> = [];
  for (let k = i; k < tokens.length && words.length < 6; k++) {
    const t = tokens[k]!;
    if (isSpacer(t) && k > i) continue;
    if (t.kind !== 'word') break;
    words.push({ index: k, token: t });
  }
  for (const p of CONCEPT_PHRASES) {
    if (p.kind !== kind || p.lemmas.length > words.length) continue;
    if (!p.lemmas.every((l, k) => lemmas(words[k]!.token.text).includes(l))) continue;
    const same = CONCEPT_PHRASES.filter((x) => x.lemmas.join(' ') === p.lemmas.join(' '));
    const senses: Senses = { act: { core: new Set(), loose: new Set() }, thing: { core: new Set(), loose: new Set() } };
    for (const x of same) (x.core ? senses[x.kind].core : senses[x.kind].loose).add(x.concept);
    const last = words[p.lemmas.length - 1]!;
    const text = tokens.slice(i, last.index + 1).map((t) => t.text).join(' ');
    // "clicked on" is still "clicked": the head word meets names that say it alone.
    return { end: last.index + 1, term: termOf(text, senses, [p.lemmas.join(' '), ...lemmas(words[0]!.token.text)]) };
  }
  return undefined;
}

function wordTerm(t: Token): Term {
  return { text: t.norm, lemmas: lemmas(t.norm), senses: wordSenses(t.norm) };
}

/** Inflected like a verb ("bought", "logged", "exporting"): the word is the act, not the thing. */
function verbForm(t: Token): boolean {
  const ls = lemmas(t.norm);
  return ls.length > 1 && (/(ed|en)$/.test(t.norm) || (!t.norm.endsWith('s') && !t.norm.endsWith('ing')));
}

const DETERMINERS = new Set(['a', 'an', 'the', 'any', 'their', 'our', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'every', 'each', 'no']);

/** Words that say a verb comes next ("who", "to", "didn't"). */
const BEFORE_VERB = new Set(['who', 'to', 'that', 'and', 'or', 'but', 'never', 'not', 'also', 'still', 'ever', 'already', 'just', 'recently', 'again']);

/** A word of the workspace's event names ("export", "watchlist", "nps"), with the kind it plays there. */
function workspaceWord(t: Token, env: ScanEnv): 'act' | 'thing' | undefined {
  return env.index.eventWords.get(lemmas(t.norm).at(-1)!) ?? lemmas(t.norm).map((l) => env.index.eventWords.get(l)).find(Boolean);
}

export function recogniseAction(tokens: readonly Token[], i: number, env?: ScanEnv, prev?: Mention): Recognised | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  const phrase = lexiconPhraseAt(tokens, i, 'act');
  if (phrase && phrase.end > i + 1) return { end: phrase.end, body: { kind: 'action', action: primaryOf(phrase.term, 'act'), term: phrase.term } };
  if (FILLER_WORDS.has(t.norm)) return undefined;
  const term = wordTerm(t);
  const nounSlot = DETERMINERS.has(tokens[i - 1]?.norm ?? '') || prev?.kind === 'object' || prev?.kind === 'value';
  if ((LIGHT_VERBS.has(lemmas(t.norm).at(-1)!) || LIGHT_VERBS.has(t.norm)) && !(nounSlot && !verbForm(t))) {
    return { end: i + 1, body: { kind: 'action', action: primaryOf(term, 'act'), term, light: true } };
  }
  const act = says(term.senses, 'act');
  const isThing = says(term.senses, 'thing');
  const own = env ? workspaceWord(t, env) : undefined;
  if (!act && !own) return undefined;
  // "an order", "3 purchases", "the review": a noun that also names an act is the thing here.
  const asVerb = verbForm(t) || BEFORE_VERB.has(tokens[i - 1]?.norm ?? '') || prev?.kind === 'neg';
  if ((isThing || own === 'thing') && !asVerb) return undefined;
  // "an sms link": after an article or a noun, a word that only loosely says an act is a noun;
  // one that says it ("a cart abandonment", "email clicks") is the act.
  if (!asVerb && term.senses.act.core.size === 0 && (DETERMINERS.has(tokens[i - 1]?.norm ?? '') || prev?.kind === 'object' || prev?.kind === 'value')) return undefined;
  if (!act && own !== 'act' && !asVerb) return undefined;
  return { end: i + 1, body: { kind: 'action', action: primaryOf(term, 'act'), term } };
}

export function recogniseObject(tokens: readonly Token[], i: number, env?: ScanEnv): Recognised | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  const phrase = lexiconPhraseAt(tokens, i, 'thing');
  if (phrase && phrase.end > i + 1) return { end: phrase.end, body: { kind: 'object', object: primaryOf(phrase.term, 'thing'), term: phrase.term } };
  if (FILLER_WORDS.has(t.norm) && !GENERIC_THINGS.has(t.norm)) return undefined;
  const term = wordTerm(t);
  // "opened", "watched": a verb form is the act, never the thing.
  if (verbForm(t) && /(ed|en)$/.test(t.norm)) return undefined;
  const generic = GENERIC_THINGS.has(t.norm) || GENERIC_THINGS.has(lemmas(t.norm).at(-1)!);
  if (!says(term.senses, 'thing') && !says(term.senses, 'act') && !(env && workspaceWord(t, env)) && !generic) return undefined;
  return { end: i + 1, body: { kind: 'object', object: primaryOf(term, 'thing'), term, ...(generic ? { generic: true } : {}) } };
}

/** The general lexicon's acts and things as phrase tables, for recognisers that only ask "is a thing named here?". */
function tableOf(kind: 'act' | 'thing'): PhraseTable<string> {
  const table = new PhraseTable<string>((t) => lemmas(t.text).at(-1)!);
  for (const p of CONCEPT_PHRASES) if (p.kind === kind) table.add(p.lemmas.join(' '), p.concept);
  return table;
}
const ACT_PHRASES = tableOf('act');
const THING_PHRASES = tableOf('thing');

function matcher(kind: 'act' | 'thing', phrases: PhraseTable<string>) {
  return {
    match(tokens: readonly Token[], i: number): { end: number; payloads: string[] } | undefined {
      const p = phrases.match(tokens, i);
      if (p) return p;
      const t = tokens[i];
      if (!t || t.kind !== 'word') return undefined;
      const term = wordTerm(t);
      return says(term.senses, kind) ? { end: i + 1, payloads: [primaryOf(term, kind)] } : undefined;
    },
  };
}

export const ACTIONS = matcher('act', ACT_PHRASES);
export const OBJECTS = matcher('thing', THING_PHRASES);

const REPEAT = new PhraseTable<'gte2' | 'eq1'>();
REPEAT_WORDS.forEach(([w, kind]) => REPEAT.add(w, kind));

export function recogniseRepeat(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = REPEAT.match(tokens, i);
  if (!m) return undefined;
  const cmp = m.payloads[0] === 'gte2' ? { op: 'gte' as const, value: 2, money: false } : { op: 'eq' as const, value: 1, money: false };
  return { end: m.end, body: { kind: 'repeat', cmp } };
}
