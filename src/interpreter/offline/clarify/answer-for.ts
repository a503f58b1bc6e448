/** Reading an answer back: which earlier answer is about some words, and which option it is. */

/** The same words, without regard to case or surrounding spaces. */
export const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The same option, with or without the size said in brackets after it ("Leave “500” out (1,202 people)"). */
export const sameOption = (answer: string, option: string): boolean => sameText(withoutSize(answer), withoutSize(option));

const withoutSize = (t: string) => t.replace(/\s*[(（][^)）]*[)）]\s*$/, '');

/** The user's earlier answer about some words, matched without regard to case or spacing. */
export function answerFor(term: string, answers: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!answers) return undefined;
  const key = Object.keys(answers).find((k) => sameText(k, term));
  return key === undefined ? undefined : answers[key];
}
