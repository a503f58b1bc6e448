import type { ValueCount } from '../src/catalog/types.js';

/** Top values with counts and how many more exist: enough to pick from, small enough for a prompt. */
export interface CompactValues {
  values: ValueCount[];
  /** Distinct values not shown ("N more"). */
  more: number;
}

export function compactValues(all: ValueCount[], limit: number, distinct = all.length): CompactValues {
  const values = all.slice(0, limit);
  return { values, more: Math.max(0, distinct - values.length) };
}

/** Values whose text contains the query (case-insensitive), most frequent first. */
export function matchingValues(all: ValueCount[], query: string | undefined): ValueCount[] {
  if (!query?.trim()) return all;
  const q = query.trim().toLowerCase();
  return all.filter((v) => String(v.value).toLowerCase().includes(q));
}

export function describeValues(c: CompactValues): string {
  const shown = c.values.map((v) => `${String(v.value)} (${v.count})`).join(', ');
  return c.more ? `${shown} and ${c.more} more` : shown;
}
