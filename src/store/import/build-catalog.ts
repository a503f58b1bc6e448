/**
 * Builds the catalog from the imported tables once, at import: volumes, last seen, property and
 * trait types with their most frequent values. Values of personal traits are never collected.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { CATALOG_TOP_VALUES, type Catalog, type EventInfo, type PropertyInfo, type TraitInfo, type ValueCount, type ValueType } from '../../catalog/types.js';
import type { StoreSchema } from '../layout.js';
import { planType } from './value-types.js';
import { settingsOf, type AudiencesFile, type WorkspaceFile } from './workspace-files.js';

const PII_TRAITS = new Set(['email', 'phone', 'first_name', 'last_name', 'name', 'address', 'street', 'birthday', 'notes', 'ip', 'postal_code', 'zip']);

export function isPiiTrait(name: string, description?: string): boolean {
  return PII_TRAITS.has(name.toLowerCase()) || /\bPII\b|personal data/i.test(description ?? '');
}

type Row = Record<string, DuckDBValue>;

async function rows(connection: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjects();
}

function num(v: DuckDBValue): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0);
}

function iso(v: DuckDBValue): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return new Date(s.includes('T') || s.endsWith('Z') ? s : `${s.replace(' ', 'T')}Z`).toISOString();
}

function scalar(v: DuckDBValue): string | number | boolean {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

async function topValues(connection: DuckDBConnection, expr: string, from: string, where: string, params: DuckDBValue[]): Promise<ValueCount[]> {
  const result = await rows(
    connection,
    `SELECT ${expr} AS v, COUNT(*) AS c FROM ${from} WHERE ${where} AND ${expr} IS NOT NULL GROUP BY ${expr} ORDER BY c DESC, v LIMIT ${CATALOG_TOP_VALUES}`,
    params,
  );
  return result.map((r) => ({ value: scalar(r.v!), count: num(r.c!) }));
}

async function eventCatalog(connection: DuckDBConnection, schema: StoreSchema, plan: WorkspaceFile): Promise<EventInfo[]> {
  const planned = new Map(plan.trackingPlan.events.map((e) => [e.name, e]));
  const summary = await rows(connection, 'SELECT event, COUNT(*) AS volume, COUNT(DISTINCT user_id) AS profiles, MIN(ts) AS first_ts, MAX(ts) AS last_ts FROM events GROUP BY event ORDER BY volume DESC, event');
  const names = [...summary.map((r) => String(r.event)), ...[...planned.keys()].filter((n) => !summary.some((r) => r.event === n))];
  const byName = new Map(summary.map((r) => [String(r.event), r]));
  const counts = schema.propertyColumns.length
    ? await rows(connection, `SELECT event, ${schema.propertyColumns.map((c) => `COUNT(${c.column}) AS n_${c.column}, COUNT(DISTINCT ${c.column}) AS d_${c.column}`).join(', ')} FROM events GROUP BY event`)
    : [];
  const countsByEvent = new Map(counts.map((r) => [String(r.event), r]));

  const out: EventInfo[] = [];
  for (const name of names) {
    const s = byName.get(name);
    const plannedEvent = planned.get(name);
    const c = countsByEvent.get(name);
    const properties: PropertyInfo[] = [];
    for (const col of schema.propertyColumns) {
      const plannedProp = plannedEvent?.properties.find((p) => p.name === col.property);
      const count = c ? num(c[`n_${col.column}`]!) : 0;
      if (!plannedProp && count === 0) continue;
      const type: ValueType = plannedProp ? planType(plannedProp.type) : col.type;
      const info: PropertyInfo = { name: col.property, type, count, distinct: c ? num(c[`d_${col.column}`]!) : 0, topValues: [] };
      if (plannedProp?.description) info.description = plannedProp.description;
      if (count > 0) {
        info.topValues = await topValues(connection, col.column, 'events', 'event = $1', [name]);
        if (col.type === 'number') {
          const [mm] = await rows(connection, `SELECT MIN(${col.column}) AS lo, MAX(${col.column}) AS hi FROM events WHERE event = $1`, [name]);
          info.min = num(mm!.lo!);
          info.max = num(mm!.hi!);
        }
      }
      properties.push(info);
    }
    const info: EventInfo = {
      name,
      volume: s ? num(s.volume!) : 0,
      profiles: s ? num(s.profiles!) : 0,
      firstSeen: s ? iso(s.first_ts!) : null,
      lastSeen: s ? iso(s.last_ts!) : null,
      properties,
      planned: !!plannedEvent,
    };
    if (plannedEvent?.description) info.description = plannedEvent.description;
    out.push(info);
  }
  return out;
}

const VALUE_EXPR: Record<ValueType, string> = {
  string: 'value_text',
  number: 'value_num',
  boolean: 'value_bool',
  date: 'value_text',
  datetime: 'value_text',
  'string[]': 'item',
};

async function traitCatalog(connection: DuckDBConnection, schema: StoreSchema, plan: WorkspaceFile): Promise<TraitInfo[]> {
  const planned = new Map(plan.trackingPlan.traits.map((t) => [t.name, t]));
  const out: TraitInfo[] = [];
  for (const [name, type] of Object.entries(schema.traitTypes)) {
    const description = planned.get(name)?.description;
    const pii = isPiiTrait(name, description);
    const table = type === 'string[]' ? 'trait_items' : 'traits';
    const expr = VALUE_EXPR[type];
    const [stats] = await rows(
      connection,
      `SELECT COUNT(DISTINCT user_id) AS profiles, COUNT(DISTINCT ${expr}) AS distinct_values, MIN(${type === 'number' ? 'value_num' : type === 'date' || type === 'datetime' ? 'value_time' : 'NULL'}) AS lo, MAX(${type === 'number' ? 'value_num' : type === 'date' || type === 'datetime' ? 'value_time' : 'NULL'}) AS hi FROM ${table} WHERE name = $1`,
      [name],
    );
    const info: TraitInfo = {
      name,
      type,
      profiles: num(stats!.profiles!),
      distinct: num(stats!.distinct_values!),
      // Timestamps are nearly all distinct: their range says more than their "top" values.
      topValues: pii || type === 'date' || type === 'datetime' ? [] : await topValues(connection, expr, table, 'name = $1', [name]),
      pii,
    };
    if (description) info.description = description;
    if (!pii && stats!.lo !== null && stats!.lo !== undefined) {
      info.min = type === 'number' ? num(stats!.lo) : iso(stats!.lo)!;
      info.max = type === 'number' ? num(stats!.hi!) : iso(stats!.hi!)!;
    }
    out.push(info);
  }
  return out;
}

export async function buildCatalog(connection: DuckDBConnection, schema: StoreSchema, plan: WorkspaceFile, audiences: AudiencesFile): Promise<Catalog> {
  const [totals] = await rows(connection, 'SELECT (SELECT COUNT(*) FROM profiles) AS profiles, (SELECT COUNT(*) FROM events) AS events');
  const traits = await traitCatalog(connection, schema, plan);
  const listRows = await rows(connection, 'SELECT list_name, COUNT(*) AS size FROM list_members GROUP BY list_name');
  const sizes = new Map(listRows.map((r) => [String(r.list_name), num(r.size!)]));
  return {
    workspace: settingsOf(plan),
    profiles: num(totals!.profiles!),
    eventsTotal: num(totals!.events!),
    events: await eventCatalog(connection, schema, plan),
    traits,
    tags: traits.find((t) => t.name === 'tags' && t.type === 'string[]')?.topValues ?? [],
    lists: audiences.map((l) => ({ name: l.name, size: sizes.get(l.name) ?? 0, ...(l.description ? { description: l.description } : {}) })),
  };
}
