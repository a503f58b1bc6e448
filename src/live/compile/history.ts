/**
 * The history conditions of a live list, each listed once however many audiences use it: the
 * engine answers them all in one query per visitor, and `history[i]` is the answer to the i-th.
 */
import type { HistoryCondition } from '../../definition/schema.js';

/** JSON with object keys sorted, so equal conditions written in any key order read the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class HistoryIndex {
  readonly conditions: HistoryCondition[] = [];
  private readonly positions = new Map<string, number>();

  /** The position of the condition's answer, adding it when new. */
  add(c: HistoryCondition): number {
    const key = canonicalJson(c);
    let i = this.positions.get(key);
    if (i === undefined) {
      i = this.conditions.push(c) - 1;
      this.positions.set(key, i);
    }
    return i;
  }
}
