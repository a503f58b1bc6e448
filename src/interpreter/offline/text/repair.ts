/**
 * A prompt as typed into a chat box, made readable: shorthand and apostrophe-less contractions
 * spelled out (shorthand.ts), numbers in words written as digits (compromise: "thirty days",
 * "half a dozen", "a hundred and fifty"), and misspelt words corrected where one known word is
 * close (spelling.ts). What was corrected is returned, to be shown with the draft.
 */
import nlp from 'compromise';
import { expandShorthand, type Rewrite } from './shorthand.js';
import type { Speller } from './spelling.js';

const NUMBER_WORD = /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b/i;

/** Idioms for amounts compromise does not read. */
const AMOUNT_IDIOMS: Array<[RegExp, string]> = [
  [/\ba couple(?: of)?\b/gi, '2'],
  [/\ba pair of\b/gi, '2'],
  [/\b(over|more than|above|under|less than|below|at least|at most) a grand\b/gi, '$1 $$1000'],
  [/\b(\d+) grand\b/gi, '$$$1000'],
];

function numbersAsDigits(text: string): string {
  let out = text;
  for (const [pattern, to] of AMOUNT_IDIOMS) out = out.replace(pattern, to);
  if (!NUMBER_WORD.test(out)) return out;
  const found = nlp(out).numbers().json() as Array<{ text: string; number?: { num?: number } }>;
  for (const n of found) {
    const words = n.text.trim().replace(/[.,;:!?]+$/, '');
    const value = n.number?.num;
    // "one" alone may be a pronoun ("never clicked one"); the reader takes small number words itself.
    if (value === undefined || !/[a-z]/i.test(words) || /^(one|a|an|first|second|third|once|twice)$/i.test(words) || /\d/.test(words)) continue;
    if (/^(a few|few|several|some)$/i.test(words)) continue;
    out = out.replace(words, String(value));
  }
  return out;
}

export interface Repaired {
  text: string;
  /** Words read as other words ("purchace" → purchase, "ppl" → people). */
  corrections: Rewrite[];
  /** Of those, the misspellings corrected ("purchace" → purchase): shown with the draft. */
  spellings: Rewrite[];
}

export function repairEnglish(text: string, speller: Speller | undefined): Repaired {
  const short = expandShorthand(text);
  const numbered = numbersAsDigits(short.text);
  const spellings: Rewrite[] = [];
  const spelled = speller
    ? numbered.replace(/(?<![\p{L}\d'])\p{L}[\p{L}']*(?![\p{L}\d])/gu, (word) => {
      const fixed = speller.correct(word);
      if (!fixed) return word;
      spellings.push({ from: word, to: fixed });
      return fixed;
    })
    : numbered;
  return { text: spelled, corrections: [...short.rewrites, ...spellings], spellings };
}
