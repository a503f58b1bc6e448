import type { Comparator } from './schema.js';

/** `a op b` for two numbers, as every comparator of a definition means it. */
export function compareNumbers(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'neq': return a !== b;
    case 'gt': return a > b;
    case 'gte': return a >= b;
    case 'lt': return a < b;
    case 'lte': return a <= b;
  }
}
