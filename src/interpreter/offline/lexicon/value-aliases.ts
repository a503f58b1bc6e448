/**
 * Everyday names for values a workspace stores as codes: countries (ISO 3166-1 alpha-2),
 * languages (BCP 47), genders, platforms, and adjectives for property values. Each alias only
 * applies when the catalog really holds the target value.
 */

export interface ValueAlias {
  /** The value as stored (compared case-sensitively first, then case-insensitively). */
  value: string;
  /** Which traits or properties the alias is meant for, by name. */
  field: RegExp;
  words: string[];
  /** Words that must be written exactly so ("US" but not "us"). */
  exactWords?: string[];
}

/** Countries by ISO 3166-1 alpha-2 code: everyday names, and codes written exactly so. */
export const COUNTRIES: Array<[string, string[], string[]?]> = [
  ['US', ['united states', 'united states of america', 'usa', 'u.s.', 'u.s.a.', 'the us', 'america', 'american', 'americans', 'the states'], ['US']],
  ['CA', ['canada', 'canadian', 'canadians']],
  ['GB', ['united kingdom', 'uk', 'u.k.', 'the uk', 'britain', 'great britain', 'british', 'england', 'brits'], ['GB', 'UK']],
  ['DE', ['germany', 'deutschland'], ['DE']],
  ['JP', ['japan', 'nippon'], ['JP']],
  ['TW', ['taiwan', 'taiwanese', 'republic of china'], ['TW']],
  ['AU', ['australia', 'australian', 'australians', 'aussie', 'aussies'], ['AU']],
  ['FR', ['france'], ['FR']],
  ['BR', ['brazil', 'brasil', 'brazilian', 'brazilians'], ['BR']],
  ['TH', ['thailand'], ['TH']],
  ['ES', ['spain', 'spanish customers'], ['ES']], ['IT', ['italy', 'italian', 'italians']], ['NL', ['netherlands', 'holland', 'dutch']],
  ['MX', ['mexico', 'mexican', 'mexicans']], ['IN', ['india', 'indian customers']], ['CN', ['china', 'mainland china']],
  ['KR', ['korea', 'south korea', 'korean', 'koreans']], ['SG', ['singapore', 'singaporean']], ['HK', ['hong kong']],
  ['NZ', ['new zealand', 'kiwis']], ['IE', ['ireland', 'irish']], ['SE', ['sweden', 'swedish']], ['NO', ['norway', 'norwegian']],
  ['DK', ['denmark', 'danish']], ['FI', ['finland', 'finnish']], ['CH', ['switzerland', 'swiss']], ['AT', ['austria', 'austrian']],
  ['BE', ['belgium', 'belgian']], ['PT', ['portugal']], ['PL', ['poland', 'polish']], ['MY', ['malaysia', 'malaysian']],
  ['ID', ['indonesia', 'indonesian']], ['PH', ['philippines', 'filipino']], ['VN', ['vietnam', 'vietnamese']],
  ['AR', ['argentina', 'argentinian']], ['CL', ['chile', 'chilean']], ['CO', ['colombia', 'colombian']], ['ZA', ['south africa']],
  ['AE', ['uae', 'united arab emirates', 'emirates']], ['SA', ['saudi arabia']], ['IL', ['israel', 'israeli']], ['TR', ['turkey', 'turkish']],
];

const LANGUAGES: Array<[string, string[]]> = [
  ['en', ['english', 'english-speaking', 'english speakers', 'english speaking']],
  ['de', ['german', 'germans', 'german-speaking', 'german speakers', 'german speaking']],
  ['ja', ['japanese', 'japanese-speaking', 'japanese speakers', 'japanese speaking']],
  ['zh-TW', ['chinese', 'traditional chinese', 'mandarin', 'chinese-speaking', 'chinese speakers', 'chinese speaking']],
  ['fr', ['french', 'french-speaking', 'french speakers', 'francophone']],
  ['pt', ['portuguese', 'portuguese-speaking', 'portuguese speakers']],
  ['th', ['thai', 'thai-speaking', 'thai speakers', 'thais']],
  ['es', ['spanish', 'spanish-speaking', 'spanish speakers', 'hispanic']],
  ['ko', ['korean-speaking']], ['it', ['italian-speaking']],
];

export const VALUE_ALIASES: ValueAlias[] = [
  ...COUNTRIES.map(([value, words, exactWords]) => ({ value, field: /country|nation/i, words, exactWords })),
  ...LANGUAGES.map(([value, words]) => ({ value, field: /lang|locale/i, words })),
  { value: 'female', field: /gender|sex/i, words: ['women', 'woman', 'female', 'females', 'ladies', 'lady', 'girls', 'moms', 'mothers'] },
  { value: 'male', field: /gender|sex/i, words: ['men', 'man', 'male', 'males', 'guys', 'gentlemen', 'boys', 'dads', 'fathers'] },
  { value: 'nonbinary', field: /gender|sex/i, words: ['non-binary', 'nonbinary', 'non binary', 'enby', 'genderqueer'] },
  { value: 'iOS', field: /platform|device|os/i, words: ['ios', 'iphone', 'iphones', 'ipad', 'ipads', 'apple devices', 'apple device', 'apple users', 'iphone users', 'ios app'] },
  { value: 'Android', field: /platform|device|os/i, words: ['android', 'android phones', 'android devices', 'android app', 'androids'] },
  { value: 'Web', field: /platform|device|os/i, words: ['web', 'desktop', 'browser', 'web browser', 'the web', 'website users', 'web users'] },
  { value: 'promotion', field: /type|kind/i, words: ['promotional', 'promotion', 'promotions', 'promo', 'promos', 'marketing promotion'] },
  { value: 'newsletter', field: /type|kind/i, words: ['newsletter', 'newsletters'] },
];
