/**
 * Where a visit is, in a live request: "visitors from Germany", "in Seattle", "from Lisbon".
 * Outside a live request these words stay the profile's country and city traits, and "who
 * live in Germany" is always where the person lives.
 */
import type { ContextCondition } from '../../../definition/schema.js';
import { DAY_NAMES } from '../lexicon/context-words.js';
import { FILLER_WORDS } from '../lexicon/filler-words.js';
import { countryFamilies } from '../../../vocabulary/value-families.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { MONTHS } from './calendar-dates.js';
import { ACTIONS, OBJECTS } from './event-words.js';
import type { Recognised, ScanEnv } from './scan-types.js';

const COUNTRY = new PhraseTable<string>();
for (const { key, forms, exact } of countryFamilies()) {
  forms.forEach((w) => COUNTRY.add(w, key));
  exact.forEach((w) => COUNTRY.add(w, key, { caseSensitive: true }));
}

const LEADS = new Set(['from', 'in', 'inside']);
const RESIDENCE = new Set(['live', 'lives', 'living', 'lived', 'based', 'reside', 'resides', 'residing', 'resident', 'residents', 'born', 'registered', 'home']);
const DAYS = new Set(Object.values(DAY_NAMES).flat());

/** "who live in Germany", "based in Seattle": the person's home, not the visit's place. */
function residence(tokens: readonly Token[], j: number): boolean {
  return [1, 2, 3].some((k) => RESIDENCE.has(tokens[j - k]?.norm ?? ''));
}

const place = (field: 'country' | 'city', value: string): ContextCondition => ({ type: 'context', field, op: 'in', value: [value] });

/** A name the parser knows as something else: a month, a day, a catalog name, an action. */
function known(tokens: readonly Token[], j: number, env: ScanEnv): boolean {
  const t = tokens[j]!;
  if (MONTHS.includes(t.norm) || DAYS.has(t.norm) || FILLER_WORDS.has(t.norm)) return true;
  const { index } = env;
  return [index.values, index.traits, index.lists, index.eventNames, index.properties, index.glossary, ACTIONS, OBJECTS].some((table) => table.match(tokens, j) !== undefined);
}

/** "from Lisbon", "in New York": capitalised words after "from"/"in" that name nothing else. */
export function spokenCity(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  if (!env.live || !LEADS.has(tokens[i]?.norm ?? '')) return undefined;
  const j = i + 1;
  if (residence(tokens, j)) return undefined;
  let k = j;
  while (k < j + 3 && tokens[k]?.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text) && !known(tokens, k, env)) k++;
  if (k === j) return undefined;
  return { end: k, body: { kind: 'context', conditions: [place('city', tokens.slice(j, k).map((t) => t.text).join(' '))] } };
}

export function recognisePlace(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  if (!env.live) return undefined;
  const j = LEADS.has(tokens[i]?.norm ?? '') ? i + 1 : i;
  if (residence(tokens, j)) return undefined;
  const country = COUNTRY.match(tokens, j);
  if (country) return { end: country.end, body: { kind: 'context', conditions: [place('country', country.payloads[0]!)] } };
  const value = env.index.values.match(tokens, j);
  const city = value?.payloads.find((r) => r.source === 'trait' && /city|town/i.test(r.trait));
  if (value && city) return { end: value.end, body: { kind: 'context', conditions: [place('city', String(city.value))] } };
  return undefined;
}
