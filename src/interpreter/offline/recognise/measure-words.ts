/**
 * Money measures ("total spend", "average order value"), recency ("last purchase ... more than
 * 6 months ago") and the durations that go with "ago".
 */
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { ACTIONS, OBJECTS, recogniseAction, recogniseObject } from './event-words.js';
import { tokenize } from '../text/tokenize.js';
import type { Mention } from './mentions.js';
import type { Recognised, ScanEnv } from './scan-types.js';
import { amountAt, toDuration, unitAt } from './time-units.js';
import { MONTHS, spokenDate } from './calendar-dates.js';

type Fn = 'sum' | 'avg' | 'min' | 'max';
const AGGREGATES = new PhraseTable<Fn>();
const add = (fn: Fn, words: string[]) => words.forEach((w) => AGGREGATES.add(w, fn));
add('sum', ['spent', 'spend', 'spending', 'spends', 'total spend', 'total spending', 'total spent', 'lifetime spend',
  'lifetime spending', 'lifetime value', 'ltv', 'clv', 'customer lifetime value', 'revenue', 'total revenue', 'total order value',
  'total order amount', 'total purchase value', 'total purchase amount', 'in purchases', 'worth of orders', 'worth of purchases', 'in orders',
  'total sales', 'total amount spent', 'amount spent', 'money spent', 'spent in total', 'cumulative spend', 'sum of orders',
  'totaling', 'totalling', 'totaled', 'totalled', 'add up to', 'adding up to', 'adds up to', 'total value of orders',
  'total value of their orders', 'gross spend', 'overall spend', 'overall spending', 'generated', 'worth of products', 'total purchases value',
  'combined order value', 'combined spend', 'all-time spend', 'lifetime revenue', 'spend total', 'spending total', 'sum of spend',
  'orders total', 'orders totaled', 'orders totalled', 'orders add up to', 'orders amount to', 'purchases total', 'purchases add up to',
  'orders sum to', 'orders are worth']);
add('avg', ['average order value', 'aov', 'average order', 'average order size', 'average order amount', 'average order total',
  'average spend per order', 'average purchase value', 'average purchase', 'average basket', 'average basket size',
  'average basket value', 'average ticket', 'avg order value', 'avg. order value', 'mean order value', 'on average', 'average spend',
  'average spending', 'average purchase amount', 'avg order', 'average transaction value', 'average order values', 'typical order value', 'per order on average',
  'typical order', 'typical order size', 'typical purchase', 'typical spend', 'usual order', 'usual order value', 'usual spend', 'typical basket']);
add('max', ['largest order', 'biggest order', 'highest order', 'max order', 'maximum order', 'most expensive order',
  'largest purchase', 'biggest purchase', 'highest order value', 'largest single order', 'biggest single order', 'highest purchase',
  'highest spending order', 'largest spending order', 'biggest spending order', 'highest value order', 'highest-value order',
  'largest order value', 'biggest order value', 'most expensive purchase', 'priciest order']);
add('min', ['smallest order', 'lowest order', 'cheapest order', 'minimum order', 'smallest purchase', 'lowest order value',
  'smallest order value', 'lowest value order', 'cheapest purchase', 'lowest purchase']);

/** Bare words of a measure; they count only when what they measure follows. */
const GENERIC = new PhraseTable<Fn>();
const addGeneric = (fn: Fn, words: string[]) => words.forEach((w) => GENERIC.add(w, fn));
addGeneric('avg', ['average', 'avg', 'mean', 'typical', 'average of', 'an average of', 'on average', 'the average']);
addGeneric('sum', ['total', 'sum of', 'the sum of', 'combined', 'cumulative', 'total of', 'a total of']);
addGeneric('min', ['minimum', 'min', 'lowest', 'smallest', 'lowest ever', 'worst']);
addGeneric('max', ['maximum', 'max', 'highest', 'largest', 'biggest', 'best', 'highest ever']);

/** Where the named measure may be looked for: a short way on, never past a join. */
const LOOKAHEAD = 7;
const STOPS = new Set(['and', 'or', 'but', 'who', 'that', 'which', 'whose', 'with', 'without', 'while']);

function measureFollows(tokens: readonly Token[], start: number, fn: Fn, env: ScanEnv | undefined): boolean {
  if (!env) return false;
  for (let k = start; k < Math.min(tokens.length, start + LOOKAHEAD); k++) {
    const t = tokens[k]!;
    if (STOPS.has(t.norm) || (t.kind === 'punct' && t.text !== '-' && t.text !== '$')) return false;
    const property = env.index.properties.match(tokens, k);
    if (property) {
      const { events, property: name } = property.payloads[0]!;
      if (events.some((e) => env.index.event(e)?.properties.some((p) => p.name === name && p.type === 'number'))) return true;
    }
    // "total refunds", "largest order": the thing whose amount it is. An average needs its property named.
    if (fn !== 'avg' && k === start && (OBJECTS.match(tokens, k) || ACTIONS.match(tokens, k))) return true;
  }
  return false;
}

/** "ratings average less than 3": the measured property said just before. */
function numericProperty(prev: Mention | undefined, env: ScanEnv | undefined): boolean {
  if (prev?.kind !== 'property_ref' || !env) return false;
  return prev.events.some((e) => env.index.event(e)?.properties.some((p) => p.name === prev.property && p.type === 'number'));
}

export function recogniseAggregate(tokens: readonly Token[], i: number, env?: ScanEnv, prev?: Mention): Recognised | undefined {
  // "bought $300 worth": an amount of buying, summed ("carts worth $200" is one cart's worth).
  if (tokens[i]?.norm === 'worth' && prev?.kind === 'cmp' && prev.cmp.money && prev.end === i) return { end: i + 1, body: { kind: 'aggregate', fn: 'sum' } };
  const m = AGGREGATES.match(tokens, i);
  if (m) return { end: m.end, body: { kind: 'aggregate', fn: m.payloads[0]! } };
  const g = GENERIC.match(tokens, i);
  if (!g || !(measureFollows(tokens, g.end, g.payloads[0]!, env) || numericProperty(prev, env))) return undefined;
  return { end: g.end, body: { kind: 'aggregate', fn: g.payloads[0]!, generic: true } };
}

const LAST_WORDS = new PhraseTable<boolean>();
['last', 'latest', 'most recent', 'final', 'newest', 'last ever'].forEach((w) => LAST_WORDS.add(w, false));
['first', 'first ever', 'very first', 'earliest'].forEach((w) => LAST_WORDS.add(w, true));
/** Activity said without a verb after "last" ("last seen", "last active", "first-time buyers"). */
const LAST_ACTIVITY = new PhraseTable<string>();
for (const w of ['seen', 'active', 'activity']) LAST_ACTIVITY.add(w, 'visited');
for (const w of ['time buyer', 'time buyers', 'time customer', 'time customers', 'time purchaser', 'time purchasers', 'time shopper', 'time shoppers', 'time order', 'time orders']) {
  LAST_ACTIVITY.add(w, 'bought');
}

/** "last purchase", "most recent order", "last seen", "last visit"; "first purchase". */
export function recogniseRecencyHead(tokens: readonly Token[], i: number, env?: ScanEnv): Recognised | undefined {
  const lead = LAST_WORDS.match(tokens, i);
  if (!lead) return undefined;
  const first = lead.payloads[0]!;
  const r = recencyRest(tokens, lead.end, env);
  return r && first && r.body.kind === 'recency_head' ? { ...r, body: { ...r.body, first: true } } : r;
}

function recencyRest(tokens: readonly Token[], start: number, env: ScanEnv | undefined): Recognised | undefined {
  let j = tokens[start]?.text === '-' ? start + 1 : start;
  if (tokens[j]?.norm === 'time' && ['they', 'he', 'she', 'someone'].includes(tokens[j + 1]?.norm ?? '')) j += 2;
  const activity = LAST_ACTIVITY.match(tokens, j);
  if (activity) {
    const verb = tokenize(activity.payloads[0]!);
    const act = recogniseAction(verb, 0, env);
    if (act?.body.kind === 'action') return { end: activity.end, body: { kind: 'recency_head', acts: [act.body.term], things: [] } };
  }
  // "last email open", "most recent order", "last login", "last watched a video".
  const object = recogniseObject(tokens, j, env);
  if (object?.body.kind === 'object' && !object.body.generic) {
    const action = recogniseAction(tokens, object.end, env, { kind: 'neg', never: false } as Mention);
    const acts = action?.body.kind === 'action' && !action.body.light ? [action.body.term] : [];
    return { end: acts.length ? action!.end : object.end, body: { kind: 'recency_head', acts, things: [object.body.term] } };
  }
  const action = recogniseAction(tokens, j, env, { kind: 'neg', never: false } as Mention);
  if (action?.body.kind !== 'action' || action.body.light) return undefined;
  // "last opened an email", "last watched a video": the thing the act was done to.
  let k = action.end;
  while (['a', 'an', 'the', 'any', 'one', 'their', 'our'].includes(tokens[k]?.norm ?? '')) k++;
  const thing = recogniseObject(tokens, k, env);
  if (thing?.body.kind === 'object' && !thing.body.generic) return { end: thing.end, body: { kind: 'recency_head', acts: [action.body.term], things: [thing.body.term] } };
  return { end: action.end, body: { kind: 'recency_head', acts: [action.body.term], things: [] } };
}

const TOP_LEADS = new Set(['top', 'best', 'highest', 'biggest']);
const BY_FREQUENCY = new Set(['order', 'orders', 'purchases', 'frequency', 'count', 'number']);

/** "top 10% of spenders", "top 5 percent of customers by orders". */
export function recogniseTop(tokens: readonly Token[], i: number): Recognised | undefined {
  if (!TOP_LEADS.has(tokens[i]?.norm ?? '')) return undefined;
  const n = tokens[i + 1];
  if (n?.kind !== 'number' || n.value === undefined || !(n.value > 0 && n.value < 100)) return undefined;
  let j = i + 2;
  if (tokens[j]?.text === '%' || tokens[j]?.norm === 'percent') j++;
  else return undefined;
  let notion: 'spend' | 'frequency' = 'spend';
  const rest = ['of', 'our', 'the', 'all', 'customers', 'spenders', 'buyers', 'shoppers', 'users', 'by', 'in', 'terms', 'total', 'spend', 'spending', 'revenue', 'lifetime', 'value'];
  while (j < tokens.length && (rest.includes(tokens[j]!.norm) || BY_FREQUENCY.has(tokens[j]!.norm))) {
    if (BY_FREQUENCY.has(tokens[j]!.norm)) notion = 'frequency';
    j++;
  }
  return { end: j, body: { kind: 'top', percent: n.value, notion } };
}

const AGO_OPS = new PhraseTable<'more_than' | 'within'>();
['more than', 'over', 'at least', 'longer than', 'greater than', 'beyond', 'upwards of', 'before', 'more then'].forEach((w) => AGO_OPS.add(w, 'more_than'));
['less than', 'within', 'under', 'fewer than', 'in the last', 'no more than', 'at most', 'within the last', 'in the past', 'within the past'].forEach((w) => AGO_OPS.add(w, 'within'));


/** "before 1970", "after March 2025", "before 2025-06-01": compared with date traits. */
export function recogniseDateComparison(tokens: readonly Token[], i: number, env?: ScanEnv): Recognised | undefined {
  const now = env?.now;
  const w = tokens[i]?.norm;
  const op = w === 'before' || w === 'until' || (w === 'prior' && tokens[i + 1]?.norm === 'to') ? 'lt' : w === 'after' ? 'gt' : undefined;
  if (!op) return undefined;
  let j = w === 'prior' ? i + 2 : i + 1;
  if (tokens[j]?.norm === 'the' && tokens[j + 1]?.norm === 'year') j += 2;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tokens.slice(j, j + 5).map((t) => t.text).join(''));
  if (iso) return { end: j + 5, body: { kind: 'date_cmp', op, date: iso[0] } };
  const month = MONTHS.indexOf(tokens[j]?.norm ?? '');
  // "before July 1, 2026", "after March": a day, or a month without its year (the latest one begun).
  const spoken = now && month >= 0 ? spokenDate(tokens, j, now) : undefined;
  const yearAfterMonth = month >= 0 && /^\d{4}$/.test(tokens[j + 1]?.text ?? '');
  if (spoken && !yearAfterMonth) return { end: spoken.end, body: { kind: 'date_cmp', op, date: spoken.date.toISOString().slice(0, 10) } };
  const yearToken = tokens[month >= 0 ? j + 1 : j];
  const year = yearToken?.kind === 'number' && yearToken.value !== undefined && Number.isInteger(yearToken.value) && yearToken.value >= 1900 && yearToken.value <= 2100 ? yearToken.value : undefined;
  if (year === undefined) return undefined;
  // "before 1970" is before 1970-01-01; "after 1970" is after the whole year.
  const m = month >= 0 ? month : op === 'gt' ? 12 : 0;
  const date = new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 10);
  return { end: month >= 0 ? j + 2 : j + 1, body: { kind: 'date_cmp', op, date } };
}

/** "more than 6 months ago", "over a year ago", "90 days ago". */
export function recogniseAgo(tokens: readonly Token[], i: number): Recognised | undefined {
  const op = AGO_OPS.match(tokens, i);
  let j = op ? op.end : i;
  const amount = amountAt(tokens, j);
  if (amount === undefined) return undefined;
  j++;
  if (tokens[j]?.text === '+') j++;
  const unit = unitAt(tokens, j);
  if (!unit || tokens[j + 1]?.norm !== 'ago') return undefined;
  const duration = toDuration(amount, unit);
  if (!duration) return undefined;
  return { end: j + 2, body: { kind: 'ago', op: op?.payloads[0] ?? 'more_than', ...duration } };
}
