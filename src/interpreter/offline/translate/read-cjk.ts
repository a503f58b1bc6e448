/**
 * Chinese (simplified and traditional), Japanese and Thai requests, read into the English the
 * parser reads: numerals to digits, words segmented by ICU, each word mapped through the
 * lexicon, quantities read as phrases, Chinese and Japanese clauses put in English order. A
 * word the lexicon does not hold is kept as written, so the parser sees a word it does not know
 * and asks about it, never drops it.
 */
import type { Language } from '../../types.js';
import { lexiconFor, lexiconLanguage } from './lexicon/index.js';
import { matchSegments } from './match.js';
import { nativeNumeralsToDigits } from './numerals.js';
import { exclusionsFirst } from './exclusions.js';
import { compact, headFirst } from './order.js';
import { readPhrases, type Piece } from './phrases.js';
import { segmentWords } from './segment.js';

export function cjkToEnglish(text: string, language: Exclude<Language, 'en'>): string {
  const lang = lexiconLanguage(language);
  const tokens = matchSegments(segmentWords(nativeNumeralsToDigits(text), lang), lexiconFor(lang));
  const pieces = compact(readPhrases(tokens));
  return join(lang === 'th' ? pieces : headFirst(exclusionsFirst(pieces), lang === 'zh'));
}

/** English pieces apart; kept words next to each other stay one word ("猫" + "砂" → "猫砂"). */
function join(pieces: readonly Piece[]): string {
  let out = '';
  let previous: Piece['kind'] | undefined;
  for (const p of pieces) {
    out += previous === 'kept' && p.kind === 'kept' && !p.apart && !/^[\x21-\x7e]/.test(p.text) ? p.text : ` ${p.text}`;
    previous = p.kind;
  }
  return out.replace(/\s+/g, ' ').trim();
}
