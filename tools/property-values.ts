import { z } from 'zod';
import { findEvent, findProperty, unknownNameMessage } from './catalog-lookup.js';
import { toCatalogTool } from './catalog-tool.js';
import { compactValues, matchingValues, type CompactValues } from './compact-values.js';
import { fail, ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const PropertyValuesInput = z.object({
  event: z.string().min(1).max(200),
  property: z.string().min(1).max(200),
  query: z.string().max(200).optional().describe('Only values containing this text (case-insensitive)'),
  limit: z.number().int().min(1).max(50).optional(),
});
export type PropertyValuesInput = z.infer<typeof PropertyValuesInput>;

export interface PropertyValues extends CompactValues {
  event: string;
  property: string;
  type: string;
  min?: number | string;
  max?: number | string;
}

/** The values an event property holds, as stored (use them verbatim in filters). */
export function propertyValues(deps: ToolDeps, input: PropertyValuesInput): ToolOutcome<PropertyValues> {
  const event = findEvent(deps.catalog, input.event);
  if (!event) return fail(unknownNameMessage(deps.search, 'event', input.event), `No event named ${input.event}`);
  const prop = findProperty(event, input.property);
  if (!prop) {
    return fail(unknownNameMessage(deps.search, 'property', input.property, { event: event.name }), `No property ${input.property} on ${event.name}`);
  }
  const limit = input.limit ?? 20;
  const matching = matchingValues(prop.topValues, input.query);
  // Beyond the stored top values only the search index knows the rest; ask it when filtering.
  const extra = input.query?.trim()
    ? deps.search.search(input.query, { kinds: ['value'], event: event.name, property: prop.name, limit })
        .filter((h) => h.value !== undefined && !matching.some((m) => m.value === h.value))
        .map((h) => ({ value: h.value!, count: h.count ?? 0 }))
    : [];
  const all = [...matching, ...extra];
  const values = compactValues(all, limit, input.query?.trim() ? all.length : prop.distinct);
  return ok(
    { event: event.name, property: prop.name, type: prop.type, ...values, ...(prop.min !== undefined ? { min: prop.min, max: prop.max } : {}) },
    `Read values of ${prop.name} on ${event.name}`,
  );
}

export function createPropertyValuesTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'get_property_values',
    description: "The values an event's property holds, most frequent first, with counts. Use the values exactly as returned.",
    schema: PropertyValuesInput,
    run: (input) => propertyValues(deps, input),
  });
}
