/**
 * A workspace's catalog as words: every event, property and trait with the words of its name
 * (whatever the naming style), of its description, and the phrases its description quotes as
 * what people call it ("This is what 'watched' means"). Both interpreters read requests against
 * it; it is built once per catalog.
 */
import { perCatalog } from '../catalog/per-catalog.js';
import type { Catalog, EventInfo, PropertyInfo, TraitInfo } from '../catalog/types.js';
import { EMPTY_NAME_WORDS } from './concepts.js';
import { lemmas } from './lemma.js';
import { nameWords } from './name-words.js';
import { CONCEPT_PHRASES, conceptSenses, mergeSenses, wordSenses, type Senses } from './word-sense.js';

export interface Term {
  /** As written (lower case); a phrase of the lexicon read as one term ("signed up"). */
  text: string;
  lemmas: readonly string[];
  senses: Senses;
}

export interface EventEntry {
  name: string;
  info: EventInfo;
  nameTerms: Term[];
  descTerms: Term[];
  /** What the description says people call it ("'watched' or 'viewed a video'"). */
  quoted: Term[];
}

export interface PropertyEntry {
  name: string;
  info: PropertyInfo;
  event: string;
  nameTerms: Term[];
  descTerms: Term[];
}

export interface TraitEntry {
  name: string;
  info: TraitInfo;
  nameTerms: Term[];
  descTerms: Term[];
}

export interface Vocabulary {
  catalog: Catalog;
  events: EventEntry[];
  properties: PropertyEntry[];
  traits: TraitEntry[];
  event(name: string): EventEntry | undefined;
  trait(name: string): TraitEntry | undefined;
}

/** Words of a description that carry no meaning of their own. */
const STOP = new Set([
  ...EMPTY_NAME_WORDS, 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'them', 'who', 'which', 'what', 'when', 'where',
  'one', 'per', 'each', 'any', 'all', 'some', 'no', 'not', 'as', 'or', 'and', 'but', 'if', 'so', 'than', 'then', 'into',
  'e', 'g', 'eg', 'ie', 'etc', 'only', 'also', 'either', 'both', 'mean', 'means', 'call', 'called', 'is', 'are', 'was',
  'were', 'been', 'being', 'has', 'had', 'can', 'may', 'their', 'his', 'her', 'up', 'out', 'about', 'after', 'before',
]);

/** Terms of a word sequence: phrases of the lexicon first ("log in"), then single words. */
export function termsOf(words: readonly string[], opts: { keepStop?: boolean } = {}): Term[] {
  const lemmaSeq = words.map((w) => lemmas(w));
  const out: Term[] = [];
  for (let i = 0; i < words.length; i++) {
    const longest = CONCEPT_PHRASES.find((p) => p.lemmas.every((l, k) => lemmaSeq[i + k]?.includes(l)));
    if (longest) {
      const n = longest.lemmas.length;
      const key = longest.lemmas.join(' ');
      const text = words.slice(i, i + n).join(' ');
      const senses = mergeSenses(CONCEPT_PHRASES.filter((p) => p.lemmas.join(' ') === key).map((p) => conceptSenses(p.concept, p.kind, p.core)));
      out.push({ text, lemmas: [text, key], senses });
      i += n - 1;
      continue;
    }
    const w = words[i]!;
    if (!opts.keepStop && (STOP.has(w) || /^\d+$/.test(w))) continue;
    out.push({ text: w, lemmas: lemmaSeq[i]!, senses: wordSenses(w) });
  }
  return out;
}

/** Lower-case words of free text. */
export function textWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}][\p{L}\p{M}\d'-]*/gu)?.map((w) => w.replace(/'s$/, '').replace(/-+$/, '')) ?? [];
}

/**
 * What a description says people call the event: phrases in quotes ("this is what 'watched'
 * means"), what it says the event is ("… confirmed: this is a purchase", "counts as a visit")
 * and a short aside in brackets ("(signed up)", "(received)").
 */
function quotedTerms(description: string | undefined): Term[] {
  if (!description) return [];
  const out: Term[] = [];
  const said = [
    ...description.matchAll(/['‘"“]([^'’"”]{2,60})['’"”]/g),
    ...description.matchAll(/\b(?:this is|it is|counts as|i\.e\.)\s+(?:a |an |the |what )?([^.,;:()'"‘“]{2,40})/gi),
  ].map((m) => m[1]!);
  // An aside in brackets says what the event is only when short ("(sign-up)", "(received)"), not "(mobile apps only)".
  const asides = [...description.matchAll(/\(([^()]{2,30})\)/g)].map((m) => m[1]!).filter((a) => textWords(a).length <= 2 && !/\bonly\b|e\.g\./i.test(a));
  for (const phrase of [...said, ...asides]) {
    const words = textWords(phrase);
    if (words.length <= 4) out.push(...termsOf(words));
  }
  return out;
}

function buildVocabulary(catalog: Catalog): Vocabulary {
  const events: EventEntry[] = catalog.events.map((info) => ({
    name: info.name,
    info,
    nameTerms: termsOf(nameWords(info.name)),
    descTerms: termsOf(textWords(info.description ?? '')),
    quoted: quotedTerms(info.description),
  }));
  const properties: PropertyEntry[] = catalog.events.flatMap((e) => e.properties.map((info) => ({
    name: info.name,
    info,
    event: e.name,
    nameTerms: termsOf(nameWords(info.name)),
    descTerms: termsOf(textWords(info.description ?? '')),
  })));
  const traits: TraitEntry[] = catalog.traits.map((info) => ({
    name: info.name,
    info,
    nameTerms: termsOf(nameWords(info.name)),
    descTerms: termsOf(textWords(info.description ?? '')),
  }));
  const byEvent = new Map(events.map((e) => [e.name, e]));
  const byTrait = new Map(traits.map((t) => [t.name, t]));
  return { catalog, events, properties, traits, event: (n) => byEvent.get(n), trait: (n) => byTrait.get(n) };
}

export const vocabularyOf: (catalog: Catalog) => Vocabulary = perCatalog(buildVocabulary);
