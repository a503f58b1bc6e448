/**
 * Names from the workspace's catalog found in the prompt: values, tags, lists, traits, boolean
 * traits, event properties, literal event names and glossary terms; and the free text after
 * "notes mention".
 */
import type { Token } from '../text/tokenize.js';
import { lemma } from '../../../vocabulary/lemma.js';
import { nameWords } from '../../../vocabulary/name-words.js';
import type { SearchHit } from '../../../catalog/types.js';
import type { Mention, ValueRef } from './mentions.js';
import type { Recognised, ScanEnv } from './scan-types.js';

export function recogniseValue(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = env.index.values.match(tokens, i);
  return m && { end: m.end, body: { kind: 'value', refs: m.payloads } };
}

export function recogniseList(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = env.index.lists.match(tokens, i);
  return m && { end: m.end, body: { kind: 'list', list: m.payloads[0]! } };
}

export function recogniseTrait(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = env.index.traits.match(tokens, i);
  return m && { end: m.end, body: { kind: 'trait_ref', trait: m.payloads[0]! } };
}

export function recogniseBooleanTrait(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = env.index.booleans.match(tokens, i);
  return m && { end: m.end, body: { kind: 'boolean_trait', ...m.payloads[0]! } };
}

/** Small words that may stand between the words of a name said in another order ("ok with marketing emails"). */
const NAME_JOINERS = new Set(['with', 'to', 'for', 'in', 'on', 'of', 'the', 'a', 'an', 'about', 'by', 'from']);

/**
 * "ok with marketing emails" where MARKETING_EMAIL_OK is a yes/no trait: every word of the
 * flag's name (two or more), in any order, with only small words between them.
 */
export function recogniseBooleanTraitWords(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  let best: Recognised | undefined;
  for (const t of env.index.catalog.traits) {
    if (t.type !== 'boolean') continue;
    const words = new Set(nameWords(t.name).map(lemma));
    if (words.size < 2 || !words.has(lemma(tokens[i]?.norm ?? ''))) continue;
    const seen = new Set<string>();
    let end = i;
    for (let k = i; k < tokens.length; k++) {
      const l = lemma(tokens[k]!.norm);
      if (words.has(l)) {
        seen.add(l);
        end = k + 1;
      } else if (!NAME_JOINERS.has(tokens[k]!.norm)) break;
      if (seen.size === words.size) break;
    }
    if (seen.size === words.size && (!best || end > best.end)) best = { end, body: { kind: 'boolean_trait', trait: t.name, value: true } };
  }
  return best;
}

export function recogniseProperty(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = env.index.properties.match(tokens, i);
  return m && { end: m.end, body: { kind: 'property_ref', ...m.payloads[0]! } };
}

export function recogniseEventName(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = env.index.eventNames.match(tokens, i);
  return m && { end: m.end, body: { kind: 'event_name', events: [m.payloads[0]!] } };
}

export function recogniseGlossary(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  if (!env.glossary) return undefined;
  const m = env.index.glossary.match(tokens, i);
  if (!m) return undefined;
  const { term, negated } = m.payloads[0]!;
  const meaning = env.glossary.get(term);
  if (!meaning) return undefined;
  // A glossary word that means a time window ("recently") is a window like any other.
  if (meaning.type === 'window') return { end: m.end, body: { kind: 'window', spec: { kind: 'window', window: meaning.window } } };
  // A meaning about the visit holds only in a live request; a page's meaning needs "on" before it ("on a product page", not "viewed a product page").
  if (meaning.type === 'context') return env.live && !/\bpages?$/i.test(term) ? { end: m.end, body: { kind: 'context', conditions: meaning.conditions } } : undefined;
  return { end: m.end, body: { kind: 'glossary', term, negated } };
}

/**
 * A code or name the catalog's top values do not list ("SUMMER5", "Deal Hunters"): asked of
 * the catalog search, and taken only when a hit is exactly that text.
 */
export function recogniseSearchedValue(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const t = tokens[i];
  if (!env.search || !t || (t.kind !== 'quoted' && !(t.kind === 'word' && /[A-Z0-9]/.test(t.text.slice(1)) && t.text.length >= 3))) return undefined;
  let hits: SearchHit[];
  try {
    hits = env.search.search(t.text, { kinds: ['value', 'tag', 'list'], limit: 5 });
  } catch {
    return undefined;
  }
  const exact = hits.filter((h) => h.name.toLowerCase() === t.text.toLowerCase());
  const list = exact.find((h) => h.kind === 'list');
  if (list) return { end: i + 1, body: { kind: 'list', list: list.name } };
  const refs: ValueRef[] = exact.flatMap((h): ValueRef[] => {
    if (h.kind === 'tag' && env.index.tagTrait) return [{ source: 'tag', trait: env.index.tagTrait, value: h.name }];
    if (h.kind !== 'value') return [];
    const value = h.value ?? h.name;
    if (h.trait) return [{ source: 'trait', trait: h.trait, value }];
    return h.property ? (h.events ?? []).map((event) => ({ source: 'property' as const, event, property: h.property!, value })) : [];
  });
  return refs.length ? { end: i + 1, body: { kind: 'value', refs } } : undefined;
}

const CONTAINS_VERBS = new Set(['mention', 'mentions', 'mentioning', 'mentioned', 'contain', 'contains', 'containing', 'include',
  'includes', 'including', 'say', 'says', 'saying', 'about', 'reference', 'references', 'referencing', 'like', 'with']);
const STOP = new Set(['and', 'or', 'but', 'who', 'that', 'which', 'whose', 'in', 'within', 'during', 'from', 'living', 'over', 'since']);

/** After a text trait ("notes"): "mention VIP", "containing 'late delivery'". */
export function recogniseContains(tokens: readonly Token[], i: number, env: ScanEnv, prev: Mention | undefined): Recognised | undefined {
  if (prev?.kind !== 'trait_ref') return undefined;
  const trait = env.index.trait(prev.trait);
  if (!trait || trait.type !== 'string') return undefined;
  let j = i;
  while (['that', 'which', 'who'].includes(tokens[j]?.norm ?? '')) j++;
  if (!CONTAINS_VERBS.has(tokens[j]?.norm ?? '')) return undefined;
  // "companies with more than 200 employees" is not a text search: "with" and "like" only for free text.
  const freeText = trait.distinct > 50 && !/(^|_)id$|Id$/.test(trait.name);
  if (['with', 'like', 'about'].includes(tokens[j]!.norm) && !freeText) return undefined;
  j++;
  // "say something about late delivery", "mention either VP or Head of"
  const skip = () => {
    while (['the', 'word', 'words', 'text', 'term', 'a', 'an', 'of', 'something', 'anything', 'about', 'regarding', 'like', 'either', 'phrase'].includes(tokens[j]?.norm ?? '')) j++;
  };
  skip();
  const values: string[] = [];
  let joint: 'or' | 'and' = 'or';
  for (;;) {
    const first = tokens[j];
    if (!first) break;
    if (first.kind === 'quoted') {
      values.push(first.norm);
      j++;
    } else {
      const words: Token[] = [];
      while (j < tokens.length && tokens[j]!.kind !== 'punct' && !STOP.has(tokens[j]!.norm)) words.push(tokens[j++]!);
      if (!words.length) break;
      values.push(words.map((w) => w.norm).join(' '));
    }
    // "VP or Head of", "refund and delay": more words the text may hold.
    const join = tokens[j]?.norm;
    const quotedNext = tokens[j + 1]?.kind === 'quoted';
    if ((join !== 'or' && join !== 'and') || (!quotedNext && !/^[A-Z"']/.test(tokens[j + 1]?.text ?? ''))) break;
    joint = join;
    j++;
    skip();
  }
  if (!values.length) return undefined;
  return { end: j, body: { kind: 'contains', value: values[0]!, ...(values.length > 1 ? { values, joint } : {}) } };
}

/** Words after a kind of product that say nothing more ("dog stuff", "beauty products"). */
const KIND_NOUNS = new Set(['stuff', 'products', 'product', 'items', 'item', 'things', 'gear', 'goods', 'supplies', 'merch', 'merchandise']);

/**
 * "dog stuff" where the data holds the category "Dog Supplies": a word of exactly one value of
 * one event property, said before a word for products. Anything less certain is left unknown.
 */
export function recognisePartialValue(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || !KIND_NOUNS.has(tokens[i + 1]?.norm ?? '')) return undefined;
  const refs: ValueRef[] = [];
  for (const e of env.index.catalog.events) {
    for (const p of e.properties) {
      // A kind of product is a category-like property: few values, not names of single items.
      if (p.type !== 'string' || p.distinct > 50) continue;
      for (const { value } of p.topValues) {
        if (typeof value === 'string' && value.split(/[\s_-]+/).some((w) => w.toLowerCase() === t.norm || w.toLowerCase() === t.stem)) refs.push({ source: 'property', event: e.name, property: p.name, value });
      }
    }
  }
  // Of the properties holding such a value, the one that names kinds ("category", "genre", "type").
  const kinds = refs.filter((r) => r.source === 'property' && /categor|type|kind|genre|section|department/i.test(r.property));
  const chosen = kinds.length ? kinds : refs;
  const values = new Set(chosen.map((r) => (r.source === 'property' ? `${r.property}=${r.value}` : '')));
  return values.size === 1 ? { end: i + 1, body: { kind: 'value', refs: chosen } } : undefined;
}
