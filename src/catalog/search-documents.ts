/**
 * The catalog as search documents: one per event, property, trait, value, tag, list and
 * glossary term. Personal data never becomes a document: values of PII traits are skipped
 * even if a catalog carries some.
 */
import type { Catalog, PropertyInfo, SearchHit, TraitInfo, ValueCount } from './types.js';
import { EVENT_SYNONYMS, TRAIT_SYNONYMS, synonymsOf } from './synonyms.js';
import { codeSystemOf, valueLabels } from './value-labels.js';

/** One catalog thing, found by its name, description and the names around it. */
export interface SearchDocument {
  id: string;
  /** The catalog name, or the stored value. */
  name: string;
  /**
   * Other words for it: synonyms, country and language names. Each becomes a document of its
   * own (see `indexedTexts`), so a one-word synonym matches as strongly as a one-word name.
   */
  labels: string[];
  description: string;
  /** Names around it (an event's properties, a property's events), weighted low. */
  context: string;
  /** What a match returns, before its score. */
  hit: Omit<SearchHit, 'score'>;
}

/** What MiniSearch indexes: a thing itself (alias empty) or one other word for it. */
export interface IndexedText {
  id: string;
  /** The id of the SearchDocument it stands for. */
  of: string;
  name: string;
  alias: string;
  description: string;
  context: string;
}

export function indexedTexts(docs: SearchDocument[]): IndexedText[] {
  return docs.flatMap((d) => [
    { id: d.id, of: d.id, name: d.name, alias: '', description: d.description, context: d.context },
    ...d.labels.map((alias, i) => ({ id: `${d.id}#${i}`, of: d.id, name: '', alias, description: '', context: '' })),
  ]);
}

/**
 * Traits that hold personal data whatever the catalog says, as a second guard: a catalog
 * built by an older importer might not mark them.
 */
const PERSONAL_TRAITS = /^(e-?mail|phone|mobile|first_?name|last_?name|name|full_?name|address|street|zip|postal_?code|notes?|ip|birthday|ssn)$/i;

function isPersonal(trait: TraitInfo): boolean {
  return trait.pii || PERSONAL_TRAITS.test(trait.name);
}

/**
 * Identifier-like fields (order ids, message ids) have about as many values as rows; their
 * values name nothing a person would search for.
 */
function isIdentifierLike(distinct: number, count: number): boolean {
  return distinct > 50 && distinct >= count * 0.5;
}

function searchableValues(values: ValueCount[]): { value: string; count: number }[] {
  return values.filter((v): v is { value: string; count: number } => typeof v.value === 'string' && v.value.trim() !== '');
}

function eventDocuments(catalog: Catalog): SearchDocument[] {
  return catalog.events.map((e) => ({
    id: `event:${e.name}`,
    name: e.name,
    labels: [...synonymsOf(EVENT_SYNONYMS, e.name)],
    description: e.description ?? '',
    context: e.properties.map((p) => p.name).join(' '),
    hit: { kind: 'event', name: e.name, count: e.volume, ...(e.description ? { description: e.description } : {}) },
  }));
}

/** A property shared by several events is one document (and one set of values) listing them all. */
function propertiesByName(catalog: Catalog): Map<string, { info: PropertyInfo[]; events: string[] }> {
  const out = new Map<string, { info: PropertyInfo[]; events: string[] }>();
  for (const e of catalog.events) {
    for (const p of e.properties) {
      const entry = out.get(p.name) ?? { info: [], events: [] };
      entry.info.push(p);
      entry.events.push(e.name);
      out.set(p.name, entry);
    }
  }
  return out;
}

function propertyDocuments(catalog: Catalog): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const [name, { info, events }] of propertiesByName(catalog)) {
    const description = info.find((p) => p.description)?.description;
    docs.push({
      id: `property:${name}`,
      name,
      labels: [],
      description: description ?? '',
      context: events.join(' ; '),
      hit: { kind: 'property', name, property: name, events, count: info.reduce((n, p) => n + p.count, 0), ...(description ? { description } : {}) },
    });
    const counts = new Map<string, number>();
    for (const p of info) {
      if (p.type !== 'string' || isIdentifierLike(p.distinct, p.count)) continue;
      for (const v of searchableValues(p.topValues)) counts.set(v.value, (counts.get(v.value) ?? 0) + v.count);
    }
    const system = codeSystemOf({ name, description }, [...counts].map(([value, count]) => ({ value, count })));
    for (const [value, count] of counts) {
      docs.push({
        id: `value:property:${name}:${value}`,
        name: value,
        labels: valueLabels(value, system),
        description: '',
        context: '',
        hit: { kind: 'value', name: value, value, property: name, events, count },
      });
    }
  }
  return docs;
}

function traitDocuments(catalog: Catalog): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const t of catalog.traits) {
    docs.push({
      id: `trait:${t.name}`,
      name: t.name,
      labels: [...synonymsOf(TRAIT_SYNONYMS, t.name)],
      description: t.description ?? '',
      context: '',
      hit: { kind: 'trait', name: t.name, trait: t.name, count: t.profiles, ...(t.description ? { description: t.description } : {}) },
    });
    const isTags = t.name.toLowerCase() === 'tags' && catalog.tags.length > 0;
    const valued = t.type === 'string' || t.type === 'string[]';
    if (isPersonal(t) || isTags || !valued || isIdentifierLike(t.distinct, t.profiles)) continue;
    const values = searchableValues(t.topValues);
    const system = codeSystemOf(t, values);
    for (const v of values) {
      docs.push({
        id: `value:trait:${t.name}:${v.value}`,
        name: v.value,
        labels: valueLabels(v.value, system),
        description: '',
        context: '',
        hit: { kind: 'value', name: v.value, value: v.value, trait: t.name, count: v.count },
      });
    }
  }
  return docs;
}

function otherDocuments(catalog: Catalog): SearchDocument[] {
  const tagTrait = catalog.traits.find((t) => t.name.toLowerCase() === 'tags')?.name ?? 'tags';
  return [
    ...searchableValues(catalog.tags).map((t): SearchDocument => ({
      id: `tag:${t.value}`, name: t.value, labels: [], description: '', context: '',
      hit: { kind: 'tag', name: t.value, value: t.value, trait: tagTrait, count: t.count },
    })),
    ...catalog.lists.map((l): SearchDocument => ({
      id: `list:${l.name}`, name: l.name, labels: [], description: l.description ?? '', context: '',
      hit: { kind: 'list', name: l.name, count: l.size, ...(l.description ? { description: l.description } : {}) },
    })),
    ...catalog.workspace.glossary.map((g): SearchDocument => ({
      id: `glossary:${g.term}`, name: g.term, labels: [], description: g.meaning, context: '',
      hit: { kind: 'glossary', name: g.term, description: g.meaning },
    })),
  ];
}

export function catalogDocuments(catalog: Catalog): SearchDocument[] {
  return [...eventDocuments(catalog), ...propertyDocuments(catalog), ...traitDocuments(catalog), ...otherDocuments(catalog)];
}
