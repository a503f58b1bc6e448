import { z } from 'zod';
import { TimeUnit } from '../src/definition/schema.js';
import { durationDays } from '../src/definition/time.js';
import type { Measure } from '../src/engine/types.js';
import { findEvent, findProperty, unknownNameMessage } from './catalog-lookup.js';
import { toCatalogTool } from './catalog-tool.js';
import { fail, ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const MeasureDistributionInput = z.object({
  events: z.array(z.string().min(1).max(200)).min(1).max(10),
  fn: z.enum(['count', 'sum', 'avg', 'min', 'max']).describe('count of events, or sum/avg/min/max of a numeric property'),
  property: z.string().max(200).optional(),
  window: z.object({ amount: z.number().int().positive().max(10_000), unit: TimeUnit }).optional().describe('Only events in the last N units'),
});
export type MeasureDistributionInput = z.infer<typeof MeasureDistributionInput>;

export interface Distribution {
  measure: string;
  /** Profiles that performed the events at least once (in the window): the population of the quantiles. */
  profiles: number;
  totalProfiles: number;
  quantiles: Array<{ q: number; value: number }>;
}

const QS = [0.5, 0.75, 0.9, 0.95, 0.99];

/**
 * How a per-profile measure is distributed ("top 10% of spenders spend over $1,240"), so a vague
 * word can be offered as concrete thresholds.
 */
export async function measureDistribution(deps: ToolDeps, input: MeasureDistributionInput): Promise<ToolOutcome<Distribution>> {
  const events: string[] = [];
  for (const name of input.events) {
    const event = findEvent(deps.catalog, name);
    if (!event) return fail(unknownNameMessage(deps.search, 'event', name), `No event named ${name}`);
    events.push(event.name);
  }
  let property: string | undefined;
  if (input.fn !== 'count') {
    if (!input.property) return fail(`fn ${input.fn} needs a numeric property.`, 'Missing property');
    const prop = events.map((e) => findProperty(findEvent(deps.catalog, e)!, input.property!)).find(Boolean);
    if (!prop) return fail(unknownNameMessage(deps.search, 'property', input.property, { event: events[0] }), `No property ${input.property}`);
    if (prop.type !== 'number') return fail(`${prop.name} is a ${prop.type}, not a number.`, `${prop.name} is not numeric`);
    property = prop.name;
  }
  const lookback = deps.catalog.workspace.lookbackDays;
  if (input.window && durationDays(input.window.amount, input.window.unit) > lookback) {
    return fail(`The window reaches further back than this workspace's ${lookback}-day history.`, 'Window too long');
  }
  const window = input.window ? { kind: 'last' as const, ...input.window } : undefined;
  const measure: Measure = { events, fn: input.fn, ...(property ? { property } : {}), ...(window ? { window } : {}) };
  const opts = { now: deps.now };
  const values = await deps.engine.quantiles(measure, QS, opts);
  const population = await deps.engine.compute(
    { version: 1, exclude: [], root: { type: 'group', op: 'and', conditions: [{ type: 'event', events, filters: [], ...(window ? { window } : {}), count: { op: 'gte', value: 1 } }] } },
    { ...opts, sampleSize: 0 },
  );
  const label = `${input.fn}${property ? ` of ${property}` : ''} over ${events.join(' or ')}${window ? ` in the last ${window.amount} ${window.unit}` : ''}`;
  return ok(
    { measure: label, profiles: population.size, totalProfiles: population.totalProfiles, quantiles: QS.map((q, i) => ({ q, value: values[i] ?? Number.NaN })) },
    `Measured the distribution of ${label}`,
  );
}

export function createMeasureDistributionTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'measure_distribution',
    description: 'Quantiles (median, top 25%, top 10%, …) of a per-profile measure such as total spend or number of orders: use them to offer concrete thresholds for vague words.',
    schema: MeasureDistributionInput,
    run: (input) => measureDistribution(deps, input),
  });
}
