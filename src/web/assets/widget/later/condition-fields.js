/**
 * The fields of one condition, in full: what it is about (an event, a total over an event's
 * property, the last time of an event, a profile trait, a list), the event or trait picked from
 * the workspace's catalog (typing searches it), operators that fit the value's type, values
 * offered from the most frequent ones with their counts or typed, the time window, property
 * filters. `read()` gives the condition as the definition holds it, or a problem in words.
 */
import { formatCount } from '../model/format.js';
import { h, uid } from '../ui/dom.js';

const UNITS = ['days', 'weeks', 'months', 'years'];
const COMPARE = { gte: 'at least', gt: 'more than', eq: 'exactly', lte: 'at most', lt: 'fewer than', neq: 'not' };
const OP_WORDS = {
  eq: 'is', neq: 'is not', gt: 'is more than', gte: 'is at least', lt: 'is less than', lte: 'is at most',
  in: 'is one of', not_in: 'is none of', contains: 'contains', not_contains: 'does not contain', between: 'is between',
  exists: 'is set', not_exists: 'is not set', in_last: 'is in the last', before_last: 'is longer ago than',
  contains_any: 'has any of', contains_all: 'has all of', contains_none: 'has none of',
};
const DATE_WORDS = { gt: 'is after', lt: 'is before', between: 'is between' };
const OPS_BY_TYPE = {
  string: ['eq', 'neq', 'in', 'not_in', 'contains', 'not_contains', 'exists', 'not_exists'],
  number: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between', 'exists', 'not_exists'],
  boolean: ['eq', 'neq', 'exists', 'not_exists'],
  date: ['in_last', 'before_last', 'gt', 'lt', 'between', 'exists', 'not_exists'],
  'string[]': ['contains_any', 'contains_all', 'contains_none', 'exists', 'not_exists'],
};
OPS_BY_TYPE.datetime = OPS_BY_TYPE.date;
/** What an event's property filter may use, per type (no windows over property dates). */
const FILTER_OPS = {
  string: OPS_BY_TYPE.string,
  number: OPS_BY_TYPE.number,
  boolean: OPS_BY_TYPE.boolean,
  date: ['gt', 'lt', 'eq', 'exists', 'not_exists'],
  'string[]': ['contains', 'not_contains', 'exists', 'not_exists'],
};
FILTER_OPS.datetime = FILTER_OPS.date;
export const KINDS = { event: 'Did an event', aggregate: 'Total or average of an event property', recency: 'Last time they did an event', trait: 'Profile trait', list: 'In a list' };
const LISTED = new Set(['in', 'not_in', 'contains_any', 'contains_all', 'contains_none']);
const NO_VALUE = new Set(['exists', 'not_exists']);

export const opsFor = (type, filter = false) => (filter ? FILTER_OPS : OPS_BY_TYPE)[type] ?? OPS_BY_TYPE.string;
const opWord = (op, type) => ((type === 'date' || type === 'datetime') && DATE_WORDS[op]) || OP_WORDS[op] || op;

/** A new condition of a kind, filled with the catalog's first fitting names. */
export function defaultLeaf(kind, catalog) {
  const event = catalog.events[0]?.name ?? '';
  switch (kind) {
    case 'aggregate': {
      const e = catalog.events.find((x) => x.properties.some((p) => p.type === 'number')) ?? catalog.events[0];
      return { type: 'aggregate', events: [e?.name ?? event], filters: [], fn: 'sum', property: e?.properties.find((p) => p.type === 'number')?.name ?? '', op: 'gt', value: 0 };
    }
    case 'recency': return { type: 'recency', events: [event], filters: [], op: 'within', amount: 30, unit: 'days' };
    case 'trait': {
      const t = catalog.traits.find((x) => !x.pii) ?? catalog.traits[0];
      return { type: 'trait', trait: t?.name ?? '', op: 'exists' };
    }
    case 'list': return { type: 'list', list: catalog.lists[0]?.name ?? '', op: 'in' };
    default: return { type: 'event', events: [event], filters: [], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'gte', value: 1 } };
  }
}

function select(label, options, value, onChange) {
  const id = uid('aw-f');
  const el = h('select', { id, class: 'aw-input aw-input-inline', onChange: (e) => onChange(e.target.value) },
    options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value) }, text)));
  return { el, field: h('div', { class: 'aw-slot' }, h('label', { for: id, class: 'aw-label aw-small' }, label), el) };
}

function input(label, value, { type = 'text', list, onInput, hint } = {}) {
  const id = uid('aw-f');
  const el = h('input', { id, class: 'aw-input aw-input-inline', type, value: value ?? '', list, autocomplete: 'off', onInput: (e) => onInput?.(e.target.value), ...(type === 'number' ? { inputmode: 'decimal', step: 'any' } : {}) });
  return { el, field: h('div', { class: 'aw-slot' }, h('label', { for: id, class: 'aw-label aw-small' }, label), el, hint ? h('span', { class: 'aw-muted aw-small' }, hint) : null) };
}

/** The most frequent values with their counts, offered while typing. */
function valueList(top) {
  if (!top?.length) return { id: undefined, el: null };
  const id = uid('aw-values');
  return { id, el: h('datalist', { id }, top.slice(0, 50).map((v) => h('option', { value: String(v.value), label: `${v.value} · ${formatCount(v.count)}` }))) };
}

/** Reads a typed scalar as the type wants it. */
function scalar(text, type) {
  const t = String(text ?? '').trim();
  if (!t) throw new Error('Enter a value.');
  if (type === 'number') {
    const n = Number(t.replace(/[,\s]/g, ''));
    if (!Number.isFinite(n)) throw new Error(`"${t}" is not a number.`);
    return n;
  }
  if (type === 'boolean') {
    if (/^(true|yes)$/i.test(t)) return true;
    if (/^(false|no)$/i.test(t)) return false;
    throw new Error('Choose yes or no.');
  }
  if ((type === 'date' || type === 'datetime') && !/^\d{4}-\d{2}-\d{2}$/.test(t)) throw new Error('Enter a date as YYYY-MM-DD.');
  return t;
}

const textOf = (v) => (Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v));

/**
 * Operator and value(s) of a trait or a property filter. `state` is { op, value, amount, unit } as typed.
 * @returns {{ fields: HTMLElement[], read: () => object }}
 */
function valueFields(info, state, rerender, filter) {
  const type = info?.type ?? 'string';
  const ops = opsFor(type, filter);
  if (!ops.includes(state.op)) state.op = ops[0];
  const op = select('Operator', ops.map((o) => [o, opWord(o, type)]), state.op, (v) => { state.op = v; rerender(); });
  const values = valueList(info?.topValues);
  const fields = [op.field];
  const dateType = type === 'date' || type === 'datetime' ? 'date' : 'text';
  if (state.op === 'in_last' || state.op === 'before_last') {
    fields.push(input('Amount', state.amount ?? 30, { type: 'number', onInput: (v) => { state.amount = v; } }).field);
    fields.push(select('Unit', UNITS.map((u) => [u, u]), state.unit ?? 'days', (v) => { state.unit = v; }).field);
  } else if (state.op === 'between') {
    const [from, to] = Array.isArray(state.value) ? state.value : ['', ''];
    state.value = [from, to];
    fields.push(input('From', from, { type: type === 'number' ? 'number' : dateType, onInput: (v) => { state.value[0] = v; } }).field);
    fields.push(input('To', to, { type: type === 'number' ? 'number' : dateType, onInput: (v) => { state.value[1] = v; } }).field);
  } else if (type === 'boolean' && !NO_VALUE.has(state.op)) {
    fields.push(select('Value', [['true', 'yes'], ['false', 'no']], String(state.value ?? 'true'), (v) => { state.value = v; }).field);
  } else if (!NO_VALUE.has(state.op)) {
    const many = LISTED.has(state.op);
    fields.push(input(many ? 'Values (comma-separated)' : 'Value', textOf(state.value), { type: many ? 'text' : type === 'number' ? 'number' : dateType, list: values.id, onInput: (v) => { state.value = v; }, hint: values.id ? 'Type to see the most frequent values' : undefined }).field);
  }
  if (values.el) fields.push(values.el);

  function read() {
    const o = state.op;
    if (NO_VALUE.has(o)) return { op: o };
    if (o === 'in_last' || o === 'before_last') {
      const amount = Number(state.amount);
      if (!Number.isInteger(amount) || amount < 1) throw new Error('Enter a whole number of at least 1.');
      return { op: o, amount, unit: state.unit ?? 'days' };
    }
    if (o === 'between') {
      const pair = state.value.map((v) => scalar(v, type === 'number' ? 'number' : type));
      return { op: o, value: pair };
    }
    if (LISTED.has(o)) {
      const items = textOf(state.value).split(',').map((s) => s.trim()).filter(Boolean);
      if (!items.length) throw new Error('Enter at least one value.');
      return { op: o, value: type === 'string[]' ? items : items.map((v) => scalar(v, type)) };
    }
    return { op: o, value: type === 'string[]' ? scalar(state.value, 'string') : scalar(state.value, type) };
  }
  return { fields, read };
}

/**
 * @param {any} leaf the condition to start from (a copy is edited)
 * @param {{ events: any[], traits: any[], lists: any[] }} catalog
 * @returns {{ el: HTMLElement, read: () => any, focus: () => void }} read throws an Error saying what to fix
 */
export function createConditionFields(leaf, catalog) {
  let work = structuredClone(leaf);
  const el = h('div', { class: 'aw-fields' });
  const eventNames = uid('aw-events');
  const traitNames = uid('aw-traits');
  const catalogLists = h('div', { hidden: true },
    h('datalist', { id: eventNames }, catalog.events.map((e) => h('option', { value: e.name, label: `${e.name} · ${formatCount(e.profiles)} people` }))),
    h('datalist', { id: traitNames }, catalog.traits.map((t) => h('option', { value: t.name, label: t.description ? `${t.name} · ${t.description}` : t.name }))));
  /** Draws again and puts the caret back in the field being typed in. */
  function refocus(draw, part) {
    draw();
    const again = el.querySelector(`[data-part="${part}"]`);
    again?.focus();
    again?.setSelectionRange?.(again.value.length, again.value.length);
  }
  /** Readers of the parts on screen, filled by render(). */
  let readers = [];

  const eventInfo = (name) => catalog.events.find((e) => e.name.toLowerCase() === String(name).trim().toLowerCase());
  const propsOf = (events) => {
    const seen = new Map();
    for (const e of events.map(eventInfo).filter(Boolean)) for (const p of e.properties) if (!seen.has(p.name)) seen.set(p.name, p);
    return [...seen.values()];
  };

  function eventsField() {
    const f = input('Event (type to search)', work.events.join(', '), { list: eventNames, onInput: (v) => {
      const before = work.events.join(',');
      work.events = v.split(',').map((s) => s.trim()).filter(Boolean);
      // A name picked or typed in full: its properties are offered at once, the caret stays where it was.
      if (work.events.length && work.events.every(eventInfo) && work.events.join(',') !== before) refocus(render, 'events');
    } });
    f.el.dataset.part = 'events';
    readers.push(() => {
      if (!work.events.length) throw new Error('Choose an event.');
      work.events = work.events.map((name) => {
        const found = eventInfo(name);
        if (!found) throw new Error(`There is no event "${name}" in this workspace.`);
        return found.name;
      });
    });
    return f.field;
  }

  function windowFields(target) {
    const w = target.window;
    const when = select('When', [['any', 'any time'], ['last', 'in the last'], ['between', 'between dates']], w?.kind ?? 'any', (v) => {
      target.window = v === 'any' ? undefined : v === 'last' ? { kind: 'last', amount: 30, unit: 'days' } : { kind: 'between', from: '', to: '' };
      render();
    });
    const out = [when.field];
    if (w?.kind === 'last') {
      out.push(input('Amount', w.amount, { type: 'number', onInput: (v) => { w.amount = v; } }).field);
      out.push(select('Unit', UNITS.map((u) => [u, u]), w.unit, (v) => { w.unit = v; }).field);
      readers.push(() => {
        w.amount = Number(w.amount);
        if (!Number.isInteger(w.amount) || w.amount < 1) throw new Error('The window needs a whole number of at least 1.');
      });
    } else if (w?.kind === 'between') {
      out.push(input('From', String(w.from).slice(0, 10), { type: 'date', onInput: (v) => { w.from = v; } }).field);
      out.push(input('Until', String(w.to).slice(0, 10), { type: 'date', onInput: (v) => { w.to = v; } }).field);
      readers.push(() => {
        if (!w.from || !w.to) throw new Error('Enter both dates of the window.');
      });
    }
    return out;
  }

  function filterRows() {
    const props = propsOf(work.events);
    const rows = work.filters.map((f, i) => {
      const info = props.find((p) => p.name === f.property);
      const prop = select('Property', props.map((p) => [p.name, p.name]), f.property, (v) => { work.filters[i] = { property: v, op: 'exists' }; render(); });
      const state = { op: f.op, value: f.value };
      const vf = valueFields(info, state, () => { work.filters[i] = { property: f.property, op: state.op, ...(NO_VALUE.has(state.op) ? {} : { value: state.value }) }; render(); }, true);
      readers.push(() => { work.filters[i] = { property: f.property, ...vf.read() }; });
      const remove = h('button', { type: 'button', class: 'aw-link', onClick: () => { work.filters.splice(i, 1); render(); } }, 'Remove filter');
      return h('div', { class: 'aw-filter', role: 'group', 'aria-label': `Filter ${i + 1}` }, h('span', { class: 'aw-muted aw-small' }, 'where'), prop.field, vf.fields, remove);
    });
    const add = props.length
      ? h('button', { type: 'button', class: 'aw-link', onClick: () => { work.filters.push({ property: props[0].name, op: 'exists' }); render(); } }, 'Add a property filter')
      : null;
    return [...rows, add];
  }

  function render() {
    readers = [];
    const kind = select('Condition', Object.entries(KINDS), work.type, (v) => { work = defaultLeaf(v, catalog); render(); });
    const parts = [kind.field];
    if (work.type === 'event') {
      const count = select('Times', Object.entries(COMPARE), work.count.op, (v) => { work.count.op = v; });
      const n = input('Number of times', work.count.value, { type: 'number', onInput: (v) => { work.count.value = v; } });
      readers.push(() => {
        work.count.value = Number(work.count.value);
        if (!Number.isInteger(work.count.value) || work.count.value < 0) throw new Error('The number of times is a whole number (0 or more).');
      });
      parts.push(eventsField(), count.field, n.field, ...windowFields(work));
    } else if (work.type === 'aggregate') {
      const numeric = propsOf(work.events).filter((p) => p.type === 'number');
      if (!numeric.some((p) => p.name === work.property)) work.property = numeric[0]?.name ?? '';
      const fn = select('Measure', [['sum', 'total'], ['avg', 'average'], ['min', 'smallest'], ['max', 'largest']], work.fn, (v) => { work.fn = v; });
      const prop = select('Of the property', numeric.map((p) => [p.name, p.name]), work.property, (v) => { work.property = v; });
      const op = select('Is', Object.entries(COMPARE).map(([k, w]) => [k, w === 'fewer than' ? 'less than' : w]), work.op, (v) => { work.op = v; });
      const value = input('Value', work.value, { type: 'number', onInput: (v) => { work.value = v; } });
      readers.push(() => {
        if (!work.property) throw new Error('That event has no number property to measure.');
        work.value = scalar(work.value, 'number');
      });
      parts.push(eventsField(), fn.field, prop.field, op.field, value.field, ...windowFields(work));
    } else if (work.type === 'recency') {
      const op = select('Last time', [['within', 'within the last'], ['more_than', 'longer ago than'], ['never', 'never did it']], work.op, (v) => {
        work = v === 'never' ? { type: 'recency', events: work.events, filters: work.filters, op: 'never' } : { type: 'recency', events: work.events, filters: work.filters, op: v, amount: work.amount ?? 30, unit: work.unit ?? 'days' };
        render();
      });
      parts.push(eventsField(), op.field);
      if (work.op !== 'never') {
        parts.push(input('Amount', work.amount, { type: 'number', onInput: (v) => { work.amount = v; } }).field);
        parts.push(select('Unit', UNITS.map((u) => [u, u]), work.unit, (v) => { work.unit = v; }).field);
        readers.push(() => {
          work.amount = Number(work.amount);
          if (!Number.isInteger(work.amount) || work.amount < 1) throw new Error('Enter a whole number of at least 1.');
        });
      }
    } else if (work.type === 'trait') {
      const info = catalog.traits.find((t) => t.name === work.trait);
      const trait = input('Trait (type to search)', work.trait, { list: traitNames, onInput: (v) => {
        const before = work.trait;
        work.trait = v.trim();
        // A trait named in full: its operators and values are offered at once.
        if (work.trait !== before && catalog.traits.some((t) => t.name === work.trait)) refocus(() => { work = { type: 'trait', trait: work.trait, op: 'exists' }; render(); }, 'trait');
      } });
      trait.el.dataset.part = 'trait';
      const state = { op: work.op, value: work.value, amount: work.amount, unit: work.unit };
      const vf = valueFields(info, state, () => { work = { type: 'trait', trait: work.trait, ...state }; render(); }, false);
      readers.push(() => {
        if (!catalog.traits.some((t) => t.name === work.trait)) throw new Error(`There is no trait "${work.trait}" in this workspace.`);
        work = { type: 'trait', trait: work.trait, ...vf.read() };
      });
      parts.push(trait.field, ...vf.fields);
    } else if (work.type === 'list') {
      const list = select('List', catalog.lists.map((l) => [l.name, `${l.name} · ${formatCount(l.size)}`]), work.list, (v) => { work.list = v; });
      const op = select('Is', [['in', 'in the list'], ['not_in', 'not in the list']], work.op, (v) => { work.op = v; });
      parts.push(list.field, op.field);
    }
    const main = h('div', { class: 'aw-slots' }, parts);
    const filters = 'filters' in work ? h('div', { class: 'aw-filters' }, filterRows()) : null;
    el.replaceChildren(catalogLists, main, filters ?? '');
  }

  render();
  return {
    el,
    read() {
      for (const r of readers) r();
      return structuredClone(work);
    },
    focus: () => el.querySelector('select, input')?.focus(),
  };
}
