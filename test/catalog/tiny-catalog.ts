/** Small hand-built catalogs for tests that need one exact situation. */
import type { Catalog } from '../../src/catalog/types.js';

export function tinyCatalog(parts: Partial<Catalog> = {}): Catalog {
  return {
    workspace: { name: 'Tiny', currency: 'USD', timezone: 'UTC', lookbackDays: 365, channels: {}, glossary: [] },
    profiles: 2,
    eventsTotal: 0,
    events: [],
    traits: [],
    tags: [],
    lists: [],
    ...parts,
  };
}
