/**
 * Misspelt words read as the word meant: "purchace" → purchase, "platnium" → platinum,
 * "andriod" → android. A word is corrected only when it is no English word (Hunspell's
 * dictionary, through nspell) and one word the reader or the workspace knows is close to it
 * (one edit for short words, two for longer ones, a swap of two letters counting as one).
 * Anything else is left as written, to be reported, never guessed.
 */
import en from 'dictionary-en';
import nspell from 'nspell';
import { lemmas } from '../../../vocabulary/lemma.js';

let english: ReturnType<typeof nspell> | undefined;

/** Built on first use (about 0.2 s): most prompts have no misspelt word. */
function dictionary(): ReturnType<typeof nspell> {
  english ??= nspell({ aff: Buffer.from(en.aff), dic: Buffer.from(en.dic) });
  return english;
}

/** Whether Hunspell's English dictionary knows the word (as written, or capitalised as a name). */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  return dictionary().correct(w) || dictionary().correct(word) || dictionary().correct(w[0]!.toUpperCase() + w.slice(1));
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
  }
  return prev[b.length]!;
}

const maxEdits = (word: string) => (word.length <= 5 ? 1 : 2);

export class Speller {
  private readonly byLength = new Map<number, string[]>();

  /** `known`: the words worth correcting to (lower case); the workspace's come first in ties. */
  constructor(private readonly known: ReadonlySet<string>, private readonly preferred: ReadonlySet<string> = new Set()) {
    for (const w of known) {
      if (w.length < 3) continue;
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** The word is one the reader or the workspace knows. */
  knows(word: string): boolean {
    return this.known.has(word) || lemmas(word).some((l) => this.known.has(l));
  }

  /** The word meant, or undefined when the word is fine as written or nothing is close enough. */
  correct(word: string): string | undefined {
    const w = word.toLowerCase();
    if (w.length < 4 || /[^a-z']/.test(w) || this.known.has(w) || lemmas(w).some((l) => this.known.has(l))) return undefined;
    const capital = w[0]!.toUpperCase() + w.slice(1);
    if (dictionary().correct(w) || dictionary().correct(word) || dictionary().correct(capital)) return undefined;
    const max = maxEdits(w);
    let best: string[] = [];
    let bestDistance = max + 1;
    for (let len = w.length - max; len <= w.length + max; len++) {
      for (const k of this.byLength.get(len) ?? []) {
        const d = editDistance(w, k, bestDistance);
        if (d < bestDistance) {
          bestDistance = d;
          best = [k];
        } else if (d === bestDistance) best.push(k);
      }
    }
    if (best.length > 1) {
      const mine = best.filter((k) => this.preferred.has(k));
      const sameStart = (mine.length ? mine : best).filter((k) => k[0] === w[0]);
      best = sameStart.length ? sameStart : mine.length ? mine : best;
    }
    if (best.length === 1) return best[0];
    if (best.length > 1) return undefined;
    // An inflected form the lexicons do not list ("purchsed" → purchased).
    for (const s of dictionary().suggest(w).slice(0, 4)) {
      const lower = s.toLowerCase();
      if (editDistance(w, lower, max) <= max && (this.known.has(lower) || lemmas(lower).some((l) => this.known.has(l)))) return lower;
    }
    return undefined;
  }
}
