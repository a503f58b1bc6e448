/**
 * Base forms of English words without their sentence ("bought" → buy, "invoices" → invoice),
 * from wink-lemmatizer's WordNet-derived tables. A word can be several things ("booking" is a
 * noun and the verb "book"), so a word has a set of lemmas and two words meet when their sets do.
 */
import lemmatizer from 'wink-lemmatizer';

const cache = new Map<string, readonly string[]>();

/** Words whose last letters only look like an inflection ("news" is not the verb "new"). */
const UNINFLECTED = new Set(['news', 'series', 'species', 'means', 'lens', 'analytics', 'physics', 'always', 'sometimes', 'status', 'thanks', 'plus', 'bonus', 'campus', 'canvas', 'alias', 'bias', 'basis', 'crisis', 'gas', 'yes']);

/** A plural the tables do not know ("trialists", "logins", "signups"). */
function plainSingular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length >= 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A past or present participle the tables do not know ("uninstalled", "unsubscribed"). */
function plainVerb(w: string): string | undefined {
  if (w.length > 5 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    const base = lemmatizer.verb(stem.replace(/^(un|re|de|dis|pre)/, ''));
    if (base !== stem.replace(/^(un|re|de|dis|pre)/, '')) return w.slice(0, -2);
    // "uninstalled" → uninstall; "unsubscribed" → unsubscribe
    const prefix = /^(un|re|de|dis|pre)/.exec(stem)?.[0];
    if (prefix) {
      const rest = w.slice(prefix.length);
      const restBase = lemmatizer.verb(rest);
      if (restBase !== rest) return prefix + restBase;
    }
    return /(.)\1$/.test(stem) ? stem.slice(0, -1) : stem;
  }
  return undefined;
}

/** Every base form the word may have, the word itself first. Lower case. */
export function lemmas(word: string): readonly string[] {
  const w = word.toLowerCase().replace(/'s$/, '').replace(/[’']/g, "'");
  const hit = cache.get(w);
  if (hit) return hit;
  const out = new Set<string>([w]);
  if (/^[a-z][a-z'-]*$/.test(w) && !UNINFLECTED.has(w)) {
    const verb = lemmatizer.verb(w);
    const noun = lemmatizer.noun(w);
    if (verb !== w) out.add(verb);
    if (noun !== w) out.add(noun);
    if (verb === w && noun === w) {
      const singular = plainSingular(w);
      if (singular !== w) out.add(singular);
      const base = plainVerb(w);
      if (base) out.add(base);
    }
  }
  const result = [...out];
  if (cache.size > 50_000) cache.clear();
  cache.set(w, result);
  return result;
}

/** The one base form used as a key: the verb's when the word is a verb form, else the noun's. */
export function lemma(word: string): string {
  const all = lemmas(word);
  return all[1] ?? all[0]!;
}
