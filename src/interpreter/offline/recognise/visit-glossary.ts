/** The team's meaning of a word about a visit ("product page", "business hours"), from the glossary. */
import type { ContextCondition } from '../../../definition/schema.js';
import type { ScanEnv } from './scan-types.js';

export function glossaryContext(env: ScanEnv, terms: readonly string[]): ContextCondition[] | undefined {
  if (!env.glossary) return undefined;
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  for (const [term, meaning] of env.glossary) {
    if (meaning.type === 'context' && wanted.has(term.trim().toLowerCase())) return meaning.conditions;
  }
  return undefined;
}
