/** Types of traits and event properties: from the tracking plan when it says, else from the data. */
import type { ValueType } from '../../catalog/types.js';
import type { ColumnType } from '../layout.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function planType(type: string): ValueType {
  const t = type.toLowerCase();
  if (t === 'number' || t === 'integer' || t === 'float') return 'number';
  if (t === 'boolean' || t === 'bool') return 'boolean';
  if (t === 'date') return 'date';
  if (t === 'datetime' || t === 'timestamp') return 'datetime';
  if (t === 'string[]' || t === 'array') return 'string[]';
  return 'string';
}

/** The type a value suggests, or undefined for nothing to go on (null, empty). */
export function inferType(value: unknown): ValueType | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'string[]';
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return 'date';
    if (ISO_DATETIME.test(value)) return 'datetime';
  }
  return 'string';
}

export function columnTypeOf(type: ValueType): ColumnType {
  if (type === 'number' || type === 'boolean') return type;
  if (type === 'date' || type === 'datetime') return 'datetime';
  return 'string';
}

/** A value as it fits a column of the given type, or undefined when it does not fit. */
export function coerce(value: unknown, type: ColumnType): string | number | boolean | Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'datetime': {
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? undefined : d;
    }
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
