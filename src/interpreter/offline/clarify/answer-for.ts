/** The user's earlier answer about some words, matched without regard to case or spacing. */
export function answerFor(term: string, answers: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!answers) return undefined;
  const key = Object.keys(answers).find((k) => k.trim().toLowerCase() === term.trim().toLowerCase());
  return key === undefined ? undefined : answers[key];
}
