/**
 * Comparisons with a number, by the product's conventions: over/more than/above/exceeds → gt;
 * at least/or more/minimum → gte; under/below/less than/fewer than → lt; at most/or less/no
 * more than → lte; "between 25 and 34", "25 to 34", "25-34" are inclusive; "once", "twice".
 */
import { PhraseTable } from '../text/phrase-table.js';
import { numberWord } from '../text/numbers.js';
import { CURRENCY_WORDS, type Token } from '../text/tokenize.js';
import type { CompareOp, Comparison, MentionBody } from './mentions.js';
import type { Recognised } from './scan-types.js';

type Op = Exclude<CompareOp, 'between'> | 'range';

const PREFIX = new PhraseTable<Op>();
const add = (op: Op, words: string[]) => words.forEach((w) => PREFIX.add(w, op));
add('gt', ['over', 'more than', 'greater than', 'above', 'exceeds', 'exceed', 'exceeding', 'exceeded', 'higher than',
  'bigger than', 'larger than', 'older than', 'in excess of', 'upwards of', 'beyond', '>', 'more then', 'over than',
  'greater then', 'larger then', 'is over', 'is above', 'of over', 'of more than', 'north of']);
add('gte', ['at least', 'minimum of', 'a minimum of', 'minimum', 'min', 'no less than', 'not less than', 'no fewer than',
  'not fewer than', '>=', '> =', 'atleast', 'of at least']);
add('lt', ['under', 'below', 'less than', 'fewer than', 'lower than', 'younger than', 'smaller than', 'beneath', '<',
  'less then', 'fewer then', 'of less than', 'of under', 'of below', 'shy of']);
add('lte', ['at most', 'no more than', 'not more than', 'maximum of', 'a maximum of', 'maximum', 'max', 'up to',
  'no higher than', 'not over', 'not above', 'no greater than', 'not exceeding', '<=', '< =', 'of at most', 'or less than']);
add('eq', ['exactly', 'equal to', 'equals', 'only', 'just', 'precisely', 'of exactly', 'is exactly']);
add('range', ['between', 'from', 'aged between', 'in the range', 'in the range of', 'ranging from']);

const SUFFIX = new PhraseTable<'gte' | 'lte'>();
for (const w of ['or more', 'or above', 'or higher', 'or greater', 'or over', 'or older', '+', 'and up', 'and above', 'and over', 'plus', 'and older', 'or longer', 'or bigger', 'or larger', 'at least', 'or up']) SUFFIX.add(w, 'gte');
for (const w of ['or less', 'or fewer', 'or lower', 'or below', 'or under', 'or younger', 'and under', 'and below', 'and younger', 'at most', 'or smaller', 'and less', 'or worse']) SUFFIX.add(w, 'lte');

/** Suffixes said apart from their number ("three orders or more"): joined to it after the scan. */
const LOOSE_SUFFIX = new PhraseTable<'gte' | 'lte'>();
for (const w of ['or more', 'or above', 'or higher', 'or greater', 'or over', 'and up', 'and above', 'and over', 'or longer', 'or bigger', 'or larger', 'at least']) LOOSE_SUFFIX.add(w, 'gte');
for (const w of ['or less', 'or fewer', 'or lower', 'or below', 'or under', 'and under', 'and below', 'and less', 'at most', 'or smaller']) LOOSE_SUFFIX.add(w, 'lte');

export function recogniseLooseSuffix(tokens: readonly Token[], i: number): Recognised | undefined {
  if (numberAt(tokens, i + 2) || tokens[i + 2]?.norm === 'than') return undefined;
  const m = LOOSE_SUFFIX.match(tokens, i);
  return m && { end: m.end, body: { kind: 'cmp_suffix', op: m.payloads[0]! } };
}

const RANGE_JOIN = new Set(['and', 'to', '-', 'through', 'thru', 'till', 'until']);
const TIMES = new Map([['once', 1], ['twice', 2], ['thrice', 3]]);

function numberAt(tokens: readonly Token[], i: number): { value: number; money: boolean; decade: boolean; end?: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  // "half a dozen", "a dozen", "a couple of"
  if (t.norm === 'half' && ['a', 'an'].includes(tokens[i + 1]?.norm ?? '') && tokens[i + 2]?.norm === 'dozen') return { value: 6, money: false, decade: false, end: i + 3 };
  if (t.norm === 'a' && tokens[i + 1]?.norm === 'dozen') return { value: 12, money: false, decade: false, end: i + 2 };
  if (t.norm === 'a' && tokens[i + 1]?.norm === 'couple') return { value: 2, money: false, decade: false, end: tokens[i + 2]?.norm === 'of' ? i + 3 : i + 2 };
  if (t.kind === 'number' && t.value !== undefined) return { value: t.value, money: !!t.money, decade: !!t.decade };
  // "one of our branches", "two of the campaigns": which ones, not how many times.
  if (t.kind === 'word' && tokens[i + 1]?.norm === 'of' && !['couple', 'dozen'].includes(t.norm)) return undefined;
  if (t.kind === 'word' && t.norm !== 'single') {
    const n = numberWord(t.norm);
    if (n !== undefined) return { value: n, money: false, decade: false };
  }
  return undefined;
}

/** Units of a measured property: "50 MB", "300 seconds", "3 nights" (the word is kept to find the property). */
const MEASURES = new Set(['second', 'seconds', 'sec', 'secs', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'mb', 'megabytes',
  'gb', 'gigabytes', 'kb', 'kilobytes', 'km', 'kms', 'kilometers', 'kilometres', 'mile', 'miles', 'kg', 'kgs', 'kilos', 'lbs', 'night', 'nights',
  'guest', 'guests', 'seat', 'seats', 'item', 'items', 'day', 'days', 'week', 'weeks', 'month', 'months', 'point', 'points', 'step', 'steps', 'calorie', 'calories', 'kcal', 'room', 'rooms', 'mentions', 'results', 'licenses']);

/** "300 workout minutes": a unit with a word between it and its number. */
export function recogniseUnit(tokens: readonly Token[], i: number): Recognised | undefined {
  const w = tokens[i]?.norm;
  const before = tokens[i - 2];
  if (!w || !MEASURES.has(w) || before?.kind !== 'number') return undefined;
  return { end: i + 1, body: { kind: 'unit', measure: w } };
}

/** Words after the number that say what is counted or measured. */
function unitAfter(tokens: readonly Token[], k: number): { unit?: 'times' | 'years' | 'stars' | 'percent'; end: number; measure?: string; money?: boolean } {
  // "5-star", "3-time"
  const j = tokens[k]?.text === '-' && tokens[k + 1]?.kind === 'word' ? k + 1 : k;
  const w = tokens[j]?.norm;
  if (w === 'times' || w === 'time' || w === 'x') return { unit: 'times', end: j + 1 };
  if ((w === 'years' || w === 'year') && ['old', 'of'].includes(tokens[j + 1]?.norm ?? '')) {
    return { unit: 'years', end: tokens[j + 1]!.norm === 'of' && tokens[j + 2]?.norm === 'age' ? j + 3 : j + 2 };
  }
  if (w === 'yo' || w === 'y.o' || w === 'yrs' && tokens[j + 1]?.norm === 'old') return { unit: 'years', end: w === 'yrs' ? j + 2 : j + 1 };
  if (tokens[j]?.text === '-' && tokens[j + 1]?.norm === 'year' && tokens[j + 2]?.norm === '-' ) return { unit: 'years', end: j + 4 };
  if (w === 'star' || w === 'stars') return { unit: 'stars', end: j + 1 };
  if (tokens[j]?.text === '%' || w === 'percent') return { unit: 'percent', end: j + 1 };
  if (w && CURRENCY_WORDS.has(w)) return { end: j + 1, money: true };
  if (w && MEASURES.has(w)) return { end: j + 1, measure: w };
  return { end: k };
}

export function recogniseComparison(tokens: readonly Token[], i: number): Recognised | undefined {
  const times = TIMES.get(tokens[i]?.norm ?? '');
  if (times !== undefined) return cmp(i + 1, { op: 'eq', value: times, money: false }, 'times');

  const prefix = PREFIX.match(tokens, i);
  let j = prefix ? prefix.end : i;
  let op: Op | undefined = prefix?.payloads[0];
  // "at least once", "more than twice"
  const timesAfter = TIMES.get(tokens[j]?.norm ?? '');
  if (op && op !== 'range' && timesAfter !== undefined) return cmp(j + 1, { op, value: timesAfter, money: false }, 'times');

  const first = numberAt(tokens, j);
  if (!first) return undefined;
  j = first.end ?? j + 1;
  let money = first.money;

  if (first.decade) {
    // "in their 40s"
    const { unit, end } = unitAfter(tokens, j);
    return cmp(end, { op: 'between', value: [first.value, first.value + 9], money: false }, unit);
  }

  // "25 to 34", "between 25 and 34", "$50-$100"
  if (RANGE_JOIN.has(tokens[j]?.norm ?? tokens[j]?.text ?? '') && (op === undefined || op === 'range')) {
    const second = numberAt(tokens, j + 1);
    if (second && (tokens[j]!.norm !== 'and' || op === 'range')) {
      money = money || second.money;
      const lo = Math.min(first.value, second.value);
      const hi = Math.max(first.value, second.value);
      const { unit, end, measure, money: said } = unitAfter(tokens, j + 2);
      return cmp(end, { op: 'between', value: [lo, hi], money: money || !!said }, unit, measure);
    }
  }
  if (op === 'range') return undefined;
  // "a 1 or 2 star review", "9 or 10": neighbouring numbers either of which will do, with the unit said once.
  if (op === undefined && tokens[j]?.norm === 'or') {
    const second = numberAt(tokens, j + 1);
    if (second && Number.isInteger(first.value) && Math.abs(second.value - first.value) === 1) {
      const { unit, end, measure, money: said } = unitAfter(tokens, second.end ?? j + 2);
      const [lo, hi] = [Math.min(first.value, second.value), Math.max(first.value, second.value)];
      return cmp(end, { op: 'between', value: [lo, hi], money: money || second.money || !!said }, unit, measure);
    }
  }

  let { unit, end, measure, money: said } = unitAfter(tokens, j);
  const suffix = SUFFIX.match(tokens, end);
  if (suffix && (op === undefined || op === 'eq')) {
    op = suffix.payloads[0]!;
    end = suffix.end;
    if (!unit && !measure) ({ unit, end, measure, money: said } = unitAfter(tokens, end));
  }
  return cmp(end, { op: op ?? 'eq', value: first.value, money: money || !!said }, unit, measure);
}

function cmp(end: number, c: Comparison, unit?: 'times' | 'years' | 'stars' | 'percent', measure?: string): Recognised {
  const body: MentionBody = { kind: 'cmp', cmp: c, ...(unit ? { unit } : {}), ...(measure ? { measure } : {}) };
  return { end, body };
}
