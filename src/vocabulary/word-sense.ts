/**
 * How close two words are in meaning, from their lemmas and the general concepts they belong
 * to (concepts.ts): the same word, words of one concept, or a word that may be used for the
 * other's concept. Acts are compared with acts and things with things, so that "integration"
 * (a thing) does not meet "added" (an act) through the verb "integrate". Also whether two
 * words say contrary acts ("started" against "completed").
 */
import { CONCEPTS, type Concept } from './concepts.js';
import { lemmas } from './lemma.js';

export type Kind = Concept['kind'];

export interface Senses {
  act: { core: Set<string>; loose: Set<string> };
  thing: { core: Set<string>; loose: Set<string> };
}

const emptySenses = (): Senses => ({ act: { core: new Set(), loose: new Set() }, thing: { core: new Set(), loose: new Set() } });

const OPPOSES = new Map<string, readonly string[]>(CONCEPTS.filter((c) => c.kind === 'act').map((c) => [c.id, c.opposes ?? []]));
/** Single-word lemma → the concepts it says, fully or loosely. */
const WORD_SENSES = new Map<string, Senses>();
/** Multi-word phrases of the lexicon ("log in", "add to cart"), as lemma sequences, longest first. */
export const CONCEPT_PHRASES: Array<{ lemmas: string[]; concept: string; kind: Kind; core: boolean }> = [];

const phraseKey = (word: string) => lemmas(word).at(-1)!;

for (const c of CONCEPTS) {
  for (const [list, core] of [[c.words, true], [c.loose ?? [], false]] as const) {
    for (const w of list) {
      const parts = w.toLowerCase().split(/\s+/);
      if (parts.length > 1) {
        CONCEPT_PHRASES.push({ lemmas: parts.map(phraseKey), concept: c.id, kind: c.kind, core });
        continue;
      }
      for (const l of lemmas(parts[0]!)) {
        let s = WORD_SENSES.get(l);
        if (!s) WORD_SENSES.set(l, (s = emptySenses()));
        (core ? s[c.kind].core : s[c.kind].loose).add(c.id);
      }
    }
  }
}
CONCEPT_PHRASES.sort((a, b) => b.lemmas.length - a.lemmas.length);

/** The concepts a word says; empty sets when it is none of them. */
export function wordSenses(word: string): Senses {
  const out = emptySenses();
  for (const l of lemmas(word)) {
    const s = WORD_SENSES.get(l);
    if (!s) continue;
    for (const kind of ['act', 'thing'] as const) {
      s[kind].core.forEach((c) => out[kind].core.add(c));
      s[kind].loose.forEach((c) => out[kind].loose.add(c));
    }
  }
  for (const kind of ['act', 'thing'] as const) for (const c of out[kind].core) out[kind].loose.delete(c);
  return out;
}

/** Senses of one concept said directly (a phrase of the lexicon read as one word). */
export function conceptSenses(concept: string, kind: Kind, core: boolean): Senses {
  const out = emptySenses();
  (core ? out[kind].core : out[kind].loose).add(concept);
  return out;
}

export function mergeSenses(all: readonly Senses[]): Senses {
  const out = emptySenses();
  for (const s of all) {
    for (const kind of ['act', 'thing'] as const) {
      s[kind].core.forEach((c) => out[kind].core.add(c));
      s[kind].loose.forEach((c) => out[kind].loose.add(c));
    }
  }
  for (const kind of ['act', 'thing'] as const) for (const c of out[kind].core) out[kind].loose.delete(c);
  return out;
}

export function says(s: Senses, kind: Kind): boolean {
  return s[kind].core.size > 0 || s[kind].loose.size > 0;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

interface Word {
  lemmas: readonly string[];
  senses: Senses;
}

/**
 * 1 for the same word, 0.8 for words of one concept, 0.5 when one may be used for the other's
 * concept, else 0. `kind` compares only acts or only things; both when absent.
 */
export function similarity(a: Word, b: Word, kind?: Kind): number {
  if (a.lemmas.some((l) => b.lemmas.includes(l))) return 1;
  const kinds: Kind[] = kind ? [kind] : ['act', 'thing'];
  let s = 0;
  for (const k of kinds) {
    const x = a.senses[k];
    const y = b.senses[k];
    if (intersects(x.core, y.core)) s = Math.max(s, 0.8);
    else if (intersects(x.core, y.loose) || intersects(x.loose, y.core)) s = Math.max(s, 0.5);
  }
  return s;
}

/** The two say contrary acts and share no meaning ("complete" against "start"). */
export function opposed(a: Senses, b: Senses): boolean {
  if (intersects(a.act.core, b.act.core)) return false;
  const against = (x: Set<string>, y: Set<string>) => [...x].some((c) => (OPPOSES.get(c) ?? []).some((o) => y.has(o)));
  return against(a.act.core, b.act.core) || against(b.act.core, a.act.core);
}
