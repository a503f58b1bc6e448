import { z } from 'zod';
import type { EventInfo } from '../src/catalog/types.js';
import { toCatalogTool } from './catalog-tool.js';
import { ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const SearchEventsInput = z.object({
  query: z.string().min(1).max(200).describe('Words for what people did, e.g. "purchase", "opened email", "Beauty"'),
  limit: z.number().int().min(1).max(20).optional(),
});
export type SearchEventsInput = z.infer<typeof SearchEventsInput>;

export interface EventSummary {
  name: string;
  description?: string;
  volume: number;
  profiles: number;
  lastSeen: string | null;
  properties: string[];
  /** Why it matched when it was not the event's own name ("property category", "value Beauty"). */
  matched?: string;
}

function summarize(e: EventInfo, matched?: string): EventSummary {
  return {
    name: e.name,
    ...(e.description ? { description: e.description } : {}),
    volume: e.volume,
    profiles: e.profiles,
    lastSeen: e.lastSeen,
    properties: e.properties.map((p) => p.name),
    ...(matched ? { matched } : {}),
  };
}

/** Events a phrase may refer to: by name or description, or through one of their properties or values. */
export function searchEvents(deps: ToolDeps, input: SearchEventsInput): ToolOutcome<{ events: EventSummary[]; available?: string[] }> {
  const limit = input.limit ?? 8;
  const hits = deps.search.search(input.query, { kinds: ['event', 'property', 'value'], limit: limit * 3 });
  const found = new Map<string, EventSummary>();
  for (const hit of hits) {
    const names = hit.kind === 'event' ? [hit.name] : (hit.events ?? []);
    const matched = hit.kind === 'property' ? `property ${hit.name}` : hit.kind === 'value' ? `value ${String(hit.value ?? hit.name)} of ${hit.property ?? hit.trait}` : undefined;
    for (const name of names) {
      const event = deps.catalog.events.find((e) => e.name === name);
      if (event && !found.has(name) && found.size < limit) found.set(name, summarize(event, matched));
    }
  }
  const events = [...found.values()];
  // With nothing found, the whole (short) list of names beats a dead end.
  const available = events.length ? undefined : deps.catalog.events.slice(0, 60).map((e) => e.name);
  const summary = events.length ? `Found event${events.length > 1 ? 's' : ''} ${events.slice(0, 3).map((e) => e.name).join(', ')}` : `No event matches "${input.query}"`;
  return ok({ events, ...(available ? { available } : {}) }, summary);
}

export function createSearchEventsTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'search_events',
    description: 'Search the events (things people did) tracked in this workspace by name, description, property or value. Returns event names to use in conditions.',
    schema: SearchEventsInput,
    run: (input) => searchEvents(deps, input),
  });
}
