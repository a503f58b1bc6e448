/**
 * Exact (case-insensitive) lookups of catalog names, and the "did you mean" message when a name
 * is not there: the model must never build on a name no tool returned.
 */
import type { Catalog, CatalogSearch, EventInfo, PropertyInfo, TraitInfo } from '../src/catalog/types.js';

const same = (a: string, b: string) => a.toLowerCase() === b.trim().toLowerCase();

export function findEvent(catalog: Catalog, name: string): EventInfo | undefined {
  return catalog.events.find((e) => same(e.name, name));
}

export function findProperty(event: EventInfo, name: string): PropertyInfo | undefined {
  return event.properties.find((p) => same(p.name, name));
}

export function findTrait(catalog: Catalog, name: string): TraitInfo | undefined {
  return catalog.traits.find((t) => same(t.name, name));
}

export function unknownNameMessage(
  search: CatalogSearch,
  kind: 'event' | 'property' | 'trait' | 'list',
  name: string,
  opts: { event?: string } = {},
): string {
  const closest = search.closestNames(name, kind, { event: opts.event, limit: 5 });
  const where = kind === 'property' && opts.event ? ` on ${opts.event}` : '';
  const hint = closest.length ? ` Closest: ${closest.join(', ')}.` : '';
  return `There is no ${kind} named "${name}"${where} in this workspace.${hint}`;
}
