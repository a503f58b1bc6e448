/**
 * Segments → lexicon tokens. A word of the lexicon is matched on segment boundaries, longest
 * first, and may span several segments ("加入|购物|车"). Where ICU's dictionary cuts across a
 * lexicon word ("ผ่าน|มายัง" for ผ่านมา + ยัง, "都沒" for 都 + 沒), a segment is re-cut when that
 * gives a longer lexicon word and what follows the cut is known words too. What is left is kept as written.
 */
import type { Lexicon } from './lexicon/index.js';
import type { Sense } from './lexicon/sense.js';

export type Token =
  | { kind: 'sense'; sense: Sense; text: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'punct'; text: string }
  | { kind: 'kept'; text: string };

const NUMBER = /^\d+(?:\.\d+)?$/;
const PUNCT = /^[\p{P}\p{S}]+$/u;
const LATIN = /^[\x21-\x7e]+$/;

export function matchSegments(segments: readonly string[], lexicon: Lexicon): Token[] {
  const segs = segments.filter((s) => s.trim() !== '');
  const tokens: Token[] = [];
  let i = 0;
  while (i < segs.length) {
    const aligned = alignedMatch(segs, i, lexicon);
    const across = crossingMatch(segs, i, lexicon);
    if (aligned && (!across || aligned.text.length >= across.text.length)) {
      tokens.push({ kind: 'sense', sense: aligned.sense, text: aligned.text });
      i = aligned.next;
      continue;
    }
    if (across) {
      tokens.push({ kind: 'sense', sense: across.sense, text: across.text });
      segs.splice(across.segment, 1, across.rest);
      i = across.segment;
      continue;
    }
    tokens.push(...single(segs[i]!, lexicon));
    i += 1;
  }
  return tokens;
}

/** The longest lexicon word made of whole segments from i. */
function alignedMatch(segs: readonly string[], i: number, lexicon: Lexicon) {
  let text = '';
  let best: { sense: Sense; text: string; next: number } | undefined;
  for (let j = i; j < segs.length && text.length + segs[j]!.length <= lexicon.longest; j++) {
    text += segs[j];
    const sense = lexicon.senses.get(text) ?? lexicon.senses.get(lexicon.plain(text));
    if (sense) best = { sense, text, next: j + 1 };
  }
  return best;
}

/**
 * A lexicon word that starts on a boundary and ends inside a later segment whose remainder
 * begins known words ("ที่|ผ่าน|มายัง" → ที่ผ่านมา + ยัง,
 * "被|標記|為愛|貓" → 被標記為 + 愛貓).
 */
function crossingMatch(segs: readonly string[], i: number, lexicon: Lexicon) {
  let before = '';
  for (let k = i; k < segs.length && before.length < lexicon.longest; k++) {
    const seg = segs[k]!;
    for (let cut = seg.length - 1; cut >= 1; cut--) {
      const text = before + seg.slice(0, cut);
      const sense = lexicon.senses.get(text);
      if (sense && continues(text, [seg.slice(cut), ...segs.slice(k + 1)], lexicon)) return { sense, text, segment: k, rest: seg.slice(cut) };
    }
    before += seg;
  }
  return undefined;
}

/**
 * Whether a cut after `word` leaves known words: after a word of two characters or more, a
 * lexicon word or a run of them; after one character ("30|天下|单" → 天 + 下单, "但从|没" → 但 +
 * 从没), a lexicon word of two characters or more, so that single characters never split an
 * unknown word into known-looking pieces.
 */
function continues(word: string, rest: readonly string[], lexicon: Lexicon): boolean {
  const next = alignedMatch(rest, 0, lexicon);
  if (word.length === 1) return (next?.text.length ?? 0) >= 2;
  return next !== undefined || decompose(rest[0]!, lexicon) !== undefined;
}

/** One segment: a number, punctuation, a run of known words, or kept as written. */
function single(seg: string, lexicon: Lexicon): Token[] {
  if (NUMBER.test(seg)) return [{ kind: 'number', value: Number(seg), text: seg }];
  if (PUNCT.test(seg)) return [{ kind: 'punct', text: seg }];
  if (LATIN.test(seg)) return [{ kind: 'kept', text: seg }];
  const pieces = decompose(seg, lexicon);
  if (pieces) return pieces.map((p) => ({ kind: 'sense', sense: lexicon.senses.get(p)!, text: p }));
  return [{ kind: 'kept', text: seg }];
}

/** The fewest lexicon words that make up the whole text, or undefined. */
function decompose(text: string, lexicon: Lexicon): string[] | undefined {
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - lexicon.longest); start < end; start++) {
      const head = best[start];
      const word = text.slice(start, end);
      if (head && lexicon.senses.has(word) && (!best[end] || best[end]!.length > head.length + 1)) best[end] = [...head, word];
    }
  }
  return best[text.length];
}
