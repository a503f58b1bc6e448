/**
 * The parts of a condition a marketer can change in place (the number, the window, the value),
 * found in the definition JSON behind each plain-language line, and how a typed value is read
 * back into that JSON. Pure functions: the page recomputes the size with the edited definition.
 *
 * A slot: { path, kind, label, value, options? }
 *   kind: 'count' (whole number ≥ 0) | 'amount' (whole number ≥ 1) | 'number' | 'unit'
 *       | 'text' | 'list' (comma-separated) | 'boolean' | 'date'
 */

/**
 * @typedef {{ path: (string | number)[], kind: string, label: string, value: any, options?: string[] }} Slot
 */

export const UNITS = ['days', 'weeks', 'months', 'years'];

const FN_WORDS = { sum: 'sum', avg: 'average', min: 'minimum', max: 'maximum' };

const subjectOf = (events) => (events.length === 1 ? events[0] : events.join(' or '));

function windowSlots(window, path, subject) {
  if (!window) return [];
  if (window.kind === 'last') {
    return [
      { path: [...path, 'amount'], kind: 'amount', label: `${subject}: in the last`, value: window.amount },
      { path: [...path, 'unit'], kind: 'unit', label: `${subject}: window unit`, value: window.unit, options: UNITS },
    ];
  }
  return [
    { path: [...path, 'from'], kind: 'date', label: `${subject}: from`, value: String(window.from).slice(0, 10) },
    { path: [...path, 'to'], kind: 'date', label: `${subject}: until`, value: String(window.to).slice(0, 10) },
  ];
}

function kindOfScalar(v) {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return /^\d{4}-\d{2}-\d{2}/.test(v) ? 'date' : 'text';
}

/** Slots of an operator-and-value pair (`op`, `value`) owned by a trait or an event property. */
function valueSlots(item, path, label) {
  const { op, value } = item;
  if (op === 'exists' || op === 'not_exists' || value === undefined) return [];
  if (op === 'between' && Array.isArray(value)) {
    return [
      { path: [...path, 'value', 0], kind: kindOfScalar(value[0]), label: `${label}: from`, value: value[0] },
      { path: [...path, 'value', 1], kind: kindOfScalar(value[1]), label: `${label}: to`, value: value[1] },
    ];
  }
  if (Array.isArray(value)) return [{ path: [...path, 'value'], kind: 'list', label: `${label}: values`, value }];
  return [{ path: [...path, 'value'], kind: kindOfScalar(value), label, value }];
}

function filterSlots(filters, path, subject) {
  return (filters ?? []).flatMap((f, i) => valueSlots(f, [...path, i], `${subject} ${f.property}`));
}

function leafSlots(c, path) {
  switch (c.type) {
    case 'event': {
      const subject = subjectOf(c.events);
      return [
        { path: [...path, 'count', 'value'], kind: 'count', label: `${subject}: number of times`, value: c.count.value },
        ...windowSlots(c.window, [...path, 'window'], subject),
        ...filterSlots(c.filters, [...path, 'filters'], subject),
      ];
    }
    case 'aggregate': {
      const subject = subjectOf(c.events);
      return [
        { path: [...path, 'value'], kind: 'number', label: `${subject}: ${FN_WORDS[c.fn] ?? c.fn} of ${c.property}`, value: c.value },
        ...windowSlots(c.window, [...path, 'window'], subject),
        ...filterSlots(c.filters, [...path, 'filters'], subject),
      ];
    }
    case 'recency': {
      const subject = subjectOf(c.events);
      const timing = c.op === 'never' ? [] : [
        { path: [...path, 'amount'], kind: 'amount', label: `${subject}: ${c.op === 'within' ? 'last time within the last' : 'last time longer ago than'}`, value: c.amount },
        { path: [...path, 'unit'], kind: 'unit', label: `${subject}: unit`, value: c.unit, options: UNITS },
      ];
      return [...timing, ...filterSlots(c.filters, [...path, 'filters'], subject)];
    }
    case 'trait':
      if (c.op === 'in_last' || c.op === 'before_last') {
        return [
          { path: [...path, 'amount'], kind: 'amount', label: `${c.trait}: ${c.op === 'in_last' ? 'in the last' : 'longer ago than'}`, value: c.amount },
          { path: [...path, 'unit'], kind: 'unit', label: `${c.trait}: unit`, value: c.unit, options: UNITS },
        ];
      }
      return valueSlots(c, path, c.trait);
    case 'list':
      return [{ path: [...path, 'list'], kind: 'text', label: 'List name', value: c.list }];
    default:
      return [];
  }
}

/**
 * Every editable value of one top-level condition (line `index` of the explanation), in
 * reading order.
 * @returns {Slot[]}
 */
export function slotsOfLine(definition, index) {
  const walk = (c, path) => (c.type === 'group' ? c.conditions.flatMap((child, i) => walk(child, [...path, 'conditions', i])) : leafSlots(c, path));
  const condition = definition.root.conditions[index];
  return condition ? walk(condition, ['root', 'conditions', index]) : [];
}

/** The text an input starts with. */
export function slotText(slot) {
  if (slot.kind === 'list') return slot.value.join(', ');
  return String(slot.value);
}

/**
 * Reads what was typed into a slot. Returns `{ value }` or `{ problem }` in plain words.
 * @param {{ kind: string, value: unknown }} slot
 * @param {string} text
 */
export function readSlot(slot, text) {
  const t = text.trim();
  switch (slot.kind) {
    case 'count':
    case 'amount': {
      const min = slot.kind === 'count' ? 0 : 1;
      if (!/^\d+$/.test(t) || Number(t) < min) return { problem: `Enter a whole number${min ? ' of at least 1' : ''}.` };
      return { value: Number(t) };
    }
    case 'number': {
      const n = Number(t.replace(/[,\s]/g, ''));
      if (t === '' || !Number.isFinite(n)) return { problem: 'Enter a number.' };
      return { value: n };
    }
    case 'unit':
      return UNITS.includes(t) ? { value: t } : { problem: `Choose one of ${UNITS.join(', ')}.` };
    case 'boolean':
      return t === 'true' || t === 'false' ? { value: t === 'true' } : { problem: 'Choose yes or no.' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(t) ? { value: t } : { problem: 'Enter a date as YYYY-MM-DD.' };
    case 'list': {
      const items = t.split(',').map((s) => s.trim()).filter(Boolean);
      if (!items.length) return { problem: 'Enter at least one value.' };
      const numeric = Array.isArray(slot.value) && slot.value.length > 0 && slot.value.every((v) => typeof v === 'number');
      if (numeric) {
        const numbers = items.map(Number);
        if (numbers.some((n) => !Number.isFinite(n))) return { problem: 'Enter numbers separated by commas.' };
        return { value: numbers };
      }
      return { value: items };
    }
    default:
      return t ? { value: t } : { problem: 'Enter a value.' };
  }
}

/** A copy of `target` with the value at `path` replaced. */
export function setAt(target, path, value) {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const copy = Array.isArray(target) ? [...target] : { ...target };
  copy[key] = setAt(target[key], rest, value);
  return copy;
}

export { sameValue } from '../model/same-value.js';
