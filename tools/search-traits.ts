import { z } from 'zod';
import type { TraitInfo } from '../src/catalog/types.js';
import { toCatalogTool } from './catalog-tool.js';
import { compactValues, type CompactValues } from './compact-values.js';
import { ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const SearchTraitsInput = z.object({
  query: z.string().min(1).max(200).describe('Words for a profile attribute or value, e.g. "country", "Germany", "gold", "phone"'),
  limit: z.number().int().min(1).max(20).optional(),
});
export type SearchTraitsInput = z.infer<typeof SearchTraitsInput>;

export interface TraitSummary extends CompactValues {
  name: string;
  type: TraitInfo['type'];
  description?: string;
  profiles: number;
  distinct: number;
  /** Personal data: usable with exists / not_exists only; values are never shown. */
  pii: boolean;
  min?: number | string;
  max?: number | string;
  matched?: string;
}

export function describeTrait(t: TraitInfo, top: number, matched?: string): TraitSummary {
  const values = t.pii ? { values: [], more: 0 } : compactValues(t.topValues, top, t.distinct);
  return {
    name: t.name,
    type: t.type,
    ...(t.description ? { description: t.description } : {}),
    profiles: t.profiles,
    distinct: t.pii ? 0 : t.distinct,
    pii: t.pii,
    ...values,
    ...(!t.pii && t.min !== undefined ? { min: t.min, max: t.max } : {}),
    ...(matched ? { matched } : {}),
  };
}

/** Traits a phrase may refer to, by name, description or one of their values. */
export function searchTraits(deps: ToolDeps, input: SearchTraitsInput): ToolOutcome<{ traits: TraitSummary[]; available?: string[] }> {
  const limit = input.limit ?? 8;
  const hits = deps.search.search(input.query, { kinds: ['trait', 'value', 'tag'], limit: limit * 3 });
  const found = new Map<string, TraitSummary>();
  for (const hit of hits) {
    const name = hit.kind === 'trait' ? hit.name : hit.kind === 'tag' ? 'tags' : hit.trait;
    const trait = name ? deps.catalog.traits.find((t) => t.name === name) : undefined;
    if (!trait || found.has(trait.name) || found.size >= limit) continue;
    const matched = hit.kind === 'trait' ? undefined : `value ${String(hit.value ?? hit.name)}`;
    found.set(trait.name, describeTrait(trait, 5, trait.pii ? undefined : matched));
  }
  const traits = [...found.values()];
  const available = traits.length ? undefined : deps.catalog.traits.slice(0, 80).map((t) => t.name);
  const summary = traits.length ? `Found trait${traits.length > 1 ? 's' : ''} ${traits.slice(0, 3).map((t) => t.name).join(', ')}` : `No trait matches "${input.query}"`;
  return ok({ traits, ...(available ? { available } : {}) }, summary);
}

export function createSearchTraitsTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'search_traits',
    description: 'Search the profile traits (attributes such as country, tier, age, consent flags) by name, description or value.',
    schema: SearchTraitsInput,
    run: (input) => searchTraits(deps, input),
  });
}
