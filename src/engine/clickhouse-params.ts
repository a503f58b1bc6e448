/**
 * The portable SQL in ClickHouse's words. Values stay bound: each `?` becomes a typed query
 * parameter `{pN:Type}` (text String, whole numbers Int64, other numbers Float64, truth values
 * Bool). Two constructs are spelt differently: a bound instant `CAST(? AS TIMESTAMP)` becomes a
 * UTC DateTime64(3) (ClickHouse's TIMESTAMP is whole seconds from 1970, DateTime64 spans
 * 1900–2299, so cut-offs outside it are held to its ends), and `LOWER(` becomes `lowerUTF8(`
 * (ClickHouse's `lower` folds ASCII only; the compiler lower-cases needles in JavaScript).
 */
import type { SqlParam } from './compile/fragment.js';

export interface ClickHouseQuery {
  query: string;
  params: Record<string, SqlParam>;
}

const INSTANT = 'CAST(? AS TIMESTAMP)';
const FIRST = '1900-01-01 00:00:00.000';
const LAST = '2299-12-31 23:59:59.999';

function typeOf(value: SqlParam): string {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Bool';
  return Number.isSafeInteger(value) ? 'Int64' : 'Float64';
}

/** Instants are bound as `YYYY-MM-DD hh:mm:ss.sss` text, which orders like the instants. */
function withinRange(text: string): string {
  return text < FIRST ? FIRST : text > LAST ? LAST : text;
}

export function toClickHouse(text: string, values: readonly SqlParam[]): ClickHouseQuery {
  let query = '';
  const params: Record<string, SqlParam> = {};
  let n = 0;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      query += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      query += ch;
    } else if (text.startsWith(INSTANT, i)) {
      const value = values[n]!;
      params[`p${n}`] = typeof value === 'string' ? withinRange(value) : value;
      query += `CAST({p${n}:String} AS DateTime64(3, 'UTC'))`;
      n++;
      i += INSTANT.length - 1;
    } else if (text.startsWith('LOWER(', i)) {
      query += 'lowerUTF8(';
      i += 'LOWER('.length - 1;
    } else if (ch === '?') {
      const value = values[n]!;
      params[`p${n}`] = value;
      query += `{p${n}:${typeOf(value)}}`;
      n++;
    } else {
      query += ch;
    }
  }
  if (n !== values.length) throw new Error(`The query has ${n} placeholders for ${values.length} values`);
  return { query, params };
}
