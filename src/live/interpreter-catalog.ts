/**
 * The traits visitors recorded about themselves ("shopping_for": "cat") as ordinary traits of
 * the catalog an interpreter reads, so "visitors shopping for their cat" resolves like any
 * profile trait. A profile trait of the same name wins, as the validator and matcher read it.
 */
import type { Catalog, CatalogSearch, TraitInfo } from '../catalog/types.js';
import { createCatalogSearch } from '../catalog/search.js';
import { VISITOR_TRAIT_TYPES } from '../definition/validate-types.js';
import type { VisitorTraitInfo } from './types.js';

export const VISITOR_TRAIT_DESCRIPTION = "A visitor's own answer, recorded on the site; known when they visit (live audiences).";

/** Names of the recorded traits the profiles do not have: known only when a visitor arrives. */
export function visitorOnlyTraitNames(catalog: Pick<Catalog, 'traits'>, visitorTraits: readonly VisitorTraitInfo[]): string[] {
  const profile = new Set(catalog.traits.map((t) => t.name));
  return visitorTraits.filter((t) => !profile.has(t.name)).map((t) => t.name);
}

/** A trait of the interpreter's catalog that only visitors hold (no profile does). */
export const isVisitorOnlyTrait = (info: TraitInfo | undefined): boolean => info?.description === VISITOR_TRAIT_DESCRIPTION && info.profiles === 0;

function traitInfo(t: VisitorTraitInfo): TraitInfo {
  return {
    name: t.name,
    type: VISITOR_TRAIT_TYPES[t.type],
    description: VISITOR_TRAIT_DESCRIPTION,
    // No profile holds it: the values are what visitors answered, not counts over profiles.
    profiles: 0,
    distinct: t.values.length,
    topValues: t.values.map((value) => ({ value, count: 0 })),
    pii: false,
  };
}

export function withVisitorTraits(catalog: Catalog, visitorTraits: readonly VisitorTraitInfo[]): Catalog {
  const only = new Set(visitorOnlyTraitNames(catalog, visitorTraits));
  if (only.size === 0) return catalog;
  return { ...catalog, traits: [...catalog.traits, ...visitorTraits.filter((t) => only.has(t.name)).map(traitInfo)] };
}

/** The last catalog and search built per workspace catalog: recorded traits change rarely, and a search takes milliseconds to build. */
const built = new WeakMap<Catalog, { key: string; catalog: Catalog; search: CatalogSearch }>();

/** The catalog with the recorded traits, and a search over it (the workspace's own when there are none). */
export function catalogWithVisitorTraits(catalog: Catalog, search: CatalogSearch, visitorTraits: readonly VisitorTraitInfo[]): { catalog: Catalog; search: CatalogSearch } {
  const extended = withVisitorTraits(catalog, visitorTraits);
  if (extended === catalog) return { catalog, search };
  const key = JSON.stringify(extended.traits.slice(catalog.traits.length).map((t) => [t.name, t.type, t.topValues.map((v) => v.value)]));
  const cached = built.get(catalog);
  if (cached?.key === key) return cached;
  const fresh = { key, catalog: extended, search: createCatalogSearch(extended) };
  built.set(catalog, fresh);
  return fresh;
}
