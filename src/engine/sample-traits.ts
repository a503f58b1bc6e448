/**
 * Which traits are shown beside sample members: enough to recognise someone, never contact
 * details. Non-personal traits from the catalog, plus a first name, which on its own
 * identifies nobody and makes a sample readable.
 */
import type { Catalog } from '../catalog/types.js';

const PREFERRED = ['first_name', 'country', 'membership_tier', 'city', 'platform', 'plan', 'tier'];
const NEVER = /e-?mail|phone|mobile|address|street|zip|postal|last_?name|surname|birth|ip_?addr|notes|^name$/i;
const MAX = 4;

export function sampleTraits(catalog: Catalog): string[] {
  const usable = catalog.traits.filter((t) => t.type !== 'string[]' && !NEVER.test(t.name) && (!t.pii || t.name === 'first_name'));
  const names = new Set(usable.map((t) => t.name));
  const preferred = PREFERRED.filter((n) => names.has(n));
  const others = usable.filter((t) => !t.pii && !preferred.includes(t.name)).sort((a, b) => b.profiles - a.profiles).map((t) => t.name);
  return [...preferred, ...others].slice(0, MAX);
}
