/**
 * Concrete options for a vague word, measured on the data: thresholds from the engine's
 * quantiles ("top 10% of buyers spend over $1,240") and the size of each option's audience.
 * Every option text reads back through the parser to the condition it was measured with.
 */
import type { AudienceDefinition, Condition } from '../../../definition/schema.js';
import type { AudienceEngine } from '../../../engine/types.js';
import type { Messages } from '../messages/types.js';
import type { Notion } from '../recognise/mentions.js';
import type { CatalogIndex } from '../resolve/catalog-index.js';
import type { EventResolver } from '../resolve/events.js';
import type { ToolLog } from '../resolve/tool-log.js';
import { moneyProperty } from '../assemble/filters.js';
import type { EventDraft } from '../assemble/drafts.js';
import { formatNumber } from '../text/numbers.js';
import { hoursOptions, pageOptions } from './context-options.js';

export interface OptionEnv {
  index: CatalogIndex;
  engine: AudienceEngine;
  events: EventResolver;
  log: ToolLog;
  msgs: Messages;
  now: Date;
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

/** "top 10% of spenders": above the 90th percentile of buyers' total spend (or order count). */
export async function percentileDrafts(percent: number, notion: Notion, env: OptionEnv): Promise<EventDraft[]> {
  const purchase = env.events.role('purchase');
  const money = moneyProperty(purchase);
  if (!purchase) return [];
  const q = 1 - percent / 100;
  if (notion === 'frequency' || !money) {
    const [v] = await env.engine.quantiles({ events: [purchase.name], fn: 'count' }, [q], { now: env.now });
    env.log.record('quantiles', { events: [purchase.name], fn: 'count', q }, env.msgs.measured(`${purchase.name} (count) p${Math.round(q * 100)}: ${formatNumber(v ?? 0)}`));
    return [{ kind: 'event', events: [purchase.name], filters: [], measure: { type: 'count', op: 'gt', value: Math.floor(v ?? 0) }, order: 0 }];
  }
  const [v] = await env.engine.quantiles({ events: [purchase.name], fn: 'sum', property: money.name }, [q], { now: env.now });
  env.log.record('quantiles', { events: [purchase.name], fn: 'sum', property: money.name, q }, env.msgs.measured(`${purchase.name}.${money.name} (sum) p${Math.round(q * 100)}: ${formatNumber(v ?? 0)}`));
  return [{ kind: 'event', events: [purchase.name], filters: [], measure: { type: 'aggregate', fn: 'sum', property: money.name, op: 'gt', value: Math.round((v ?? 0) * 100) / 100 }, order: 0 }];
}

export async function optionsFor(notion: Notion, about: readonly string[], env: OptionEnv): Promise<string[]> {
  switch (notion) {
    case 'spend': return spendOptions(env);
    case 'frequency': return frequencyOptions(env);
    case 'churn': return churnOptions(env);
    case 'likelihood': return likelihoodOptions(env);
    case 'new': return newOptions(env);
    case 'interest': return interestOptions(about, env);
    case 'page': return pageOptions(about[0] ?? '');
    case 'hours': return hoursOptions();
  }
}

async function spendOptions(env: OptionEnv): Promise<string[]> {
  const purchase = env.events.role('purchase');
  const money = moneyProperty(purchase);
  if (!purchase || !money) return [];
  const qs = await env.engine.quantiles({ events: [purchase.name], fn: 'sum', property: money.name }, [0.9, 0.75], { now: env.now });
  env.log.record('quantiles', { events: [purchase.name], fn: 'sum', property: money.name }, env.msgs.measured(`${purchase.name}.${money.name} (sum): ${qs.map((q) => formatNumber(roundThreshold(q))).join(', ')}`));
  const out: string[] = [];
  for (const q of [...new Set(qs.map(roundThreshold))]) {
    const size = await sizeOf(env, { type: 'aggregate', events: [purchase.name], filters: [], fn: 'sum', property: money.name, op: 'gt', value: q });
    out.push(env.msgs.spendOption({ threshold: `$${formatNumber(q)}`, share: pct(size, purchase.profiles), size }));
  }
  return out;
}

async function frequencyOptions(env: OptionEnv): Promise<string[]> {
  const purchase = env.events.role('purchase');
  if (!purchase) return [];
  const qs = await env.engine.quantiles({ events: [purchase.name], fn: 'count' }, [0.9, 0.75], { now: env.now });
  env.log.record('quantiles', { events: [purchase.name], fn: 'count' }, env.msgs.measured(`${purchase.name} (count): ${qs.map((q) => formatNumber(q)).join(', ')}`));
  const out: string[] = [];
  for (const orders of [...new Set(qs.map((q) => Math.max(2, Math.ceil(q))))]) {
    const size = await sizeOf(env, { type: 'event', events: [purchase.name], filters: [], count: { op: 'gte', value: orders } });
    out.push(env.msgs.frequencyOption({ threshold: String(orders), orders, share: pct(size, purchase.profiles), size }));
  }
  return out;
}

async function churnOptions(env: OptionEnv): Promise<string[]> {
  const purchase = env.events.role('purchase');
  if (!purchase) return [];
  const out: string[] = [];
  for (const days of [90, 180]) {
    if (days >= env.index.catalog.workspace.lookbackDays) continue;
    const size = await sizeOf(env, { type: 'recency', events: [purchase.name], filters: [], op: 'more_than', amount: days, unit: 'days' });
    out.push(env.msgs.churnOption(days, size));
  }
  return out;
}

async function likelihoodOptions(env: OptionEnv): Promise<string[]> {
  const trait = env.index.catalog.traits.find((t) => t.type === 'number' && /probab|propens|likel|score/i.test(t.name));
  if (!trait) return [];
  const max = typeof trait.max === 'number' ? trait.max : 1;
  const out: string[] = [];
  for (const t of max <= 1 ? [0.5, 0.7] : [Math.round(max * 0.5), Math.round(max * 0.7)]) {
    const size = await sizeOf(env, { type: 'trait', trait: trait.name, op: 'gt', value: t });
    out.push(env.msgs.likelihoodOption(trait.name, t, size));
  }
  return out;
}

async function newOptions(env: OptionEnv): Promise<string[]> {
  const signup = env.events.role('signup');
  if (!signup) return [];
  const out: string[] = [];
  for (const days of [30, 90]) {
    const size = await sizeOf(env, { type: 'event', events: [signup.name], filters: [], window: { kind: 'last', amount: days, unit: 'days' }, count: { op: 'gte', value: 1 } });
    out.push(env.msgs.newOption(days, size));
  }
  return out;
}

async function interestOptions(about: readonly string[], env: OptionEnv): Promise<string[]> {
  const view = env.events.role('product_view');
  const purchase = env.events.role('purchase');
  const out: string[] = [];
  const category = (event: typeof view) => event?.properties.find((p) => p.type === 'string' && /categor/i.test(p.name));
  const viewCategory = category(view);
  const named = about.map((a) => viewCategory?.topValues.find((v) => String(v.value).toLowerCase() === a.toLowerCase())?.value).find((v) => v !== undefined);
  const value = named ?? viewCategory?.topValues[0]?.value;
  if (view && viewCategory && value !== undefined) {
    const size = await sizeOf(env, { type: 'event', events: [view.name], filters: [{ property: viewCategory.name, op: 'eq', value }], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'gte', value: 1 } });
    out.push(env.msgs.interestViewedOption(String(value), 30, size));
  }
  const buyCategory = category(purchase);
  if (purchase && buyCategory && value !== undefined && buyCategory.topValues.some((v) => v.value === value)) {
    const size = await sizeOf(env, { type: 'event', events: [purchase.name], filters: [{ property: buyCategory.name, op: 'eq', value }], window: { kind: 'last', amount: 90, unit: 'days' }, count: { op: 'gte', value: 1 } });
    out.push(env.msgs.interestBoughtOption(String(value), 90, size));
  }
  const click = env.events.role('email_click');
  if (click) {
    const size = await sizeOf(env, { type: 'event', events: [click.name], filters: [], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'gte', value: 1 } });
    out.push(env.msgs.interestClickedOption(30, size));
  }
  return out;
}
