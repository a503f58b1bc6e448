/**
 * Words the data does not hold, that the request is about ("big savers", "Tokio"): asked about
 * with the closest things the data does hold as options, rather than refused. The answer is read
 * in the words' place; "let me say what it means" with nothing more leaves the error standing.
 */
import type { ClarifyingQuestion } from '../../types.js';
import type { IssueError } from '../issues.js';
import type { Messages } from '../messages/types.js';
import { answerFor, sameText } from './answer-for.js';
import { replaceWords } from './unplaced.js';

export type UnknownOutcome =
  | { kind: 'error' }
  | { kind: 'ask'; question: ClarifyingQuestion }
  | { kind: 'reread'; prompt: string; answered: string };

/** Options offered at the most, besides saying what it means. */
const MAX_OPTIONS = 4;

/** "Standard (ACCOUNT_PLAN)", "Newsletter (tag)": the name the option stands for. */
const named = (option: string) => option.replace(/\s*\([^)]*\)\s*$/, '').trim();

export function settleUnknown(prompt: string, problem: IssueError, answers: Record<string, string> | undefined, msgs: Messages): UnknownOutcome {
  const about = problem.about;
  if (problem.code !== 'unknown_reference' || !about || !problem.suggestions?.length) return { kind: 'error' };
  const answer = answerFor(about, answers);
  if (answer === undefined) {
    return { kind: 'ask', question: { term: about, text: msgs.didYouMean(problem.message), options: [...problem.suggestions.slice(0, MAX_OPTIONS), msgs.sayMeaning()] } };
  }
  if (sameText(answer, msgs.sayMeaning())) return { kind: 'error' };
  return { kind: 'reread', prompt: replaceWords(prompt, about, named(answer)), answered: about };
}
