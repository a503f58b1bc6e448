import { z } from 'zod';
import { findTrait, unknownNameMessage } from './catalog-lookup.js';
import { toCatalogTool } from './catalog-tool.js';
import { compactValues, matchingValues, type CompactValues } from './compact-values.js';
import { fail, ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const TraitValuesInput = z.object({
  trait: z.string().min(1).max(200),
  query: z.string().max(200).optional().describe('Only values containing this text (case-insensitive)'),
  limit: z.number().int().min(1).max(50).optional(),
});
export type TraitValuesInput = z.infer<typeof TraitValuesInput>;

export interface TraitValues extends CompactValues {
  trait: string;
  type: string;
  profiles: number;
  min?: number | string;
  max?: number | string;
}

/** The values a trait holds, as stored; personal traits say so instead of listing anything. */
export function traitValues(deps: ToolDeps, input: TraitValuesInput): ToolOutcome<TraitValues> {
  const trait = findTrait(deps.catalog, input.trait);
  if (!trait) return fail(unknownNameMessage(deps.search, 'trait', input.trait), `No trait named ${input.trait}`);
  if (trait.pii) {
    return fail(
      `${trait.name} is personal data: its values are never listed or searched. Conditions may only test whether it exists (exists / not_exists).`,
      `${trait.name} is personal data`,
    );
  }
  const limit = input.limit ?? 20;
  const source = trait.type === 'string[]' && trait.name === 'tags' && deps.catalog.tags.length ? deps.catalog.tags : trait.topValues;
  const matching = matchingValues(source, input.query);
  const extra = input.query?.trim()
    ? deps.search.search(input.query, { kinds: ['value'], trait: trait.name, limit })
        .filter((h) => h.value !== undefined && !matching.some((m) => m.value === h.value))
        .map((h) => ({ value: h.value!, count: h.count ?? 0 }))
    : [];
  const all = [...matching, ...extra];
  const values = compactValues(all, limit, input.query?.trim() ? all.length : Math.max(trait.distinct, source.length));
  return ok(
    { trait: trait.name, type: trait.type, profiles: trait.profiles, ...values, ...(trait.min !== undefined ? { min: trait.min, max: trait.max } : {}) },
    `Read values of ${trait.name}`,
  );
}

export function createTraitValuesTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'get_trait_values',
    description: 'The values a profile trait holds, most frequent first, with profile counts. Use the values exactly as returned (e.g. country codes).',
    schema: TraitValuesInput,
    run: (input) => traitValues(deps, input),
  });
}
