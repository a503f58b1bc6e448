/**
 * The events part of the catalog: volumes, first and last seen, and per property its count,
 * distinct values, most frequent values and range. The groups of (column, event, value) give
 * counts, distinct values, ranks and ranges for every event at once.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { CATALOG_TOP_VALUES, type EventInfo, type PropertyInfo, type ValueCount, type ValueType } from '../../catalog/types.js';
import type { PropertyColumn, StoreSchema } from '../layout.js';
import { iso, valueCount } from './catalog-values.js';
import { runEach } from './connection-pool.js';
import { num, queryRows, type Row } from './query-rows.js';
import { planType } from './value-types.js';
import type { WorkspaceFile } from './workspace-files.js';

interface ColumnStats {
  count: number;
  distinct: number;
  topValues: ValueCount[];
  lo: DuckDBValue;
  hi: DuckDBValue;
}

/**
 * Statistics of columns of one SQL type for every event that carries them, by column and event
 * name. The columns share one query (their values one column), which costs what a query per
 * column costs in work and saves the per-query overhead that dominates small workspaces.
 */
async function columnStats(connection: DuckDBConnection, columns: PropertyColumn[]): Promise<Map<string, Map<string, ColumnStats>>> {
  const groups = columns.map((col, i) => `SELECT ${i} AS col, event, ${col.column} AS v, COUNT(*) AS c FROM events WHERE ${col.column} IS NOT NULL GROUP BY event, ${col.column}`);
  const rows = await queryRows(
    connection,
    `SELECT col, event, v, c, n_distinct, total, lo, hi FROM (
       SELECT col, event, v, c, row_number() OVER (PARTITION BY col, event ORDER BY c DESC, v) AS rank,
         COUNT(*) OVER per_event AS n_distinct, SUM(c) OVER per_event AS total, MIN(v) OVER per_event AS lo, MAX(v) OVER per_event AS hi
       FROM (${groups.join(' UNION ALL ')})
       WINDOW per_event AS (PARTITION BY col, event))
     WHERE rank <= ${CATALOG_TOP_VALUES} ORDER BY col, event, rank`,
  );
  const byColumn = new Map(columns.map((c) => [c.column, new Map<string, ColumnStats>()]));
  for (const r of rows) {
    const byEvent = byColumn.get(columns[num(r.col)]!.column)!;
    const event = String(r.event);
    let stats = byEvent.get(event);
    if (!stats) byEvent.set(event, (stats = { count: num(r.total), distinct: num(r.n_distinct), topValues: [], lo: r.lo!, hi: r.hi! }));
    stats.topValues.push(valueCount(r.v!, r));
  }
  return byColumn;
}

const SUMMARY = 'SELECT event, COUNT(*) AS volume, COUNT(DISTINCT user_id) AS profiles, MIN(ts) AS first_ts, MAX(ts) AS last_ts FROM events GROUP BY event ORDER BY volume DESC, event';

/** The queries are independent: they are spread over the connections given. */
export async function eventCatalog(connections: DuckDBConnection[], schema: StoreSchema, plan: WorkspaceFile): Promise<EventInfo[]> {
  const planned = new Map(plan.trackingPlan.events.map((e) => [e.name, e]));
  let summary: Row[] = [];
  const stats = new Map<string, Map<string, ColumnStats>>();
  const bySqlType = new Map<string, PropertyColumn[]>();
  for (const col of schema.propertyColumns) bySqlType.set(col.type, [...(bySqlType.get(col.type) ?? []), col]);
  await runEach(connections, [
    async (c) => void (summary = await queryRows(c, SUMMARY)),
    ...[...bySqlType.values()].map((cols) => async (c: DuckDBConnection) => {
      for (const [column, byEvent] of await columnStats(c, cols)) stats.set(column, byEvent);
    }),
  ]);
  const seen = new Set(summary.map((r) => String(r.event)));
  const names = [...seen, ...[...planned.keys()].filter((n) => !seen.has(n))];
  const byName = new Map(summary.map((r) => [String(r.event), r]));

  return names.map((name) => {
    const s = byName.get(name);
    const plannedEvent = planned.get(name);
    const properties: PropertyInfo[] = [];
    for (const col of schema.propertyColumns) {
      const plannedProp = plannedEvent?.properties.find((p) => p.name === col.property);
      const cs = stats.get(col.column)!.get(name);
      if (!plannedProp && !cs) continue;
      const type: ValueType = plannedProp ? planType(plannedProp.type) : col.type;
      const info: PropertyInfo = { name: col.property, type, count: cs?.count ?? 0, distinct: cs?.distinct ?? 0, topValues: cs?.topValues ?? [] };
      if (plannedProp?.description) info.description = plannedProp.description;
      if (cs && col.type === 'number') {
        info.min = num(cs.lo);
        info.max = num(cs.hi);
      }
      properties.push(info);
    }
    const info: EventInfo = {
      name,
      volume: s ? num(s.volume) : 0,
      profiles: s ? num(s.profiles) : 0,
      firstSeen: s ? iso(s.first_ts) : null,
      lastSeen: s ? iso(s.last_ts) : null,
      properties,
      planned: !!plannedEvent,
    };
    if (plannedEvent?.description) info.description = plannedEvent.description;
    return info;
  });
}
