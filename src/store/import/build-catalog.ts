/**
 * Builds the catalog from the imported tables once, at import: volumes, last seen, property and
 * trait types with their most frequent values. Values of personal traits are never collected.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Catalog } from '../../catalog/types.js';
import type { StoreSchema } from '../layout.js';
import { eventCatalog } from './catalog-events.js';
import { traitCatalog } from './catalog-traits.js';
import { num, queryRows } from './query-rows.js';
import { settingsOf, type AudiencesFile, type WorkspaceFile } from './workspace-files.js';

export { isPiiTrait } from './catalog-traits.js';

/** Independent queries are spread over the connections given (one is enough). */
export async function buildCatalog(connections: DuckDBConnection[], schema: StoreSchema, plan: WorkspaceFile, audiences: AudiencesFile): Promise<Catalog> {
  const [connection] = connections;
  const events = await eventCatalog(connections, schema, plan);
  const traits = await traitCatalog(connections, schema, plan);
  const [totals] = await queryRows(connection!, 'SELECT (SELECT COUNT(*) FROM profiles) AS profiles, (SELECT COUNT(*) FROM events) AS events');
  const listRows = await queryRows(connection!, 'SELECT list_name, COUNT(*) AS size FROM list_members GROUP BY list_name');
  const sizes = new Map(listRows.map((r) => [String(r.list_name), num(r.size)]));
  return {
    workspace: settingsOf(plan),
    profiles: num(totals!.profiles),
    eventsTotal: num(totals!.events),
    events,
    traits,
    tags: traits.find((t) => t.name === 'tags' && t.type === 'string[]')?.topValues ?? [],
    lists: audiences.map((l) => ({ name: l.name, size: sizes.get(l.name) ?? 0, ...(l.description ? { description: l.description } : {}) })),
  };
}
