/**
 * Intake: checks the message's length, detects its language and decides whether it starts a
 * new audience (replacing the draft) or refines the current one. Resets what belonged to the
 * previous turn.
 */
import type { BaseMessage } from '@langchain/core/messages';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { AppError } from '../../../src/errors.js';
import { checkPromptLength } from '../../../src/interpreter/offline/prompt-length.js';
import { isRefinement } from '../../../src/interpreter/offline/refinement.js';
import { detectLanguage } from '../../../src/interpreter/offline/language.js';
import type { AudienceDefinition } from '../../../src/definition/schema.js';
import { agentSays, userSays } from '../conversation.js';
import { emitProgress } from '../progress.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate } from '../state.js';
import { errorUpdate } from '../turn-error.js';

export interface IntakeChecks {
  /** The length problem of a new description, if any. */
  lengthProblem(prompt: string): AppError | undefined;
  /** Whether the message changes the current draft rather than describing a new audience. */
  isRefinement(prompt: string, current: AudienceDefinition): boolean;
}

/** A refinement may be short ("only gold members"); it may not be empty or over the maximum. */
const MAX_REFINEMENT = 300;

/** The user's message in the conversation, unless it arrived there already (as chat input, or as an answer). */
function heard(state: AudienceBuilderStateType, prompt: string): BaseMessage[] {
  const last = state.messages?.at(-1);
  const said = last !== undefined && last.getType() === 'human' && last.text.trim() === prompt;
  return said || prompt === '' ? [] : [userSays(prompt)];
}

export function intake(state: AudienceBuilderStateType, checks: IntakeChecks): AudienceBuilderUpdate {
  const prompt = (state.prompt ?? '').trim();
  const language = detectLanguage(prompt);
  const said = heard(state, prompt);
  const fresh: AudienceBuilderUpdate = {
    messages: said, prompt, language, error: null, question: null, proposal: null, decision: null, audience: null, liveAudience: null,
    lastAnswer: null, offering: false, clarifyRounds: 0, toolCalls: [], status: 'drafting',
  };
  const refine = Boolean(state.currentDraft) && prompt.length > 0 && prompt.length <= MAX_REFINEMENT && checks.isRefinement(prompt, state.currentDraft!.definition);
  if (refine) return { ...fresh, mode: 'refine', prompts: [...state.prompts, prompt] };
  const problem = checks.lengthProblem(prompt);
  if (problem) return { ...fresh, ...errorUpdate(problem), messages: [...said, agentSays(problem.message)] };
  return { ...fresh, mode: 'new', prompts: [prompt], currentDraft: null };
}

export async function intakeNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  emitProgress(config, 'intake', 5, 'Reading your request…');
  return intake(state, {
    lengthProblem: (prompt) => {
      const check = checkPromptLength(prompt);
      return check.ok ? undefined : new AppError(check.code, check.message);
    },
    isRefinement: (prompt) => isRefinement(prompt),
  });
}
