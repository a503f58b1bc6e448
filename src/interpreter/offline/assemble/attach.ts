/**
 * A detail joined by "with"/"whose" to the event just named: "left a review with a rating of 2
 * or lower", "signed up with Google", "orders whose total is over $100". It becomes a filter of
 * that event instead of a condition of its own.
 */
import type { Comparator, PropertyFilter } from '../../../definition/schema.js';
import type { Mention } from '../recognise/mentions.js';
import { termsOf, textWords, type Term } from '../../../vocabulary/vocabulary.js';
import { says } from '../../../vocabulary/word-sense.js';

function thingTerm(text: string): Term | undefined {
  const [term] = termsOf(textWords(text));
  return term && says(term.senses, 'thing') ? term : undefined;
}
import type { EventDraft } from './drafts.js';
import type { AssembleEnv } from './env.js';
import { comparisonFilter, measuredBy, moneyProperty, ratingProperty, valueFilter } from './filters.js';

/**
 * `negated`: said with "without" ("an order without a coupon"): only the presence of a property
 * can be negated this way. Returns the objects the detail named (for a later "it"), or
 * undefined when the words are not a detail of that event.
 */
export function attachToEvent(ms: readonly Mention[], draft: EventDraft, env: AssembleEnv, opts: { negated?: boolean } = {}): { things: Term[] } | undefined {
  const events = draft.events.map((e) => env.index.event(e)).filter((e) => e !== undefined);
  const carries = (property: string) => events.length > 0 && events.every((e) => e.properties.some((p) => p.name === property));
  const filters: PropertyFilter[] = [];
  const found: Array<[string, string]> = [];
  const things: Term[] = [];
  let count: { op: Comparator; value: number } | undefined;
  // "an order with a coupon": the event carries a property named for the thing.
  const named = (term: Term) => events[0]?.properties.find((p) => term.lemmas.includes(p.name.toLowerCase()) && carries(p.name));
  if (opts.negated) {
    const only = ms.filter((m) => m.kind !== 'pronoun');
    const one = only.length === 1 ? only[0]! : undefined;
    const thing = one?.kind === 'object' ? named(one.term) : one?.kind === 'property_ref' && carries(one.property) ? events[0]?.properties.find((p) => p.name === one.property) : undefined;
    if (!thing) return undefined;
    draft.filters.push({ property: thing.name, op: 'not_exists' });
    return { things: [] };
  }
  for (let p = 0; p < ms.length; p++) {
    const m = ms[p]!;
    if (m.kind === 'value') {
      const refs = m.refs.filter((r) => r.source === 'property' && draft.events.includes(r.event) && carries(r.property));
      const first = refs[0];
      if (!first || first.source !== 'property') return undefined;
      const vals = refs.filter((r) => r.source === 'property' && r.property === first.property).map((r) => (r.source === 'property' ? r.value : ''));
      filters.push(valueFilter(first.property, vals, false));
      found.push([String(first.value), `${first.event}.${first.property}`]);
      // "signed up with email but never opened one": the value is also the thing a later "one" means.
      const term = thingTerm(m.text);
      if (term) things.push(term);
    } else if (m.kind === 'property_ref') {
      if (!carries(m.property)) return undefined;
      const next = ms[p + 1];
      if (next?.kind === 'cmp') {
        filters.push(comparisonFilter(m.property, next.cmp));
        p++;
      } else if (next?.kind !== 'value') {
        // "ordered with a coupon": the event carries the property.
        if (ms.filter((x) => x.kind !== 'window').length !== 1) return undefined;
        filters.push({ property: m.property, op: 'exists' });
      }
    } else if (m.kind === 'cmp' && m.unit === 'times' && m.cmp.op !== 'between') {
      if (draft.measure.type !== 'count') return undefined;
      count = { op: m.cmp.op, value: Math.round(m.cmp.value as number) };
    } else if (m.kind === 'cmp') {
      const event = env.index.event(draft.events[0]!);
      const target = m.measure ? measuredBy(m.measure, [event]) : m.unit === 'stars' ? ratingProperty(event) : m.cmp.money ? moneyProperty(event) : undefined;
      if (!target) return undefined;
      filters.push(comparisonFilter(target.name, m.cmp));
    } else if (m.kind === 'object') {
      // "signed up with email": the word is a value of the event ("method = email").
      const hit = events.flatMap((e) => e.properties.flatMap((pr) => pr.topValues.filter((v) => typeof v.value === 'string' && v.value.toLowerCase() === m.text.toLowerCase()).map((v) => ({ property: pr.name, value: v.value, event: e.name }))))[0];
      const property = named(m.term);
      things.push(m.term);
      if (hit) {
        filters.push(valueFilter(hit.property, [hit.value], false));
        found.push([String(hit.value), `${hit.event}.${hit.property}`]);
      } else if (property && !ms.some((x) => x.kind === 'value')) {
        filters.push({ property: property.name, op: 'exists' });
      } else if (!((m.term.senses.thing.core.has('coupon') || m.generic) && ms.some((x) => x.kind === 'value' || x.kind === 'cmp'))) {
        // "with Beauty products", "with the code X": the word only says what the value is of.
        return undefined;
      }
    } else if (m.kind === 'window') {
      draft.window ??= m.spec;
    } else if (m.kind !== 'tagged' && m.kind !== 'pronoun' && m.kind !== 'single_order' && !(m.kind === 'unknown' && /^us$/i.test(m.text))) {
      return undefined;
    }
  }
  if (!filters.length && !count) return undefined;
  draft.filters.push(...filters);
  if (count && draft.measure.type === 'count') {
    // "bought with us more than 5 times"; a negated draft ("never … more than twice") keeps its zero.
    if (!(draft.measure.op === 'eq' && draft.measure.value === 0)) draft.measure = { type: 'count', ...count };
  }
  for (const [value, field] of found) env.log.record('search_catalog', { query: value, kinds: ['value'] }, env.msgs.foundValue(value, field));
  return { things };
}
