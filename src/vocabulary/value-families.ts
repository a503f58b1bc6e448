/**
 * Values that are written many ways: a country as `DE`, `DEU`, "Germany", "ドイツ" or "德國"; a
 * gender as `F`, "female" or "women"; a language as `ja` or "Japanese". A family holds every
 * form of one value, so whatever form a workspace stores and whatever form a prompt uses, they
 * meet. Countries come from i18n-iso-countries (names, aliases, alpha-3 codes) and the runtime's
 * Intl.DisplayNames (names in Traditional Chinese, Japanese and Thai); languages from
 * Intl.DisplayNames.
 */
import { createRequire } from 'node:module';

export interface ValueFamily {
  /** A stable key: the ISO code, or the canonical word. */
  key: string;
  /** Forms compared without regard to case. */
  forms: string[];
  /** Forms that count only when written exactly so (codes: "US", but not "us"). */
  exact: string[];
}

export type FamilyKind = 'country' | 'language' | 'gender' | 'platform';

const require = createRequire(import.meta.url);

/** Everyday words for countries that the country lists do not hold (demonyms, nicknames). */
const COUNTRY_WORDS: Record<string, string[]> = {
  US: ['the us', 'america', 'american', 'americans', 'the states', 'the usa'], GB: ['the uk', 'britain', 'british', 'england', 'brits'],
  CA: ['canadian', 'canadians'], AU: ['australian', 'australians', 'aussie', 'aussies'], BR: ['brasil', 'brazilian', 'brazilians'],
  TW: ['taiwanese'], DE: ['deutschland', 'german customers'], NL: ['holland', 'dutch', 'the netherlands'], MX: ['mexican', 'mexicans'],
  KR: ['korea', 'korean', 'koreans'], NZ: ['kiwis'], IE: ['irish'], AE: ['uae', 'emirates'], PH: ['filipino'], JP: ['nippon'],
};

let countries: ValueFamily[] | undefined;

export function countryFamilies(): ValueFamily[] {
  if (countries) return countries;
  const lib = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getAlpha2Codes(): Record<string, string>;
    getNames(lang: string, opts?: { select: 'all' }): Record<string, string[]>;
    alpha2ToAlpha3(code: string): string | undefined;
  };
  lib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const english = lib.getNames('en', { select: 'all' });
  const local = ['zh-Hant', 'ja', 'th'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  countries = Object.keys(lib.getAlpha2Codes()).map((code) => {
    const names = [...(english[code] ?? []), ...local.map((d) => d.of(code) ?? '')].filter((n) => n && n !== code);
    const alpha3 = lib.alpha2ToAlpha3(code);
    // Short names written in capitals ("UK", "USA") are codes too: exact only.
    const exact = [code, ...(alpha3 ? [alpha3] : []), ...names.filter((n) => /^[A-Z.]{2,5}$/.test(n))];
    const forms = [...new Set([...names.filter((n) => !/^[A-Z.]{2,5}$/.test(n)), ...(COUNTRY_WORDS[code] ?? [])].map((n) => n.toLowerCase()))];
    return { key: code, forms, exact };
  });
  return countries;
}

const LANGUAGE_CODES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'no', 'da', 'fi', 'pl', 'cs', 'tr', 'ru', 'uk', 'ar', 'he', 'hi', 'ta',
  'bn', 'ur', 'id', 'ms', 'th', 'vi', 'tl', 'ja', 'ko', 'zh', 'zh-TW', 'zh-CN', 'zh-Hant', 'zh-Hans', 'pt-BR', 'en-US', 'en-GB', 'es-MX'];

let languages: ValueFamily[] | undefined;

export function languageFamilies(): ValueFamily[] {
  if (languages) return languages;
  const names = ['en', 'zh-Hant', 'ja', 'th'].map((l) => new Intl.DisplayNames([l], { type: 'language' }));
  languages = LANGUAGE_CODES.map((code) => {
    const shown = names.map((d) => d.of(code) ?? '').filter((n) => n && n !== code);
    const english = shown[0] ?? code;
    // "Chinese (Taiwan)" is also said "Chinese (Traditional)", "traditional chinese", and "Chinese".
    const base = english.replace(/\s*\(.*\)$/, '');
    const forms = [...new Set([...shown, base, `${base}-speaking`, `${base} speakers`, `${base} speaking`].map((n) => n.toLowerCase()))];
    if (/^zh-(TW|Hant)$/.test(code)) forms.push('traditional chinese', 'chinese (traditional)', 'mandarin');
    return { key: code, forms, exact: [code] };
  });
  return languages;
}

export const GENDER_FAMILIES: ValueFamily[] = [
  { key: 'female', forms: ['female', 'women', 'woman', 'females', 'ladies', 'lady', 'girls', 'moms', 'mothers'], exact: ['F'] },
  { key: 'male', forms: ['male', 'men', 'man', 'males', 'guys', 'gentlemen', 'boys', 'dads', 'fathers'], exact: ['M'] },
  { key: 'nonbinary', forms: ['nonbinary', 'non-binary', 'non binary', 'enby', 'genderqueer', 'other gender'], exact: ['O', 'X', 'NB'] },
];

export const PLATFORM_FAMILIES: ValueFamily[] = [
  { key: 'iOS', forms: ['ios', 'iphone', 'iphones', 'ipad', 'ipads', 'apple devices', 'apple device', 'apple users', 'iphone users', 'ios app'], exact: [] },
  { key: 'Android', forms: ['android', 'android phones', 'android devices', 'android app', 'androids'], exact: [] },
  { key: 'Web', forms: ['web', 'desktop', 'browser', 'web browser', 'the web', 'website users', 'web users'], exact: [] },
  { key: 'TV', forms: ['tv', 'smart tv', 'television', 'tv app'], exact: ['TV'] },
];

export function familiesOf(kind: FamilyKind): ValueFamily[] {
  switch (kind) {
    case 'country': return countryFamilies();
    case 'language': return languageFamilies();
    case 'gender': return GENDER_FAMILIES;
    case 'platform': return PLATFORM_FAMILIES;
  }
}

/** The family a stored value belongs to, if any. */
export function familyOfValue(value: string, kind: FamilyKind): ValueFamily | undefined {
  const lower = value.toLowerCase();
  return familiesOf(kind).find((f) => f.exact.includes(value) || f.key.toLowerCase() === lower || f.forms.includes(lower));
}

/** What a field holds by its name, when no role says: `destination_country` holds countries. */
export function kindOfField(name: string): FamilyKind | undefined {
  const n = name.toLowerCase();
  if (/country|nation/.test(n)) return 'country';
  if (/lang|locale/.test(n)) return 'language';
  if (/gender|\bsex\b/.test(n)) return 'gender';
  if (/platform|\bos\b|device/.test(n)) return 'platform';
  return undefined;
}
