/**
 * Whether a word only holds a sentence together (a preposition, a determiner, a pronoun, a
 * conjunction, an interjection): it names nothing, so it never qualifies what is asked for.
 * compromise's English lexicon and tagger decide, rather than a hand-made list.
 */
import nlp from 'compromise';

const FUNCTION_TAGS = ['Preposition', 'Determiner', 'Pronoun', 'Conjunction', 'Expression', 'QuestionWord', 'Copula', 'Auxiliary'];
const known = new Map<string, boolean>();

export function isFunctionWord(word: string): boolean {
  const w = word.toLowerCase();
  let answer = known.get(w);
  if (answer === undefined) {
    const tags: string[] = nlp(w).json()[0]?.terms[0]?.tags ?? [];
    answer = tags.some((t) => FUNCTION_TAGS.includes(t));
    known.set(w, answer);
  }
  return answer;
}
