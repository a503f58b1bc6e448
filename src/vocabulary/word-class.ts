/**
 * What kind of word a word is, by compromise's English lexicon and tagger rather than a hand-made
 * list: one that only holds a sentence together (a preposition, a determiner, a pronoun, a
 * conjunction, an interjection) names nothing, so it never qualifies what is asked for.
 */
import nlp from 'compromise';

const FUNCTION_TAGS = ['Preposition', 'Determiner', 'Pronoun', 'Conjunction', 'Expression', 'QuestionWord', 'Copula', 'Auxiliary'];
/** Words tagged so far; forgotten past this many, since requests bring any words at all. */
const REMEMBERED = 10_000;
const tagged = new Map<string, readonly string[]>();

/** compromise's tags of one word on its own. */
function tagsOf(word: string): readonly string[] {
  const w = word.toLowerCase();
  const known = tagged.get(w);
  if (known) return known;
  const tags: readonly string[] = nlp(w).json()[0]?.terms[0]?.tags ?? [];
  if (tagged.size >= REMEMBERED) tagged.clear();
  tagged.set(w, tags);
  return tags;
}

export const isFunctionWord = (word: string): boolean => tagsOf(word).some((t) => FUNCTION_TAGS.includes(t));
/** "savers", "referrers": a noun in the plural. */
export const isPluralNoun = (word: string): boolean => tagsOf(word).includes('Noun') && tagsOf(word).includes('Plural');
/** "save", "refer": a verb. */
export const isVerb = (word: string): boolean => tagsOf(word).includes('Verb');
