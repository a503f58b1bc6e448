/**
 * Searching a workspace's store items and listing their namespaces, shared by the memory and
 * Redis stores (as the LangGraph store API does it: namespace prefixes, a `filter` of fields
 * with `$eq $ne $gt $gte $lt $lte`, and a text `query` read as words every item must contain,
 * since no embeddings are configured).
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { StoreItem } from './types.js';

export function itemKey(namespace: string[], key: string): string {
  return JSON.stringify([...namespace, key]);
}

const StoredItem = z.object({
  namespace: z.array(z.string()),
  key: z.string(),
  value: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
});

/** A stored item, or undefined when what is stored does not decode (it is then left out). */
export function decodeItem(raw: string): StoreItem | undefined {
  try {
    const parsed = StoredItem.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function startsWith(namespace: string[], prefix: string[]): boolean {
  return prefix.every((label, i) => namespace[i] === label);
}

type Operator = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte';

function compare(actual: unknown, op: Operator, expected: unknown): boolean {
  if (op === '$eq') return isDeepStrictEqual(actual, expected);
  if (op === '$ne') return !isDeepStrictEqual(actual, expected);
  const comparable = (typeof actual === 'number' && typeof expected === 'number') || (typeof actual === 'string' && typeof expected === 'string');
  if (!comparable) return false;
  const [a, b] = [actual, expected] as [number, number];
  return op === '$gt' ? a > b : op === '$gte' ? a >= b : op === '$lt' ? a < b : a <= b;
}

function isOperatorObject(v: unknown): v is Partial<Record<Operator, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));
}

function matchesFilter(value: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([field, expected]) => {
    const actual = value[field];
    if (isOperatorObject(expected)) return Object.entries(expected).every(([op, v]) => compare(actual, op as Operator, v));
    return isDeepStrictEqual(actual, expected);
  });
}

export interface ItemSearch {
  prefix: string[];
  filter?: Record<string, unknown>;
  query?: string;
  limit: number;
  offset: number;
}

/** Matching items, most recently updated first. */
export function searchItems(items: StoreItem[], q: ItemSearch): StoreItem[] {
  const words = (q.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return items
    .filter((i) => startsWith(i.namespace, q.prefix))
    .filter((i) => !q.filter || matchesFilter(i.value, q.filter))
    .filter((i) => {
      if (!words.length) return true;
      const text = JSON.stringify(i.value).toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || itemKey(a.namespace, a.key).localeCompare(itemKey(b.namespace, b.key)))
    .slice(q.offset, q.offset + q.limit);
}

export interface NamespaceListing {
  prefix?: string[];
  suffix?: string[];
  maxDepth?: number;
  limit: number;
  offset: number;
}

/** The distinct namespaces holding items (cut to `maxDepth` labels), in order. */
export function listNamespaces(items: StoreItem[], q: NamespaceListing): string[][] {
  const seen = new Map<string, string[]>();
  for (const { namespace } of items) {
    if (q.prefix && !startsWith(namespace, q.prefix)) continue;
    if (q.suffix && !startsWith([...namespace].reverse(), [...q.suffix].reverse())) continue;
    const cut = q.maxDepth === undefined ? namespace : namespace.slice(0, q.maxDepth);
    seen.set(JSON.stringify(cut), cut);
  }
  return [...seen.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, ns]) => ns)
    .slice(q.offset, q.offset + q.limit);
}
