/** The shape of the compiled SQL: what stays portable and how each dialect differs. */
import { describe, expect, test } from 'vitest';
import { compileAudience } from '../../src/engine/compile/audience.js';
import type { CompileContext } from '../../src/engine/compile/context.js';
import { ident, join, sql } from '../../src/engine/compile/fragment.js';
import { toNumberedPlaceholders } from '../../src/engine/compile/placeholders.js';
import { copyTextRow } from '../../src/engine/postgres-copy-text.js';
import type { StoreSchema } from '../../src/store/layout.js';
import { audience, did, lastDays, trait } from './support/define.js';

const schema: StoreSchema = {
  propertyColumns: [
    { property: 'total', type: 'number', column: 'p_0' },
    { property: 'category', type: 'string', column: 'p_1' },
  ],
  traitTypes: { country: 'string', age: 'number', created_at: 'datetime', tags: 'string[]' },
};
const now = new Date('2026-11-01T00:00:00Z');
const ctx: CompileContext = { schema, now };

/** The text of every `(SELECT …)`, by matching parentheses. */
function subqueries(text: string): string[] {
  const out: string[] = [];
  for (let start = text.indexOf('(SELECT'); start >= 0; start = text.indexOf('(SELECT', start + 1)) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      if (text[i] === '(') depth++;
      if (text[i] === ')' && --depth === 0) {
        out.push(text.slice(start, i + 1));
        break;
      }
    }
  }
  return out;
}

describe('compiled SQL', () => {
  test('writes "never did it" as NOT IN over the people who did', () => {
    const { sql: text, params } = compileAudience(audience([did('Order Completed', 'eq', 0, { window: lastDays(30) })]), ctx);
    expect(text).toBe(
      'SELECT p.user_id FROM profiles p WHERE p.user_id NOT IN (SELECT e.user_id FROM events e WHERE e.event IN (?) AND e.ts >= CAST(? AS TIMESTAMP)) ORDER BY p.user_id',
    );
    expect(params).toEqual(['Order Completed', '2026-10-02 00:00:00.000']);
  });

  test('writes counts that hold at zero as the complement of those that break them', () => {
    const { sql: text, params } = compileAudience(audience([did('Order Completed', 'lt', 3)]), ctx);
    expect(text).toContain('p.user_id NOT IN (SELECT e.user_id FROM events e WHERE e.event IN (?) GROUP BY e.user_id HAVING COUNT(*) >= ?)');
    expect(params).toEqual(['Order Completed', 3]);
  });

  test('keeps sums of nothing at 0 with COALESCE', () => {
    const def = audience([{ type: 'aggregate', events: ['Order Completed'], filters: [], fn: 'sum', property: 'total', op: 'lt', value: 10 }]);
    expect(compileAudience(def, ctx).sql).toContain('HAVING COALESCE(SUM(e.p_0), 0) >= ?');
  });

  test('lower-cases a contains value in JavaScript and the column in SQL', () => {
    const { sql: text, params } = compileAudience(audience([trait({ trait: 'country', op: 'contains', value: 'ÉCOSSE' })]), ctx);
    expect(text).toContain('POSITION(? IN LOWER(t.value_text)) > 0');
    expect(params).toContain('écosse');
  });

  test('orders text by code point on PostgreSQL and qualifies its tables', () => {
    const { sql: text } = compileAudience(audience([trait({ trait: 'country', op: 'gt', value: 'M' })]), { ...ctx, dialect: 'postgres', tableSchema: 'aa_shop_1234' });
    expect(text).toContain('t.value_text COLLATE "C" > ?');
    expect(text).toContain('FROM aa_shop_1234.traits t');
    expect(text).toContain('ORDER BY p.user_id COLLATE "C"');
  });

  test('uses none of FILTER, correlated subqueries or division', () => {
    const def = audience([
      did('Order Completed', 'gte', 2, { filters: [{ property: 'total', op: 'between', value: [1, 5] }] }),
      { type: 'aggregate', events: ['Order Completed'], filters: [], fn: 'avg', property: 'total', op: 'gt', value: 3 },
      { type: 'recency', events: ['Order Completed'], filters: [], op: 'more_than', amount: 2, unit: 'months' },
      trait({ trait: 'tags', op: 'contains_all', value: ['a', 'b'] }),
      trait({ trait: 'created_at', op: 'in_last', amount: 1, unit: 'years' }),
    ]);
    const { sql: text } = compileAudience(def, ctx);
    expect(text).not.toMatch(/FILTER|\/|EXISTS|INTERVAL|NOW\(|CURRENT_/i);
    // One set per condition, and the query that starts from the first and filters by the others.
    expect(subqueries(text).length).toBe(6);
    for (const sub of subqueries(text)) expect(sub).not.toMatch(/\bp\./);
  });

  test('binds a far-away cut-off as a valid timestamp', () => {
    const { params } = compileAudience(audience([did('Order Completed', 'gte', 1, { window: { kind: 'last', amount: 10_000, unit: 'years' } })]), ctx);
    expect(params[1]).toBe('0001-01-01 00:00:00.000');
  });
});

describe('fragments', () => {
  test('keep placeholders and params together however they nest', () => {
    const inner = sql`a = ${1} AND b = ${'two'}`;
    const f = join([sql`x = ${0}`, sql`(${inner}) OR c = ${true}`], ' AND ');
    expect(f.text).toBe('x = ? AND (a = ? AND b = ?) OR c = ?');
    expect(f.params).toEqual([0, 1, 'two', true]);
  });

  test('refuse identifiers that were not generated', () => {
    expect(ident('p_12').text).toBe('p_12');
    expect(() => ident('p_1; DROP TABLE events')).toThrow(/non-generated/);
    expect(() => ident('Events')).toThrow();
  });

  test('number placeholders for PostgreSQL outside quoted text only', () => {
    expect(toNumberedPlaceholders(`a = ? AND b <> '' AND c COLLATE "C" > ? AND d = '?'`)).toBe(`a = $1 AND b <> '' AND c COLLATE "C" > $2 AND d = '?'`);
  });
});

describe('COPY text', () => {
  test('escapes what the format needs and writes NULL as \\N', () => {
    expect(copyTextRow(['a\tb\nc\\d\re', null, true, 1.5, new Date('2026-01-02T03:04:05.678Z')])).toBe('a\\tb\\nc\\\\d\\re\t\\N\tt\t1.5\t2026-01-02T03:04:05.678\n');
  });
});
