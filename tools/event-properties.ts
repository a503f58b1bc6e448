import { z } from 'zod';
import type { PropertyInfo } from '../src/catalog/types.js';
import { findEvent, unknownNameMessage } from './catalog-lookup.js';
import { toCatalogTool } from './catalog-tool.js';
import { compactValues, type CompactValues } from './compact-values.js';
import { fail, ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const EventPropertiesInput = z.object({
  event: z.string().min(1).max(200).describe('The exact event name, as search_events returned it'),
});
export type EventPropertiesInput = z.infer<typeof EventPropertiesInput>;

export interface PropertySummary extends CompactValues {
  name: string;
  type: PropertyInfo['type'];
  description?: string;
  /** Events carrying the property. */
  count: number;
  distinct: number;
  min?: number | string;
  max?: number | string;
}

const TOP_PER_PROPERTY = 5;

export function describeProperty(p: PropertyInfo, top = TOP_PER_PROPERTY): PropertySummary {
  return {
    name: p.name,
    type: p.type,
    ...(p.description ? { description: p.description } : {}),
    count: p.count,
    distinct: p.distinct,
    ...compactValues(p.topValues, top, p.distinct),
    ...(p.min !== undefined ? { min: p.min } : {}),
    ...(p.max !== undefined ? { max: p.max } : {}),
  };
}

export function eventProperties(deps: ToolDeps, input: EventPropertiesInput): ToolOutcome<{ event: string; properties: PropertySummary[] }> {
  const event = findEvent(deps.catalog, input.event);
  if (!event) return fail(unknownNameMessage(deps.search, 'event', input.event), `No event named ${input.event}`);
  return ok(
    { event: event.name, properties: event.properties.map((p) => describeProperty(p)) },
    `Read the properties of ${event.name}`,
  );
}

export function createEventPropertiesTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'get_event_properties',
    description: "An event's properties with their types, ranges and most frequent values.",
    schema: EventPropertiesInput,
    run: (input) => eventProperties(deps, input),
  });
}
