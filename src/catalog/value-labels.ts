/**
 * Words a person would use for a stored value: "Germany" for `DE`, "Japanese" for `ja`,
 * "iPhone" for `iOS`. Country and language names come from the ICU data built into Node
 * (`Intl.DisplayNames`), so they stay current without a dependency and exist for every code
 * the data holds, in each language prompts come in.
 */
import type { ValueCount } from './types.js';
import { REGION_ALIASES, VALUE_SYNONYMS, synonymsOf } from './synonyms.js';

/** Locales whose names are indexed: the languages the interpreter understands. */
const NAME_LOCALES = ['en', 'zh-TW', 'ja', 'th'] as const;

type CodeSystem = 'region' | 'language';

const REGION_HINT = /country|region|nation|iso.?3166/i;
const LANGUAGE_HINT = /lang|locale|bcp.?47/i;
const REGION_CODE = /^[A-Za-z]{2}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const regionNames = NAME_LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
const shortRegionNames = new Intl.DisplayNames(['en'], { type: 'region', style: 'short', fallback: 'none' });
const languageNames = NAME_LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'language', fallback: 'none' }));

function regionName(code: string): string | undefined {
  if (!REGION_CODE.test(code) || code.toUpperCase() === 'ZZ') return undefined;
  return regionNames[0]!.of(code.toUpperCase());
}

function languageName(tag: string): string | undefined {
  if (!LANGUAGE_TAG.test(tag)) return undefined;
  try {
    return languageNames[0]!.of(tag);
  } catch {
    return undefined; // not a well-formed BCP 47 tag after all
  }
}

/**
 * Whether a field holds country or language codes: its name or description says so, and
 * (nearly) all of its values are codes ICU knows. Both are required, so a `size` field with
 * values like "de" or "th" is left alone.
 */
export function codeSystemOf(field: { name: string; description?: string }, values: ValueCount[]): CodeSystem | undefined {
  const strings = values.map((v) => v.value).filter((v): v is string => typeof v === 'string');
  if (strings.length === 0) return undefined;
  const text = `${field.name} ${field.description ?? ''}`;
  const share = (known: (v: string) => string | undefined) => strings.filter((v) => known(v) !== undefined).length / strings.length;
  if (REGION_HINT.test(text) && share(regionName) >= 0.8) return 'region';
  if (LANGUAGE_HINT.test(text) && share(languageName) >= 0.8) return 'language';
  return undefined;
}

function regionLabels(code: string): string[] {
  const upper = code.toUpperCase();
  if (regionName(upper) === undefined) return [];
  return [
    ...regionNames.map((n) => n.of(upper)),
    shortRegionNames.of(upper),
    ...(REGION_ALIASES[upper] ?? []),
  ].filter((n): n is string => !!n);
}

function languageLabels(tag: string): string[] {
  if (languageName(tag) === undefined) return [];
  const autonym = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag);
  return [...languageNames.map((n) => n.of(tag)), autonym].filter((n): n is string => !!n);
}

/** Extra words for one value of a field (none when the value is only itself). */
export function valueLabels(value: string, system: CodeSystem | undefined): string[] {
  const labels = [
    ...(system === 'region' ? regionLabels(value) : []),
    ...(system === 'language' ? languageLabels(value) : []),
    ...synonymsOf(VALUE_SYNONYMS, value),
  ];
  return [...new Set(labels)].filter((l) => l !== value);
}
