/**
 * Which of a workspace's events a phrase names ("paid invoices", "watched a video", "logged
 * in"): each event is scored by how well its name, the phrases its description quotes and its
 * description say the phrase's acts and things. Contrary acts in its name, and acts or things
 * in its name the phrase does not say, count against it. An event is a candidate only when its
 * own words say the phrase: a description that merely mentions a word is not enough.
 */
import { opposed, says, similarity, type Kind } from './word-sense.js';
import type { EventEntry, Term, Vocabulary } from './vocabulary.js';

export interface PhraseQuery {
  /** What was done ("bought", "logged in"); light verbs ("made", "left") are left out. */
  acts: Term[];
  /** What it was done to ("invoice", "video"). Generic words ("something", "stuff") are left out. */
  things: Term[];
}

export interface EventMatch {
  event: string;
  score: number;
  /** The strongest evidence for each word of the phrase: name, quote or description. */
  via: Array<'name' | 'quote' | 'description' | 'none'>;
  /** How closely the best word meets the event's name or a quote: 1 the same word, 0.8 one concept, 0.5 loosely. */
  strength: number;
  /** How closely the word that fits worst is said (name or quote, or else its description counted at 0.8 of its fit). */
  weakest: number;
}

/** How much a description adds to a name's evidence, and counts alone. */
const DESC_WEIGHT = 0.3;
const QUOTE_BONUS = 0.5;

interface WordFit {
  score: number;
  head: number;
  /** The head, or a close description when the name does not say the word. */
  support: number;
  via: EventMatch['via'][number];
  /** Matched the name or a quote at least loosely, or the description closely. */
  said: boolean;
}

function best(term: Term, among: readonly Term[], kind: Kind): number {
  let s = 0;
  for (const t of among) s = Math.max(s, similarity(term, t, kind));
  return s;
}

function fit(term: Term, e: EventEntry, kind: Kind): WordFit {
  const name = best(term, e.nameTerms, kind);
  const quote = best(term, e.quoted, kind);
  const desc = best(term, e.descTerms, kind);
  const head = Math.max(name, quote);
  // A quote is the team saying what people call the event ("this is what 'watched' means").
  const score = head + DESC_WEIGHT * desc + (quote >= 0.8 ? QUOTE_BONUS : 0);
  const via = name > 0 && name >= quote ? 'name' : quote > 0 ? 'quote' : desc > 0 ? 'description' : 'none';
  return { score, head, support: Math.max(head, desc >= 0.8 ? 0.8 * desc : 0), via, said: head >= 0.5 || desc >= 0.8 };
}

export function scoreEvent(q: PhraseQuery, e: EventEntry): EventMatch | undefined {
  const words = [...q.acts, ...q.things];
  if (!words.length) return undefined;
  let score = 0;
  let strength = 0;
  let weakest = 1;
  const via: EventMatch['via'] = [];
  for (const t of q.things) {
    const f = fit(t, e, 'thing');
    // A thing the event's words do not say is another event's ("opened an email" is not the app).
    if (!f.said) return undefined;
    score += f.score;
    strength = Math.max(strength, f.head);
    weakest = Math.min(weakest, f.support);
    via.push(f.via);
  }
  let actSaid = q.acts.length === 0;
  for (const t of q.acts) {
    const f = fit(t, e, 'act');
    if (f.said) actSaid = true;
    score += f.score;
    strength = Math.max(strength, f.head);
    weakest = Math.min(weakest, f.support);
    via.push(f.via);
  }
  if (!actSaid) return undefined;
  for (const n of e.nameTerms) {
    const saidBy = Math.max(0, ...words.map((w) => similarity(w, n)));
    if (saidBy >= 0.5) continue;
    // "Order Refunded" for "bought": a contrary act in the name.
    if (q.acts.some((a) => opposed(a.senses, n.senses))) score -= 0.8;
    // "webinarRegistered" for "signed up": the name says more than the phrase.
    else score -= says(n.senses, 'thing') && !says(n.senses, 'act') ? 0.25 : 0.1;
  }
  return score > 0 ? { event: e.name, score, via, strength, weakest } : undefined;
}

/** Candidates, best first. */
export function matchEvents(vocab: Vocabulary, q: PhraseQuery): EventMatch[] {
  return vocab.events.flatMap((e) => scoreEvent(q, e) ?? []).sort((a, b) => b.score - a.score || a.event.localeCompare(b.event));
}

/**
 * The event a phrase names when one stands out; several when they are close (the caller asks
 * which). Empty when none fits.
 */
export function resolveEvents(vocab: Vocabulary, q: PhraseQuery, opts: { margin?: number } = {}): { best: EventMatch[]; ambiguous: boolean } {
  const all = matchEvents(vocab, q);
  const top = all[0];
  if (!top) return { best: [], ambiguous: false };
  const margin = opts.margin ?? 0.3;
  const close = all.filter((m) => top.score - m.score < margin);
  return { best: close, ambiguous: close.length > 1 };
}
