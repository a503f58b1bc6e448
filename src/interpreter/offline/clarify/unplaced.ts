/**
 * Words a reading could not place that would change the audience ("over 60s", "or below",
 * a value with nowhere to go): the draft without them is not the audience asked for, so the
 * user is asked. Leaving them out is one option (with its size); any other answer says what
 * the words mean and is read in their place.
 */
import type { AudienceDefinition } from '../../../definition/schema.js';
import type { AudienceEngine } from '../../../engine/types.js';
import type { ClarifyingQuestion } from '../../types.js';
import type { Messages } from '../messages/types.js';
import type { Catalog } from '../../../catalog/types.js';
import { allLeaves } from '../../../definition/walk.js';
import { lemma } from '../../../vocabulary/lemma.js';
import { spacedName } from '../../../vocabulary/name-words.js';
import { textWords } from '../../../vocabulary/vocabulary.js';
import { FILLER_WORDS } from '../lexicon/filler-words.js';
import { answerFor, sameOption } from './answer-for.js';

/** Words left over; `naming`: words that name something (a value, a field, an unknown word) rather than a number or a time. */
export interface Unplaced {
  text: string;
  naming: boolean;
}

export type UnplacedOutcome =
  | { kind: 'keep' }
  | { kind: 'ask'; question: ClarifyingQuestion }
  /** Read the request again with the words replaced by what the user said they mean. */
  | { kind: 'reread'; prompt: string; answered: string };

export async function settleUnplaced(
  prompt: string,
  unplaced: readonly Unplaced[],
  definition: AudienceDefinition,
  env: { answers?: Record<string, string>; engine: AudienceEngine; now: Date; msgs: Messages; catalog: Catalog },
): Promise<UnplacedOutcome> {
  const described = definitionWords(definition, env.catalog);
  for (const { text: words, naming } of unplaced) {
    // "Billing contacts who paid …" where the payment is "tracked on the billing contact": the words say what was chosen.
    const said = lemmaWords(words);
    if (naming && said.length && said.every((w) => described.has(w))) continue;
    const answer = answerFor(words, env.answers);
    if (answer === undefined) {
      const { size } = await env.engine.compute(definition, { now: env.now, sampleSize: 0 });
      return { kind: 'ask', question: { term: words, text: env.msgs.unplaced(words, size), options: [env.msgs.leaveOut(words, size), env.msgs.sayMeaning()], decisions: [env.msgs.leaveOut(words, size)] } };
    }
    if (sameOption(answer, env.msgs.leaveOut(words, 0)) || sameOption(answer, env.msgs.sayMeaning())) continue;
    return { kind: 'reread', prompt: replaceWords(prompt, words, answer), answered: words };
  }
  return { kind: 'keep' };
}

/** The words of the names and descriptions of everything a definition uses. */
function definitionWords(def: AudienceDefinition, catalog: Catalog): Set<string> {
  const texts: Array<string | undefined> = [];
  for (const leaf of allLeaves(def)) {
    if (leaf.type === 'event' || leaf.type === 'aggregate' || leaf.type === 'recency') {
      for (const name of leaf.events) {
        const event = catalog.events.find((e) => e.name === name);
        texts.push(spacedName(name), event?.description);
        for (const f of leaf.filters) texts.push(spacedName(f.property), event?.properties.find((p) => p.name === f.property)?.description);
      }
      if (leaf.type === 'aggregate') texts.push(spacedName(leaf.property));
    }
    if (leaf.type === 'trait') {
      texts.push(spacedName(leaf.trait), catalog.traits.find((t) => t.name === leaf.trait)?.description);
    }
  }
  return new Set(texts.flatMap((t) => (t ? lemmaWords(t) : [])));
}

const lemmaWords = (text: string) => textWords(text).filter((w) => !FILLER_WORDS.has(w)).map(lemma);

/** The request with the words replaced by their meaning; said after it when the words are not there as written. */
export function replaceWords(prompt: string, words: string, meaning: string): string {
  const at = prompt.toLowerCase().indexOf(words.toLowerCase());
  if (at < 0) return `${prompt.trim().replace(/[.!?]+$/, '')}, ${meaning}`;
  return `${prompt.slice(0, at)}${meaning}${prompt.slice(at + words.length)}`;
}
