/**
 * Concrete options for a vague word, measured on the data: thresholds from the engine's
 * quantiles ("top 10% of buyers spend over $1,240") and the size of each option's audience.
 * Each option carries the drafts it stands for, so an answer that is one of them needs no
 * reading back (the options are the same when computed again over the same data).
 */
import type { AudienceDefinition, Condition } from '../../../definition/schema.js';
import type { AudienceEngine } from '../../../engine/types.js';
import type { Messages } from '../messages/types.js';
import type { Notion } from '../recognise/mentions.js';
import type { CatalogIndex } from '../resolve/catalog-index.js';
import type { EventResolver } from '../resolve/events.js';
import type { ToolLog } from '../resolve/tool-log.js';
import { moneyProperty } from '../assemble/filters.js';
import type { Draft, EventDraft } from '../assemble/drafts.js';
import { formatNumber } from '../text/numbers.js';
import { hoursOptions, pageOptions } from './context-options.js';
import { scorePropertyOf } from '../../../vocabulary/roles.js';
import type { TraitInfo } from '../../../catalog/types.js';

export interface OptionEnv {
  index: CatalogIndex;
  engine: AudienceEngine;
  events: EventResolver;
  log: ToolLog;
  msgs: Messages;
  now: Date;
}

/** An option as shown, and what it means (none: the text is read like any words). */
export interface Choice {
  text: string;
  drafts?: Draft[];
}

const define = (c: Condition): AudienceDefinition => ({ version: 1, root: { type: 'group', op: 'and', conditions: [c] }, exclude: [] });

async function sizeOf(env: OptionEnv, c: Condition): Promise<number> {
  const result = await env.engine.compute(define(c), { now: env.now, sampleSize: 0 });
  return result.size;
}

/** Thresholds people read easily: $1,237.4 → $1,240. */
export function roundThreshold(v: number): number {
  if (v >= 100) return Math.round(v / 10) * 10;
  if (v >= 10) return Math.round(v);
  return Math.round(v * 100) / 100;
}

const pct = (size: number, of: number) => (of > 0 ? Math.max(1, Math.round((size / of) * 100)) : undefined);
const last = (days: number) => ({ kind: 'last' as const, amount: days, unit: 'days' as const });
const leaf = (condition: Condition): Draft[] => [{ kind: 'leaf', condition }];
const money = (env: OptionEnv, v: number) => `${currencySign(env.index.catalog.workspace.currency)}${formatNumber(v)}`;

function currencySign(code: string): string {
  const signs: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥', INR: '₹', THB: '฿', TWD: 'NT$' };
  return signs[code.toUpperCase()] ?? `${code} `;
}

/** "top 10% of spenders": above the 90th percentile of buyers' total spend (or order count). */
export async function percentileDrafts(percent: number, notion: Notion, env: OptionEnv): Promise<EventDraft[]> {
  const purchase = env.events.role('purchase');
  const amount = moneyProperty(purchase);
  if (!purchase) return [];
  const q = 1 - percent / 100;
  if (notion === 'frequency' || !amount) {
    const [v] = await env.engine.quantiles({ events: [purchase.name], fn: 'count' }, [q], { now: env.now });
    env.log.record('quantiles', { events: [purchase.name], fn: 'count', q }, env.msgs.measured(`${purchase.name} (count) p${Math.round(q * 100)}: ${formatNumber(v ?? 0)}`));
    return [{ kind: 'event', events: [purchase.name], filters: [], measure: { type: 'count', op: 'gt', value: Math.floor(v ?? 0) }, order: 0 }];
  }
  const [v] = await env.engine.quantiles({ events: [purchase.name], fn: 'sum', property: amount.name }, [q], { now: env.now });
  env.log.record('quantiles', { events: [purchase.name], fn: 'sum', property: amount.name, q }, env.msgs.measured(`${purchase.name}.${amount.name} (sum) p${Math.round(q * 100)}: ${formatNumber(v ?? 0)}`));
  return [{ kind: 'event', events: [purchase.name], filters: [], measure: { type: 'aggregate', fn: 'sum', property: amount.name, op: 'gt', value: Math.round((v ?? 0) * 100) / 100 }, order: 0 }];
}

export async function optionsFor(notion: Notion, about: readonly string[], env: OptionEnv): Promise<Choice[]> {
  switch (notion) {
    case 'spend': return spendOptions(env);
    case 'frequency': return frequencyOptions(env);
    case 'churn': return churnOptions(env);
    case 'likelihood': return likelihoodOptions(env);
    case 'new': return newOptions(env);
    case 'interest': return interestOptions(about, env);
    case 'engagement': return engagementOptions(env);
    case 'satisfaction': return satisfactionOptions(env);
    case 'size': return sizeOptions(env);
    case 'page': return pageOptions(about[0] ?? '').map((text) => ({ text }));
    case 'hours': return hoursOptions().map((text) => ({ text }));
  }
}

async function spendOptions(env: OptionEnv): Promise<Choice[]> {
  const purchase = env.events.role('purchase');
  const amount = moneyProperty(purchase);
  if (!purchase || !amount) return [];
  const qs = await env.engine.quantiles({ events: [purchase.name], fn: 'sum', property: amount.name }, [0.9, 0.75], { now: env.now });
  env.log.record('quantiles', { events: [purchase.name], fn: 'sum', property: amount.name }, env.msgs.measured(`${purchase.name}.${amount.name} (sum): ${qs.map((q) => formatNumber(roundThreshold(q))).join(', ')}`));
  const out: Choice[] = [];
  for (const q of [...new Set(qs.map(roundThreshold))]) {
    const draft: EventDraft = { kind: 'event', events: [purchase.name], filters: [], measure: { type: 'aggregate', fn: 'sum', property: amount.name, op: 'gt', value: q }, order: 0 };
    const size = await sizeOf(env, { type: 'aggregate', events: [purchase.name], filters: [], fn: 'sum', property: amount.name, op: 'gt', value: q });
    out.push({ text: env.msgs.spendOption({ threshold: money(env, q), share: pct(size, purchase.profiles), size }), drafts: [draft] });
  }
  return out;
}

async function frequencyOptions(env: OptionEnv): Promise<Choice[]> {
  const purchase = env.events.role('purchase');
  if (!purchase) return engagementOptions(env);
  const qs = await env.engine.quantiles({ events: [purchase.name], fn: 'count' }, [0.9, 0.75], { now: env.now });
  env.log.record('quantiles', { events: [purchase.name], fn: 'count' }, env.msgs.measured(`${purchase.name} (count): ${qs.map((q) => formatNumber(q)).join(', ')}`));
  const out: Choice[] = [];
  for (const orders of [...new Set(qs.map((q) => Math.max(2, Math.ceil(q))))]) {
    const size = await sizeOf(env, { type: 'event', events: [purchase.name], filters: [], count: { op: 'gte', value: orders } });
    const draft: EventDraft = { kind: 'event', events: [purchase.name], filters: [], measure: { type: 'count', op: 'gte', value: orders }, order: 0 };
    out.push({ text: env.msgs.frequencyOption({ threshold: String(orders), orders, share: pct(size, purchase.profiles), size }), drafts: [draft] });
  }
  return out;
}

async function churnOptions(env: OptionEnv): Promise<Choice[]> {
  const out: Choice[] = [];
  const purchase = env.events.role('purchase');
  const lookback = env.index.catalog.workspace.lookbackDays;
  for (const days of [90, 180]) {
    if (!purchase || days >= lookback) continue;
    const size = await sizeOf(env, { type: 'recency', events: [purchase.name], filters: [], op: 'more_than', amount: days, unit: 'days' });
    const draft: EventDraft = { kind: 'event', events: [purchase.name], filters: [], measure: { type: 'recency', op: 'more_than', amount: days, unit: 'days' }, order: 0 };
    out.push({ text: env.msgs.churnOption(days, size), drafts: [draft] });
  }
  // Where people use a product more than they buy from it, dropping off is going quiet.
  const activity = env.events.role('activity');
  for (const days of [30, 60]) {
    if (!activity || days >= lookback) continue;
    const condition: Condition = { type: 'event', events: [activity.name], filters: [], window: last(days), count: { op: 'eq', value: 0 } };
    out.push({ text: env.msgs.quietOption(activity.name, days, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  return out;
}

/** The numeric trait a score, probability or propensity is kept in. */
function likelihoodTrait(index: CatalogIndex): TraitInfo | undefined {
  return index.catalog.traits.find((t) => t.type === 'number' && !t.pii && /probab|propens|likel|predict|intent/i.test(`${t.name} ${t.description ?? ''}`));
}

async function likelihoodOptions(env: OptionEnv): Promise<Choice[]> {
  const trait = likelihoodTrait(env.index);
  if (!trait) return [];
  const max = typeof trait.max === 'number' ? trait.max : 1;
  const out: Choice[] = [];
  for (const t of max <= 1 ? [0.5, 0.7] : [Math.round(max * 0.5), Math.round(max * 0.7)]) {
    const condition: Condition = { type: 'trait', trait: trait.name, op: 'gt', value: t };
    out.push({ text: env.msgs.likelihoodOption(trait.name, t, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  return out;
}

async function newOptions(env: OptionEnv): Promise<Choice[]> {
  const signup = env.events.role('signup');
  const date = env.index.roles.traits.signup_date?.trait;
  const out: Choice[] = [];
  for (const days of [30, 90]) {
    const condition: Condition | undefined = signup
      ? { type: 'event', events: [signup.name], filters: [], window: last(days), count: { op: 'gte', value: 1 } }
      : date ? { type: 'trait', trait: date, op: 'in_last', amount: days, unit: 'days' } : undefined;
    if (condition) out.push({ text: env.msgs.newOption(days, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  return out;
}

async function interestOptions(about: readonly string[], env: OptionEnv): Promise<Choice[]> {
  const view = env.events.role('product_view');
  const purchase = env.events.role('purchase');
  const out: Choice[] = [];
  const category = (event: typeof view) => event?.properties.find((p) => p.type === 'string' && /categor/i.test(p.name));
  const viewCategory = category(view);
  const named = about.map((a) => viewCategory?.topValues.find((v) => String(v.value).toLowerCase() === a.toLowerCase())?.value).find((v) => v !== undefined);
  const value = named ?? viewCategory?.topValues[0]?.value;
  if (view && viewCategory && value !== undefined) {
    const condition: Condition = { type: 'event', events: [view.name], filters: [{ property: viewCategory.name, op: 'eq', value }], window: last(30), count: { op: 'gte', value: 1 } };
    out.push({ text: env.msgs.interestViewedOption(String(value), 30, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  const buyCategory = category(purchase);
  if (purchase && buyCategory && value !== undefined && buyCategory.topValues.some((v) => v.value === value)) {
    const condition: Condition = { type: 'event', events: [purchase.name], filters: [{ property: buyCategory.name, op: 'eq', value }], window: last(90), count: { op: 'gte', value: 1 } };
    out.push({ text: env.msgs.interestBoughtOption(String(value), 90, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  const click = env.events.role('email_click');
  if (click) {
    const condition: Condition = { type: 'event', events: [click.name], filters: [], window: last(30), count: { op: 'gte', value: 1 } };
    out.push({ text: env.msgs.interestClickedOption(30, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  return out;
}

/** "highly engaged", "heavy users": how often they used the product in the last 30 days. */
async function engagementOptions(env: OptionEnv): Promise<Choice[]> {
  const activity = env.events.role('activity');
  if (!activity) return [];
  const window = last(30);
  const qs = await env.engine.quantiles({ events: [activity.name], fn: 'count', window }, [0.9, 0.75], { now: env.now });
  env.log.record('quantiles', { events: [activity.name], fn: 'count', window }, env.msgs.measured(`${activity.name} (count, 30 days): ${qs.map((q) => formatNumber(q)).join(', ')}`));
  const out: Choice[] = [];
  for (const times of [...new Set(qs.map((q) => Math.max(2, Math.ceil(q))))]) {
    const condition: Condition = { type: 'event', events: [activity.name], filters: [], window, count: { op: 'gte', value: times } };
    out.push({ text: env.msgs.engagementOption(activity.name, times, 30, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  return out;
}

/** "unhappy", "promoters": a score people gave (a review, a survey), low or high. */
async function satisfactionOptions(env: OptionEnv): Promise<Choice[]> {
  const scored = env.index.catalog.events.map((e) => ({ event: e, score: scorePropertyOf(e) })).filter((x) => x.score !== undefined);
  const pick = scored.find((x) => /nps|survey|satisf|feedback/i.test(`${x.event.name} ${x.event.description ?? ''}`)) ?? scored[0];
  if (!pick?.score) return [];
  const max = typeof pick.score.max === 'number' ? pick.score.max : 5;
  const lows = max > 5 ? [6, 4] : [2, 1];
  const out: Choice[] = [];
  for (const low of lows) {
    const condition: Condition = { type: 'event', events: [pick.event.name], filters: [{ property: pick.score.name, op: 'lte', value: low }], window: last(Math.min(180, env.index.catalog.workspace.lookbackDays)), count: { op: 'gte', value: 1 } };
    out.push({ text: env.msgs.scoreOption(pick.event.name, pick.score.name, low, Math.min(180, env.index.catalog.workspace.lookbackDays), await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  return out;
}

/** "big accounts": a numeric trait that measures size (seats, employees, revenue), at its upper quartiles. */
async function sizeOptions(env: OptionEnv): Promise<Choice[]> {
  const trait = env.index.catalog.traits.find((t) => t.type === 'number' && !t.pii && /seat|employee|headcount|size|mrr|arr|revenue|users|licen/i.test(`${t.name} ${t.description ?? ''}`));
  if (!trait) return [];
  const numeric = trait.topValues.filter((v): v is { value: number; count: number } => typeof v.value === 'number').sort((a, b) => a.value - b.value);
  const total = numeric.reduce((s, v) => s + v.count, 0);
  if (!total) return [];
  const at = (q: number) => {
    let seen = 0;
    for (const v of numeric) if ((seen += v.count) >= q * total) return v.value;
    return numeric.at(-1)!.value;
  };
  const out: Choice[] = [];
  for (const threshold of [...new Set([at(0.9), at(0.75)].map(roundThreshold))]) {
    const condition: Condition = { type: 'trait', trait: trait.name, op: 'gte', value: threshold };
    out.push({ text: env.msgs.traitAtLeastOption(trait.name, threshold, await sizeOf(env, condition)), drafts: leaf(condition) });
  }
  return out;
}
