/**
 * Clarify: pauses the thread with one question and its options; the answer becomes the meaning
 * of the word for the rest of the conversation. Nothing before interrupt() has side effects:
 * on resume this node runs again from its top.
 */
import { interrupt, type LangGraphRunnableConfig } from '@langchain/langgraph';
import { AppError } from '../../../src/errors.js';
import { normalizeAnswer, QuestionResume, type QuestionInterrupt } from '../interrupts.js';
import { questionText, userSays } from '../conversation.js';
import { emitProgress } from '../progress.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate } from '../state.js';

export function questionPayload(state: AudienceBuilderStateType): QuestionInterrupt {
  const q = state.question!;
  return { type: 'question', question: q.text, options: q.options, term: q.term, purpose: 'clarify', text: questionText(q.text, q.options) };
}

export function parseAnswer(value: unknown): { answer: string; remember?: boolean } {
  const parsed = QuestionResume.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', 'An answer is a non-empty text (or {answer, remember}).');
  return normalizeAnswer(parsed.data);
}

export async function clarifyNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  emitProgress(config, 'clarify', 60, 'Waiting for your answer…');
  const { answer, remember } = parseAnswer(interrupt(questionPayload(state)));
  const { term, decisions = [] } = state.question!;
  // An answer that decides what to do ("Leave it out") says nothing the glossary could keep.
  const meaning = !decisions.includes(answer);
  return {
    answers: { [term]: answer },
    lastAnswer: meaning ? { term, meaning: answer, ...(remember !== undefined ? { remember } : {}) } : null,
    clarifyRounds: state.clarifyRounds + 1,
    question: null,
    status: 'drafting',
    messages: [userSays(answer)],
  };
}
