/**
 * Chinese (simplified and traditional), Japanese and Thai requests, read into the English the
 * parser reads: numerals to digits, words segmented by ICU, each word mapped through the
 * lexicon, quantities read as phrases, Chinese and Japanese clauses put in English order. A word the lexicon does not hold is kept as written, so
 * the parser sees a word it does not know and asks about it, never drops it.
 */
import type { Language } from '../../types.js';
import { lexiconFor, lexiconLanguage } from './lexicon/index.js';
import { matchSegments } from './match.js';
import { nativeNumeralsToDigits } from './numerals.js';
import { headFirst } from './order.js';
import { readPhrases, type Piece } from './phrases.js';
import { segmentWords } from './segment.js';

export function cjkToEnglish(text: string, language: Exclude<Language, 'en'>): string {
  const lang = lexiconLanguage(language);
  const tokens = matchSegments(segmentWords(nativeNumeralsToDigits(text), lang), lexiconFor(lang));
  const pieces = exclusionsFirst(readPhrases(tokens));
  return join(lang === 'th' ? pieces : headFirst(pieces));
}

const EXCLUDING = new Set(['excluding', 'not in']);
const CLAUSE_END = new Set([',', '.', 'customers']);

/**
 * "黑名單的先排除", "ブロックリスト以外": Chinese and Japanese may say an exclusion after what it
 * excludes, at the end of a clause; English says it before ("excluding the Blocklist").
 */
function exclusionsFirst(pieces: Piece[]): Piece[] {
  const out = pieces.filter((p) => p.text !== '');
  for (let i = 1; i < out.length; i++) {
    const p = out[i]!;
    const next = out[i + 1];
    if (p.kind !== 'en' || !EXCLUDING.has(p.text) || (next && !CLAUSE_END.has(next.text))) continue;
    let start = i;
    while (start > 0 && !CLAUSE_END.has(out[start - 1]!.text)) start--;
    if (start === i) continue;
    out.splice(i, 1);
    out.splice(start, 0, p);
  }
  return out;
}

/** English pieces apart; kept words next to each other stay one word ("猫" + "砂" → "猫砂"). */
function join(pieces: readonly Piece[]): string {
  let out = '';
  let previous: Piece['kind'] | undefined;
  for (const p of pieces) {
    if (!p.text) {
      previous = undefined; // a word read as nothing still stands between two kept words
      continue;
    }
    out += previous === 'kept' && p.kind === 'kept' && !/^[\x21-\x7e]/.test(p.text) ? p.text : ` ${p.text}`;
    previous = p.kind;
  }
  return out.replace(/\s+/g, ' ').trim();
}
