/**
 * The profile side of one alternative: trait values ("gold or platinum", "Germany"), tags,
 * trait comparisons ("over 40", "probability above 0.5"), existence ("don't have a phone
 * number"), booleans ("subscribed to email"), free text ("notes mention VIP") and lists.
 */
import type { TraitCondition } from '../../../definition/schema.js';
import type { Comparison, Mention, MentionOf, ValueRef } from '../recognise/mentions.js';
import { refKey, type ValueMention } from '../structure/coalesce.js';
import { bucketsOf, cmpTarget, describedTrait } from './comparisons.js';
import type { Draft } from './drafts.js';
import type { AssembleEnv } from './env.js';
import type { Negation } from './negation.js';
import { negatedCondition } from './build.js';
import { isWeak } from './event-source.js';
import { dateCondition } from './date-traits.js';

type Scalar = string | number | boolean;

function chooseRefs(v: ValueMention, tagged: boolean): ValueRef[] {
  const traits = v.refs.filter((r) => r.source === 'trait');
  const tags = v.refs.filter((r) => r.source === 'tag');
  const preferred = tagged ? [tags, traits] : [traits, tags];
  for (const group of preferred) {
    if (!group.length) continue;
    const key = refKey(group[0]!);
    return group.filter((r) => refKey(r) === key);
  }
  return [];
}

function valueCondition(v: ValueMention, refs: ValueRef[], negated: boolean, env: AssembleEnv): TraitCondition {
  const first = refs[0]!;
  const values = [...new Set(refs.map((r) => (r.source === 'missing' ? r.value : r.value)))] as Scalar[];
  if (first.source === 'tag') {
    for (const r of refs) if (r.source === 'tag') env.log.record('search_catalog', { query: v.text, kinds: ['tag'] }, env.msgs.foundTag(r.value));
    const tags = values.map(String);
    if (negated) return { type: 'trait', trait: first.trait, op: 'contains_none', value: tags };
    return { type: 'trait', trait: first.trait, op: v.joint === 'and' ? 'contains_all' : 'contains_any', value: tags };
  }
  const trait = first.source === 'trait' ? first.trait : '';
  for (const r of refs) if (r.source === 'trait') env.log.record('search_catalog', { query: v.text, kinds: ['value'] }, env.msgs.foundValue(String(r.value), r.trait));
  if (values.length === 1) return { type: 'trait', trait, op: negated ? 'neq' : 'eq', value: values[0]! };
  return { type: 'trait', trait, op: negated ? 'not_in' : 'in', value: values };
}

/**
 * Years said of a date trait ("born in 1985", "born in the 1990s", "in the 80s"): the whole
 * years, first day to last day. Undefined for anything else.
 */
function datedYears(type: string | undefined, c: Comparison): [string, string] | undefined {
  if (type !== 'date' && type !== 'datetime') return undefined;
  const [lo, hi] = Array.isArray(c.value) ? c.value : c.op === 'eq' ? [c.value, c.value] : [undefined, undefined];
  if (lo === undefined || hi === undefined || !Number.isInteger(lo) || !Number.isInteger(hi)) return undefined;
  const year = (y: number) => (y < 100 ? 1900 + y : y);
  const [from, to] = [year(lo), year(hi)];
  if (from < 1900 || to > 2100) return undefined;
  return [`${from}-01-01`, `${to}-12-31`];
}

export function traitPart(ms: readonly Mention[], neg: Map<Mention, Negation>, env: AssembleEnv, used: Set<Mention>, hasEvent: boolean): Draft[] {
  const drafts: Draft[] = [];
  const tagged = ms.some((m) => m.kind === 'tagged');
  // "have Time Tracking turned off": the values said are not held.
  // "never turned on Automations": a "not" on the switch is a "not" on the value.
  const switchedOff = ms.filter((m) => m.kind === 'action' && isWeak(m.term)).some((m) => m.kind === 'action' && m.term.senses.act.core.has('disable') !== neg.has(m));
  const valueTraits = new Set<string>();

  for (const [k, m] of ms.entries()) {
    if (m.kind !== 'value' || used.has(m)) continue;
    const missing = m.refs.find((r) => r.source === 'missing');
    const refs = chooseRefs(m, tagged);
    // "lapsed subscribers": a value of the same trait said as the noun after another only names the people.
    const before = ms[k - 1];
    if (before?.kind === 'value' && refs[0]?.source === 'trait' && /s$/i.test(m.text) && chooseRefs(before, tagged).some((r) => r.source === 'trait' && r.trait === (refs[0] as { trait: string }).trait)) {
      used.add(m);
      continue;
    }
    if (!refs.length) {
      if (missing && missing.source === 'missing') {
        const trait = env.index.trait(missing.field);
        env.issues.push({ kind: 'missing_value', value: m.text, field: missing.field, examples: (trait?.topValues ?? []).slice(0, 12).map((v) => String(v.value)) });
      } else if (hasEvent) {
        const ref = m.refs.find((r) => r.source === 'property');
        if (ref && ref.source === 'property') env.issues.push({ kind: 'not_recorded', value: m.text, event: ref.event });
      } else {
        // A value of some event's property said of the person ("billing contacts"): said back, not used.
        continue;
      }
      used.add(m);
      continue;
    }
    const first = refs[0]!;
    if (first.source === 'trait' || first.source === 'tag') valueTraits.add(first.trait);
    drafts.push({ kind: 'leaf', condition: valueCondition(m, refs, neg.has(m) !== switchedOff, env) });
    used.add(m);
  }

  ms.forEach((m, p) => {
    if (m.kind !== 'cmp' || used.has(m)) return;
    const target = cmpTarget(ms, p, { hasEvent: false, hasAggregate: false, index: env.index });
    if (target.kind !== 'trait') return;
    // "more than 200 employees" over buckets of employees: the buckets wholly on that side.
    const buckets = bucketsOf(env.index.trait(target.trait) ?? { type: 'number', topValues: [] });
    if (buckets) {
      const held = buckets.filter((b) => bucketHolds(b, m.cmp)).map((b) => b.value);
      if (held.length) drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: target.trait, op: 'in', value: held } });
      used.add(m);
      ms.filter((x) => x.kind === 'unknown' && describedTrait(x.text, env.index) === target.trait).forEach((x) => used.add(x));
      env.log.record('search_catalog', { query: target.trait, kinds: ['trait'] }, env.msgs.foundTrait(target.trait));
      return;
    }
    const dated = datedYears(env.index.trait(target.trait)?.type, m.cmp);
    if (dated) {
      drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: target.trait, op: 'between', value: dated } });
      env.log.record('search_catalog', { query: target.trait, kinds: ['trait'] }, env.msgs.foundTrait(target.trait));
      used.add(m);
      const ref = ms.find((x): x is MentionOf<'trait_ref'> => x.kind === 'trait_ref' && x.trait === target.trait);
      if (ref) used.add(ref);
      return;
    }
    const percent = m.unit === 'percent' ? 100 : 1;
    const c = { ...m.cmp, value: Array.isArray(m.cmp.value) ? (m.cmp.value.map((v) => v / percent) as [number, number]) : m.cmp.value / percent };
    if (c.op === 'between') {
      const [lo, hi] = c.value as [number, number];
      drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: target.trait, op: 'between', value: [lo, hi] } });
    } else {
      drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: target.trait, op: c.op, value: c.value as number } });
    }
    env.log.record('search_catalog', { query: target.trait, kinds: ['trait'] }, env.msgs.foundTrait(target.trait));
    used.add(m);
    const ref = ms.find((x): x is MentionOf<'trait_ref'> => x.kind === 'trait_ref' && x.trait === target.trait);
    if (ref) used.add(ref);
  });

  ms.forEach((m, p) => {
    if (m.kind !== 'trait_ref' || used.has(m)) return;
    const trait = env.index.trait(m.trait);
    if (!trait) return;
    used.add(m);
    if (valueTraits.has(trait.name)) return;
    const negated = neg.has(m);
    const next = ms[p + 1];
    if (next?.kind === 'contains') {
      used.add(next);
      env.log.record('search_catalog', { query: trait.name, kinds: ['trait'] }, env.msgs.foundTrait(trait.name));
      const texts = next.values ?? [next.value];
      const tests = texts.map((value): TraitCondition => ({ type: 'trait', trait: trait.name, op: negated ? 'not_contains' : 'contains', value }));
      // "mentions VP or Head of": any of them; negated, none of them.
      const op = negated ? 'and' : next.joint ?? 'or';
      drafts.push({ kind: 'leaf', condition: tests.length === 1 ? tests[0]! : { type: 'group', op, conditions: tests } });
      return;
    }
    if (trait.type === 'boolean') {
      drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: trait.name, op: negated ? 'neq' : 'eq', value: true } });
      return;
    }
    if (trait.type === 'date' || trait.type === 'datetime') {
      // The date in a window, before a time ago, before or after a calendar date, in the coming days.
      const said = ms.filter((x) => (x.kind === 'date_cmp' || x.kind === 'window' || x.kind === 'ago') && !used.has(x));
      if (said.length) {
        said.forEach((x) => used.add(x));
        drafts.push({ kind: 'leaf', condition: dateCondition(trait, said, negated, env) });
        return;
      }
    }
    env.log.record('search_catalog', { query: trait.name, kinds: ['trait'] }, env.msgs.foundTrait(trait.name));
    drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: trait.name, op: negated ? 'not_exists' : 'exists' } });
  });

  // "haven't been tagged at all", "has any tag": the tag list itself, when no tag is named.
  const tagWord = ms.find((m) => m.kind === 'tagged' && !used.has(m));
  const tagNamed = ms.some((m) => m.kind === 'value' && m.refs.some((r) => r.source === 'tag'));
  if (tagWord && !tagNamed && env.index.tagTrait && !valueTraits.has(env.index.tagTrait)) {
    used.add(tagWord);
    const negated = ms.some((m) => m.kind === 'neg') && neg.size === 0;
    env.log.record('search_catalog', { query: env.index.tagTrait, kinds: ['trait'] }, env.msgs.foundTrait(env.index.tagTrait));
    drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: env.index.tagTrait, op: negated ? 'not_exists' : 'exists' } });
  }

  for (const m of ms) {
    // "trialists": a glossary word that means conditions on the profile.
    if (m.kind === 'glossary' && !used.has(m)) {
      const meaning = env.glossary.get(m.term);
      if (meaning?.type !== 'conditions') continue;
      const negated = m.negated !== neg.has(m);
      const condition = negated ? negatedCondition(meaning.condition) : meaning.condition;
      if (!condition) continue;
      used.add(m);
      env.log.record('glossary', { term: m.term }, env.msgs.foundGlossary(m.term, meaning.text));
      drafts.push({ kind: 'leaf', condition });
      continue;
    }
    if (m.kind === 'boolean_trait') {
      used.add(m);
      env.log.record('search_catalog', { query: m.text, kinds: ['trait'] }, env.msgs.foundTrait(m.trait));
      drafts.push({ kind: 'leaf', condition: { type: 'trait', trait: m.trait, op: neg.has(m) ? 'neq' : 'eq', value: m.value } });
    } else if (m.kind === 'list') {
      used.add(m);
      env.log.record('search_catalog', { query: m.text, kinds: ['list'] }, env.msgs.foundList(m.list));
      drafts.push({ kind: 'leaf', condition: { type: 'list', list: m.list, op: neg.has(m) ? 'not_in' : 'in' } });
    }
  }
  return drafts;
}

/** A bucket wholly within what the comparison asks ("more than 200": 201-1000 and 1001+, not 51-200). */
function bucketHolds(b: { lo: number; hi: number }, c: Comparison): boolean {
  const v = c.value;
  if (Array.isArray(v)) return b.lo >= v[0] && b.hi <= v[1];
  switch (c.op) {
    case 'gt': return b.lo > v;
    case 'gte': return b.lo >= v;
    case 'lt': return b.hi < v;
    case 'lte': return b.hi <= v;
    case 'eq': return b.lo === v && b.hi === v;
    default: return false;
  }
}
