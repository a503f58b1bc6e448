import { z } from 'zod';
import type { ListInfo } from '../src/catalog/types.js';
import { toCatalogTool } from './catalog-tool.js';
import { ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const ListStaticListsInput = z.object({});

/** The uploaded static lists (audiences.json), usable with list conditions in / not_in. */
export function listStaticLists(deps: ToolDeps): ToolOutcome<{ lists: ListInfo[] }> {
  const lists = deps.catalog.lists.map((l) => ({ name: l.name, ...(l.description ? { description: l.description } : {}), size: l.size }));
  return ok({ lists }, lists.length ? `Listed ${lists.length} static list${lists.length > 1 ? 's' : ''}` : 'No static lists');
}

export function createListStaticListsTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'list_static_lists',
    description: 'The static lists uploaded to this workspace (e.g. a blocklist or event attendees) with their sizes.',
    schema: ListStaticListsInput,
    run: () => listStaticLists(deps),
  });
}
