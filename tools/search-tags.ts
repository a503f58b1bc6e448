import { z } from 'zod';
import { toCatalogTool } from './catalog-tool.js';
import { compactValues, matchingValues, type CompactValues } from './compact-values.js';
import { ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const SearchTagsInput = z.object({
  query: z.string().max(200).optional().describe('Text the tag contains; leave out to list the most used tags'),
  limit: z.number().int().min(1).max(50).optional(),
});
export type SearchTagsInput = z.infer<typeof SearchTagsInput>;

/** Tags the marketing team set on profiles (the `tags` trait), most used first. */
export function searchTags(deps: ToolDeps, input: SearchTagsInput): ToolOutcome<CompactValues> {
  const limit = input.limit ?? 20;
  let found = matchingValues(deps.catalog.tags, input.query);
  if (!found.length && input.query?.trim()) {
    // Words rather than substrings ("cat lovers" → "Cat Lover"): the search index knows tags.
    const hits = deps.search.search(input.query, { kinds: ['tag'], limit });
    found = hits.map((h) => deps.catalog.tags.find((t) => t.value === h.name) ?? { value: h.name, count: h.count ?? 0 });
  }
  const result = compactValues(found, limit, found.length);
  const summary = result.values.length ? `Found tag${result.values.length > 1 ? 's' : ''} ${result.values.slice(0, 3).map((v) => String(v.value)).join(', ')}` : `No tag matches "${input.query ?? ''}"`;
  return ok(result, summary);
}

export function createSearchTagsTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'search_tags',
    description: 'Search the tags set on profiles (trait "tags", a list). Use with trait conditions contains_any / contains_all / contains_none on "tags".',
    schema: SearchTagsInput,
    run: (input) => searchTags(deps, input),
  });
}
