/**
 * The baseline for the engine's SQL: for each bench definition, the member count an engineer
 * would write by hand in DuckDB over the same tables (set operations over the few users each
 * condition picks, one semi- or anti-join against `profiles` at the end). Each one counts the
 * same members as the engine: the bench checks that in every run.
 */
import type { StoreSchema } from '../src/store/layout.js';

export interface HandQuery {
  sql: string;
  params: (string | number)[];
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD hh:mm:ss.sss` UTC, cast to TIMESTAMP in the query. */
const at = (now: Date, daysBack: number): string => new Date(now.getTime() - daysBack * DAY_MS).toISOString().replace('T', ' ').replace('Z', '');

function column(schema: StoreSchema, property: string): string {
  const c = schema.propertyColumns.find((p) => p.property === property);
  if (!c) throw new Error(`the bench workspace has no event property "${property}"`);
  return c.column;
}

/**
 * Hand SQL per bench definition key; `lookbackDays` is the workspace's history limit. Values are
 * bound: `v(x)` adds a parameter and returns its `?`, in the order the text is written.
 */
export function handQueries(schema: StoreSchema, now: Date, lookbackDays: number): Record<string, HandQuery> {
  const total = column(schema, 'total');
  const category = column(schema, 'category');
  const history = at(now, lookbackDays);
  const query = (write: (v: (x: string | number) => string) => string): HandQuery => {
    const params: (string | number)[] = [];
    const sql = write((x) => (params.push(x), '?'));
    return { sql: `SELECT COUNT(*) AS n FROM (SELECT user_id FROM profiles WHERE user_id ${sql}) m`, params };
  };
  const since = (v: (x: string) => string, cutoff: string): string => `ts >= CAST(${v(cutoff)} AS TIMESTAMP)`;
  // `extra` is written after the name and cut-off are bound, so its parameters follow theirs.
  const events = (v: (x: string | number) => string, name: string, cutoff: string, extra: () => string = () => ''): string =>
    `SELECT user_id FROM events WHERE event = ${v(name)} AND ${since(v, cutoff)}${extra()}`;
  return {
    negation: query((v) => `NOT IN (${events(v, 'Order Completed', at(now, 30))})`),
    window: query((v) => `IN (${events(v, 'Product Viewed', at(now, 7))} EXCEPT ${events(v, 'Order Completed', at(now, 7))})`),
    sum: query((v) => `IN (${events(v, 'Order Completed', history)} GROUP BY user_id HAVING SUM(${total}) > ${v(1000)})`),
    avg: query((v) => `IN (${events(v, 'Order Completed', history, () => ` AND ${total} IS NOT NULL`)} GROUP BY user_id HAVING AVG(${total}) > ${v(100)})`),
    recency: query((v) => `IN (${events(v, 'Order Completed', history)} GROUP BY user_id HAVING MAX(ts) < CAST(${v(at(now, 180))} AS TIMESTAMP))`),
    traits: query(
      (v) => `IN (SELECT user_id FROM traits WHERE name = ${v('country')} AND value_text IN (${v('DE')}, ${v('FR')})
        INTERSECT SELECT user_id FROM traits WHERE name = ${v('age')} AND value_num BETWEEN ${v(25)} AND ${v(34)})`,
    ),
    lists: query((v) => `IN (SELECT user_id FROM list_members WHERE list_name = ${v('Spring Sale Attendees')}
        EXCEPT SELECT user_id FROM list_members WHERE list_name = ${v('Blocklist')})`),
    tags: query((v) => `IN (SELECT user_id FROM trait_items WHERE name = ${v('tags')} AND item IN (${v('Cat Lover')}, ${v('Dog Lover')}))`),
    'or-groups': query(
      (v) => `IN ((SELECT user_id FROM traits WHERE name = ${v('membership_tier')} AND value_text IN (${v('gold')}, ${v('platinum')})
          INTERSECT ${events(v, 'Order Completed', at(now, 30))})
        UNION
        (SELECT user_id FROM traits WHERE name = ${v('email_subscribed')} AND value_bool
          INTERSECT ${events(v, 'Email Opened', at(now, 30))} GROUP BY user_id HAVING COUNT(*) >= ${v(3)}))`,
    ),
    'count-filter': query((v) => `IN (${events(v, 'Product Viewed', at(now, 90), () => ` AND ${category} = ${v('Beauty')}`)} GROUP BY user_id HAVING COUNT(*) >= ${v(3)})`),
  };
}
