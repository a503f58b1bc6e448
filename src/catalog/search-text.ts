/**
 * How catalog text and queries are cut into terms. The same steps run on both sides, so a
 * plural, a past tense or an accent in one never stops it matching the other.
 */

/**
 * Scripts written without spaces between words: a run is indexed as character pairs, so
 * "德國客戶" still meets "德國".
 */
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\u30fc]+/gu;
const SEPARATORS = /[\s\p{P}\p{S}]+/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{M}\d]+$/u;

/** Words that carry no meaning in a catalog (they are in every description). */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'with', 'and', 'or', 'by', 'at', 'from', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'eg', 'ie', 'if', 'any',
]);

/**
 * Words of a request that name no catalog thing: who is asked about, time spans and
 * comparisons (windows and numbers go into the definition, not the search).
 */
const QUERY_STOP_WORDS = new Set([
  'customer', 'user', 'people', 'person', 'profile', 'contact', 'shopper', 'who', 'which', 'whose',
  'have', 'has', 'had', 'did', 'do', 'doe', 'not', 'no', 'never', 'all', 'some', 'their', 'they',
  'them', 'my', 'our', 'we', 'i', 'want', 'find', 'show', 'me', 'than', 'more', 'less', 'least',
  'most', 'over', 'under', 'above', 'below', 'ago', 'day', 'week', 'month', 'year', 'time',
  'last', 'past', 'within', 'between', 'once', 'twice',
]);

function splitCamel(text: string): string {
  // "firstName" → "first Name"; "iOS", "iPhone" and "eBay" stay whole (one lower letter is a prefix, not a word).
  return text.replace(/(\p{Ll}{2})(\p{Lu}\p{Ll})/gu, '$1 $2');
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const piece of splitCamel(text.normalize('NFKC')).split(SEPARATORS)) {
    if (!piece) continue;
    let last = 0;
    for (const m of piece.matchAll(UNSPACED_RUN)) {
      if (m.index > last) out.push(piece.slice(last, m.index));
      out.push(...pairs(m[0]));
      last = m.index + m[0].length;
    }
    if (last < piece.length) out.push(piece.slice(last));
  }
  return out;
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length <= 2) return [run];
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** A light English stemmer: enough for "orders"/"order", "refunded"/"refund", "categories"/"category". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  // Only when a real stem is left: "spring" is not "spr".
  if (word.length > 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 5 && word.endsWith('ed')) return word.slice(0, -2);
  return word;
}

export function processTerm(term: string): string | null {
  let t = term.toLowerCase();
  if (LATIN_WORD.test(t)) {
    t = t.normalize('NFD').replace(/\p{M}/gu, '');
    if (t.length < 2 && !/\d/.test(t)) return null;
    t = stem(t);
  }
  return STOP_WORDS.has(t) ? null : t;
}

/**
 * Names of peoples and languages point at their country ("Taiwanese" → Taiwan, "German" →
 * Germany): the query also looks for the stem, which then matches the country name as a prefix.
 */
const DEMONYM_ENDING = /(ese|ian|ish|an)$/;

export function processQueryTerm(term: string): string[] | null {
  const t = processTerm(term);
  if (t === null || QUERY_STOP_WORDS.has(t)) return null;
  const stem = LATIN_WORD.test(t) && t.length >= 6 ? t.replace(DEMONYM_ENDING, '') : t;
  return stem !== t && stem.length >= 4 ? [t, stem] : [t];
}
