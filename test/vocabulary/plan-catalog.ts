/** Catalogs of made-up tracking plans in several naming styles, for the vocabulary tests. */
import type { Catalog, EventInfo, PropertyInfo, TraitInfo } from '../../src/catalog/types.js';
import { tinyCatalog } from '../catalog/tiny-catalog.js';

export function property(name: string, type: PropertyInfo['type'] = 'string', description?: string, values: Array<string | number> = []): PropertyInfo {
  return { name, type, ...(description ? { description } : {}), count: 100, distinct: values.length || 10, topValues: values.map((value) => ({ value, count: 10 })) };
}

export function event(name: string, description?: string, properties: PropertyInfo[] = []): EventInfo {
  return { name, ...(description ? { description } : {}), volume: 100, profiles: 50, firstSeen: null, lastSeen: null, properties, planned: true };
}

export function trait(name: string, type: TraitInfo['type'] = 'string', description?: string, pii = false): TraitInfo {
  return { name, type, ...(description ? { description } : {}), profiles: 100, distinct: 10, topValues: [], pii };
}

export function planCatalog(events: EventInfo[], traits: TraitInfo[] = [], roles?: Catalog['workspace']['roles']): Catalog {
  const base = tinyCatalog({ events, traits });
  return roles ? { ...base, workspace: { ...base.workspace, roles } } : base;
}
