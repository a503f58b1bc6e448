/**
 * The workspace's catalog of traits visitors recorded about themselves: each name with the type
 * of its latest value and the distinct values seen (strings and array items), at most
 * MAX_TRAIT_VALUES each, so definitions can use them and the agent can find them.
 */
import type { VisitorTraitInfo, VisitorTraitValue } from './types.js';

export const MAX_TRAIT_VALUES = 50;

export function visitorTraitType(value: VisitorTraitValue): VisitorTraitInfo['type'] {
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean';
}

/** The values a recorded answer adds to the catalog: the text, or the items of a list. */
export function catalogValues(value: VisitorTraitValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return [...new Set(value)];
  return [];
}

/** The catalog entry after one more answer: the latest type, earlier values kept first, new ones added up to the maximum. */
export function mergeTraitInfo(existing: VisitorTraitInfo | undefined, name: string, value: VisitorTraitValue): VisitorTraitInfo {
  const values = [...(existing?.values ?? [])];
  const seen = new Set(values);
  for (const v of catalogValues(value)) {
    if (values.length >= MAX_TRAIT_VALUES) break;
    if (!seen.has(v)) {
      seen.add(v);
      values.push(v);
    }
  }
  return { name, type: visitorTraitType(value), values };
}

export function byTraitName(a: VisitorTraitInfo, b: VisitorTraitInfo): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
