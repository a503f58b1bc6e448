/**
 * When the visit happens, in the visitor's local time: parts of the day ("in the evening", "at
 * night"), clock times ("between 9am and 5pm", "after 6pm") and days ("at the weekend", "on
 * weekdays", "on Mondays", "Monday to Friday").
 */
import { DAYS_OF_WEEK, type ContextCondition } from '../../../definition/schema.js';
import { DAY_LEADS, DAY_NAMES, DAY_PARTS, DAY_SHORT, WEEKDAY_WORDS, WEEKEND_WORDS, type DayOfWeek } from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { startsWord } from './context-text.js';
import type { Recognised, ScanEnv } from './scan-types.js';
import { glossaryContext } from './visit-glossary.js';
import { VAGUE_WORDS } from '../lexicon/vague-words.js';

const PARTS = new PhraseTable<[string, string]>();
for (const { words, from, to } of DAY_PARTS) words.forEach((w) => PARTS.add(w, [from, to]));

const DAYS = new PhraseTable<DayOfWeek[]>();
for (const [day, words] of Object.entries(DAY_NAMES) as Array<[DayOfWeek, string[]]>) words.forEach((w) => DAYS.add(w, [day]));
WEEKEND_WORDS.forEach((w) => DAYS.add(w, ['saturday', 'sunday']));
WEEKDAY_WORDS.forEach((w) => DAYS.add(w, ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']));

/** Day names and their short forms, for ranges ("Mon-Fri", "Monday to Friday"). */
const RANGE_DAYS = new PhraseTable<DayOfWeek>();
for (const day of DAYS_OF_WEEK) [...DAY_NAMES[day], ...DAY_SHORT[day]].forEach((w) => RANGE_DAYS.add(w, day));

const ctx = (end: number, condition: ContextCondition): Recognised => ({ end, body: { kind: 'context', conditions: [condition] } });
const between = (from: string, to: string): ContextCondition => ({ type: 'context', field: 'local_time', op: 'between', value: [from, to] });
const onDays = (days: DayOfWeek[]): ContextCondition => ({ type: 'context', field: 'day_of_week', op: 'in', value: DAYS_OF_WEEK.filter((d) => days.includes(d)) });

interface Clock {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
  /** Said as a time (am/pm, a colon, noon), not a bare number. */
  explicit: boolean;
  end: number;
}

/** "9am", "5 pm", "17:30", "6 p.m.", "noon", "midnight", "17h". */
function clockAt(tokens: readonly Token[], i: number): Clock | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.norm === 'noon' || t.norm === 'midday') return { hour: 12, minute: 0, explicit: true, end: i + 1 };
  if (t.norm === 'midnight') return { hour: 0, minute: 0, explicit: true, end: i + 1 };
  if (t.kind !== 'number' || t.money || t.decade || t.value === undefined || !Number.isInteger(t.value) || t.value > 24) return undefined;
  let hour = t.value;
  let minute = 0;
  let explicit = false;
  let j = i + 1;
  const colon = tokens[j]?.text === ':' && tokens[j + 1]?.kind === 'number' && /^\d{2}$/.test(tokens[j + 1]!.text) && tokens[j]!.start === t.end;
  if (colon) {
    minute = tokens[j + 1]!.value!;
    if (minute > 59) return undefined;
    explicit = true;
    j += 2;
  }
  let meridiem: Clock['meridiem'];
  const w = tokens[j]?.norm;
  if (w === 'am' || w === 'pm') {
    meridiem = w;
    j++;
  } else if ((w === 'a' || w === 'p') && tokens[j + 1]?.text === '.' && tokens[j + 2]?.norm === 'm') {
    meridiem = w === 'a' ? 'am' : 'pm';
    j += tokens[j + 3]?.text === '.' ? 4 : 3;
  } else if (w === 'h' || w === "o'clock") {
    explicit = true;
    j++;
  }
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    explicit = true;
  }
  return { hour: hour === 24 ? 0 : hour, minute, ...(meridiem ? { meridiem } : {}), explicit, end: j };
}

function minutes(c: Clock, meridiem = c.meridiem): number {
  let h = c.hour;
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  return h * 60 + c.minute;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** "between 9am and 5pm", "from 9 to 5pm", "9am-5pm", "from 10pm to 2". */
function clockRange(tokens: readonly Token[], i: number): Recognised | undefined {
  const lead = tokens[i]?.norm;
  const j = lead === 'between' || lead === 'from' ? i + 1 : i;
  const a = clockAt(tokens, j);
  if (!a) return undefined;
  const join = tokens[a.end];
  const joinWord = join?.kind === 'punct' ? join.text : join?.norm;
  if (!['and', 'to', '-', 'till', 'until', 'through', 'thru'].includes(joinWord ?? '') || (joinWord === 'and' && lead !== 'between')) return undefined;
  const b = clockAt(tokens, a.end + 1);
  if (!b || !(a.explicit || b.explicit)) return undefined;
  // "9 to 5pm" is 9am; "10am to 2" is 2pm: the one said takes the other, unless that turns the span round.
  let from = minutes(a);
  let to = minutes(b);
  if (!a.meridiem && b.meridiem) from = minutes(a, b.meridiem) > to ? minutes(a, b.meridiem === 'pm' ? 'am' : 'pm') : minutes(a, b.meridiem);
  if (a.meridiem && !b.meridiem && b.hour <= 12) to = minutes(b, a.meridiem) < from ? minutes(b, a.meridiem === 'pm' ? 'am' : 'pm') : minutes(b, a.meridiem);
  if (from === to) return undefined;
  return ctx(b.end, between(hhmm(from), hhmm(to)));
}

/** "after 6pm" (until midnight), "before 9am" (from midnight). */
function clockBound(tokens: readonly Token[], i: number): Recognised | undefined {
  const w = tokens[i]?.norm;
  const after = w === 'after' || w === 'past' || w === 'from' || w === 'since';
  const before = w === 'before' || w === 'until' || w === 'till';
  if (!after && !before) return undefined;
  const c = clockAt(tokens, i + 1);
  if (!c?.explicit) return undefined;
  const m = minutes(c);
  if (m === 0) return undefined;
  return ctx(c.end, after ? between(hhmm(m), '00:00') : between('00:00', hhmm(m)));
}

/** "Monday to Friday", "Mon-Fri", "from Friday through Sunday": every day of the span. */
function dayRange(tokens: readonly Token[], i: number): Recognised | undefined {
  const lead = tokens[i]?.norm;
  const j = lead === 'from' || lead === 'between' ? i + 1 : i;
  const a = RANGE_DAYS.match(tokens, j);
  if (!a) return undefined;
  const join = tokens[a.end];
  const joinWord = join?.kind === 'punct' ? join.text : join?.norm;
  if (!['to', '-', 'through', 'thru', 'till', 'until'].includes(joinWord ?? '') && !(joinWord === 'and' && lead === 'between')) return undefined;
  const b = RANGE_DAYS.match(tokens, a.end + 1);
  if (!b) return undefined;
  const start = DAYS_OF_WEEK.indexOf(a.payloads[0]!);
  const stop = DAYS_OF_WEEK.indexOf(b.payloads[0]!);
  const span: DayOfWeek[] = [];
  for (let d = start; ; d = (d + 1) % 7) {
    span.push(DAYS_OF_WEEK[d]!);
    if (d === stop) break;
  }
  return ctx(b.end, onDays(span));
}

/** "at the weekend", "on weekdays", "on Mondays", "during the week". */
function days(tokens: readonly Token[], i: number): Recognised | undefined {
  let j = i;
  while (j < i + 2 && DAY_LEADS.has(tokens[j]?.norm ?? '')) j++;
  if (tokens[i]?.norm === 'during' && tokens[j]?.norm === 'the' && tokens[j + 1]?.norm === 'week') return ctx(j + 2, onDays(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']));
  // "Black Friday", "Cyber Monday": a sale, not a day of the week.
  if (['black', 'cyber', 'good', 'easter'].includes(tokens[j - 1]?.norm ?? '')) return undefined;
  const m = DAYS.match(tokens, j);
  return m && ctx(m.end, onDays(m.payloads[0]!));
}

function dayPart(tokens: readonly Token[], i: number): Recognised | undefined {
  const m = PARTS.match(tokens, i);
  return m && ctx(m.end, between(...m.payloads[0]!));
}

const NAMED_HOURS = new PhraseTable<true>();
VAGUE_WORDS.hours.forEach((w) => NAMED_HOURS.add(w, true));

/** "during business hours": the team's meaning from the glossary, else a question (they differ by business). */
function namedHours(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const j = ['during', 'in', 'within', 'at'].includes(tokens[i]?.norm ?? '') ? i + 1 : i;
  const m = NAMED_HOURS.match(tokens, j);
  if (!m) return undefined;
  const term = tokens.slice(j, m.end).map((t) => t.norm).join(' ');
  const meaning = glossaryContext(env, [term]);
  return { end: m.end, body: meaning ? { kind: 'context', conditions: meaning } : { kind: 'vague', term, notion: 'hours' } };
}

/** "(in) (their) local time": what every time here already is. */
function localTimeEnd(tokens: readonly Token[], i: number): number | undefined {
  let j = i;
  if (tokens[j]?.norm === 'in') j++;
  if (['their', 'the', "visitor's", 'visitors'].includes(tokens[j]?.norm ?? '')) j++;
  return tokens[j]?.norm === 'local' && tokens[j + 1]?.norm === 'time' ? j + 2 : undefined;
}

export function recogniseTime(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  if (!startsWord(tokens, i)) return undefined;
  // "Local time between 09:00 and 17:00", "between 9am and 5pm local time".
  const lead = localTimeEnd(tokens, i);
  const j = lead === undefined ? i : tokens[lead]?.norm === 'is' ? lead + 1 : lead;
  const found = [dayPart(tokens, j), clockRange(tokens, j), clockBound(tokens, j), dayRange(tokens, j), days(tokens, j), namedHours(tokens, j, env)];
  const best = found.filter((r): r is Recognised => r !== undefined).sort((a, b) => b.end - a.end)[0];
  if (!best) return undefined;
  const tail = best.body.kind === 'context' && best.body.conditions.some((c) => c.field === 'local_time') ? localTimeEnd(tokens, best.end) : undefined;
  return { ...best, end: tail ?? best.end };
}
