/** The lexicon of every sense, indexed per language: a word → its sense. */
import type { Language } from '../../../types.js';
import { ACTS } from './acts.js';
import { CHANNELS } from './channels.js';
import { DEVICES } from './devices.js';
import { GRAMMAR } from './grammar.js';
import { LOGIC } from './logic.js';
import { PEOPLE } from './people.js';
import { PLACES } from './places.js';
import { QUANTITY } from './quantity.js';
import type { Sense } from './sense.js';
import { TIME } from './time.js';
import { VALUES } from './values.js';

/** Senses that name who or where (customers, admins, Japan, Android): what a relative clause describes. */
const NOMINAL = new Set<Sense>([...PEOPLE, ...PLACES, ...DEVICES].filter((s) => s.en !== 'from'));

export const isNominal = (s: Sense): boolean => NOMINAL.has(s);

/** Senses that name a thing an exclusion can apply to: who, where, a value, a list. */
const THING = new Set<Sense>([...NOMINAL, ...VALUES]);

export const isThing = (s: Sense): boolean => THING.has(s);

const PLACE = new Set<Sense>(PLACES.filter((s) => s.en !== 'from'));

export const isPlace = (s: Sense): boolean => PLACE.has(s);

export type LexiconLanguage = 'zh' | 'ja' | 'th';

/** Order matters only for the error below: one word, one sense. */
const SENSES: readonly Sense[] = [...ACTS, ...CHANNELS, ...TIME, ...QUANTITY, ...LOGIC, ...PLACES, ...DEVICES, ...PEOPLE, ...VALUES, ...GRAMMAR];

export interface Lexicon {
  senses: ReadonlyMap<string, Sense>;
  /** The word without what the lexicon may leave out of it (Chinese aspect marks: 退過貨 → 退貨). */
  plain: (word: string) => string;
  /** The longest word, in characters: how far a match may reach. */
  longest: number;
}

/**
 * Chinese marks a done or past act with 过/過/了 inside the verb phrase ("买过东西", "退過貨",
 * "用過優惠券"); the lexicon lists the phrase once, without them.
 */
const PLAIN: Record<LexiconLanguage, (word: string) => string> = {
  zh: (w) => w.slice(0, 1) + w.slice(1).replace(/[过過了]/g, ''),
  ja: (w) => w,
  th: (w) => w,
};

function build(language: LexiconLanguage): Lexicon {
  const senses = new Map<string, Sense>();
  for (const s of SENSES) {
    for (const word of (s[language] ?? '').split(' ').filter(Boolean)) {
      const seen = senses.get(word);
      if (seen && seen !== s) throw new Error(`lexicon: "${word}" (${language}) means both "${seen.en}" and "${s.en}"`);
      senses.set(word, s);
    }
  }
  return { senses, plain: PLAIN[language], longest: Math.max(...[...senses.keys()].map((w) => w.length)) };
}

const BUILT = new Map<LexiconLanguage, Lexicon>();

export function lexiconFor(language: LexiconLanguage): Lexicon {
  let lexicon = BUILT.get(language);
  if (!lexicon) BUILT.set(language, (lexicon = build(language)));
  return lexicon;
}

export function lexiconLanguage(language: Exclude<Language, 'en'>): LexiconLanguage {
  return language === 'zh-TW' ? 'zh' : language;
}
