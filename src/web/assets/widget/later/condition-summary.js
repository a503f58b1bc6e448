/** One condition of the editor in a few words, for conditions inside groups (the ✓ lines read the top level). */

const CMP = { gte: '≥', gt: '>', eq: '=', lte: '≤', lt: '<', neq: '≠' };
const FN = { sum: 'sum', avg: 'average', min: 'smallest', max: 'largest' };
const TRAIT_OPS = {
  eq: 'is', neq: 'is not', gt: '>', gte: '≥', lt: '<', lte: '≤', in: 'is one of', not_in: 'is none of', contains: 'contains',
  not_contains: 'does not contain', between: 'is between', contains_any: 'has any of', contains_all: 'has all of', contains_none: 'has none of',
};

const value = (v) => (Array.isArray(v) ? v.join(', ') : String(v));

function windowWords(w) {
  if (!w) return '';
  return w.kind === 'last' ? ` in the last ${w.amount} ${w.unit}` : ` from ${String(w.from).slice(0, 10)} until ${String(w.to).slice(0, 10)}`;
}

function filterWords(filters) {
  if (!filters?.length) return '';
  return ` where ${filters.map((f) => (f.op === 'exists' ? `${f.property} is set` : f.op === 'not_exists' ? `${f.property} is not set` : `${f.property} ${TRAIT_OPS[f.op] ?? f.op} ${value(f.value)}`)).join(' and ')}`;
}

export function summarize(c) {
  const events = c.events?.join(' or ');
  switch (c.type) {
    case 'event': return `${events} ${CMP[c.count.op]} ${c.count.value} times${windowWords(c.window)}${filterWords(c.filters)}`;
    case 'aggregate': return `${FN[c.fn]} of ${c.property} on ${events} ${CMP[c.op]} ${c.value}${windowWords(c.window)}${filterWords(c.filters)}`;
    case 'recency': return c.op === 'never' ? `never ${events}${filterWords(c.filters)}` : `last ${events} ${c.op === 'within' ? 'within' : 'more than'} ${c.amount} ${c.unit} ago${filterWords(c.filters)}`;
    case 'trait':
      if (c.op === 'exists') return `${c.trait} is set`;
      if (c.op === 'not_exists') return `${c.trait} is not set`;
      if (c.op === 'in_last' || c.op === 'before_last') return `${c.trait} ${c.op === 'in_last' ? 'in the last' : 'longer ago than'} ${c.amount} ${c.unit}`;
      return `${c.trait} ${TRAIT_OPS[c.op] ?? c.op} ${value(c.value)}`;
    case 'list': return `${c.op === 'in' ? 'in' : 'not in'} the list ${c.list}`;
    case 'context': return `visit: ${c.field} ${c.op} ${value(c.value ?? '')}`;
    default: return c.type;
  }
}
