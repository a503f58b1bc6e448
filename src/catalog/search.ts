/**
 * Full-text search over a workspace's catalog (MiniSearch, in memory): what a word or phrase
 * of a request may refer to, with typos, prefixes, synonyms and country/language names.
 * Built once per catalog; a search takes well under a millisecond on a shop-sized catalog.
 */
import MiniSearch from 'minisearch';
import type { Catalog, CatalogSearch, SearchHit, SearchKind, SearchOptions } from './types.js';
import { catalogDocuments, indexedTexts, type IndexedText, type SearchDocument } from './search-documents.js';
import { processQueryTerm, processTerm, tokenize } from './search-text.js';
import { rankClosest } from './closest-names.js';

const DEFAULT_LIMIT = 10;

/** A catalog name matters most; other words for it nearly as much; prose least. */
const FIELD_BOOSTS = { name: 3, alias: 2.7, description: 1, context: 0.3 };

/** Short words must match exactly ("UK" is not "US"); longer ones tolerate one typo in five letters. */
function fuzziness(term: string): number {
  if (term.length <= 3) return 0;
  return term.length <= 5 ? 1 : 0.2;
}

function hitMatches(hit: Omit<SearchHit, 'score'>, opts: SearchOptions): boolean {
  if (opts.kinds && !opts.kinds.includes(hit.kind)) return false;
  if (opts.trait !== undefined && hit.trait !== opts.trait) return false;
  if (opts.event !== undefined && !hit.events?.includes(opts.event)) return false;
  if (opts.property !== undefined && hit.property !== opts.property) return false;
  return true;
}

const KIND_ORDER: SearchKind[] = ['event', 'trait', 'value', 'tag', 'list', 'property', 'glossary'];

export function createCatalogSearch(catalog: Catalog): CatalogSearch {
  const documents = catalogDocuments(catalog);
  const byId = new Map<string, SearchDocument>(documents.map((d) => [d.id, d]));
  const index = new MiniSearch<IndexedText>({
    fields: ['name', 'alias', 'description', 'context'],
    storeFields: ['of'],
    tokenize,
    processTerm,
    searchOptions: {
      processTerm: processQueryTerm,
      boost: FIELD_BOOSTS,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => fuzziness(term),
      weights: { fuzzy: 0.45, prefix: 0.6 },
    },
  });
  index.addAll(indexedTexts(documents));

  /** A thing scores its own match plus its best-matching other word (not all of them: synonyms overlap). */
  function scores(query: string, opts: SearchOptions): Map<string, number> {
    const own = new Map<string, number>();
    const alias = new Map<string, number>();
    const results = index.search(query, { filter: (r) => hitMatches(byId.get(r.of as string)!.hit, opts) });
    for (const r of results) {
      const of = r.of as string;
      if (r.id === of) own.set(of, r.score);
      else alias.set(of, Math.max(alias.get(of) ?? 0, r.score));
    }
    const out = new Map(own);
    for (const [of, score] of alias) out.set(of, (out.get(of) ?? 0) + score);
    return out;
  }

  function search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const limit = opts.limit ?? DEFAULT_LIMIT;
    if (limit <= 0 || !query.trim()) return [];
    return [...scores(query, opts)]
      .map(([id, score]) => ({ ...byId.get(id)!.hit, score: Math.round(score * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (b.count ?? 0) - (a.count ?? 0) || a.name.localeCompare(b.name))
      .slice(0, limit);
  }

  function candidates(kind: 'event' | 'property' | 'trait' | 'list', event?: string): string[] {
    switch (kind) {
      case 'event':
        return catalog.events.map((e) => e.name);
      case 'trait':
        return catalog.traits.map((t) => t.name);
      case 'list':
        return catalog.lists.map((l) => l.name);
      case 'property': {
        const events = event !== undefined ? catalog.events.filter((e) => e.name === event) : catalog.events;
        return events.flatMap((e) => e.properties.map((p) => p.name));
      }
    }
  }

  function closestNames(name: string, kind: 'event' | 'property' | 'trait' | 'list', opts: { event?: string; limit?: number } = {}): string[] {
    const pool = candidates(kind, opts.event);
    const meaning = new Map<string, number>();
    const known = new Set(pool);
    for (const hit of search(name, { kinds: [kind], limit: 20, ...(kind === 'property' && opts.event !== undefined ? { event: opts.event } : {}) })) {
      if (known.has(hit.name)) meaning.set(hit.name, Math.max(meaning.get(hit.name) ?? 0, hit.score));
    }
    return rankClosest(name, pool, opts.limit ?? 3, meaning);
  }

  return { search, closestNames };
}
