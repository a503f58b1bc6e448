import type { Catalog } from './types.js';

/** `build` run once per catalog: a catalog is immutable, so what is derived from it is kept beside it. */
export function perCatalog<T extends object>(build: (catalog: Catalog) => T): (catalog: Catalog) => T {
  const cache = new WeakMap<Catalog, T>();
  return (catalog) => {
    let value = cache.get(catalog);
    if (!value) {
      value = build(catalog);
      cache.set(catalog, value);
    }
    return value;
  };
}
