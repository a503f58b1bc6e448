/**
 * Confirm: pauses with the draft. "apply" (with a name and description, and for a live draft a
 * membership duration, the session by default) goes on to save it; "edit" or any other text is
 * the next instruction and goes back through intake. An "edit" without words asks what should
 * change (a second pause in this node: on resume the node runs again from its top and each
 * interrupt() gets its own answer, in order).
 */
import { interrupt, type LangGraphRunnableConfig } from '@langchain/langgraph';
import { AppError } from '../../../src/errors.js';
import type { MembershipDuration } from '../../../src/live/types.js';
import { ConfirmResume, type ConfirmInterrupt, type QuestionInterrupt } from '../interrupts.js';
import { DEFAULT_DURATION, durationChoices } from '../live-draft.js';
import type { BaseMessage } from '@langchain/core/messages';
import { agentSays, answerText, draftText, userSays } from '../conversation.js';
import { phrases } from '../phrases.js';
import { emitProgress } from '../progress.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate, ConfirmDecision, Draft } from '../state.js';
import { parseAnswer } from './clarify.js';

export function confirmPayload(draft: Draft, language: AudienceBuilderStateType['language'] = 'en'): ConfirmInterrupt {
  const { definition, explanation, size, reachability, samples, totalProfiles, notUnderstood, readAs, note } = draft;
  // Drafts checkpointed before live audiences existed have no kind: they are lists.
  const kind = draft.kind ?? 'list';
  const shown = { kind, definition, explanation, size, reachability, samples, totalProfiles, notUnderstood, ...(readAs?.length ? { readAs } : {}), ...(note ? { note } : {}) };
  return { type: 'confirm', kind, draft: shown, ...(kind === 'live' ? { durations: durationChoices(language) } : {}), text: draftText({ ...draft, kind }, language) };
}

const APPLY = /^(apply|save|ok|okay|yes|looks good|confirm|適用|保存|套用|儲存|ใช้|บันทึก)$/i;

/** A default name from the request: its first words, as the user wrote them. */
export function defaultName(prompts: string[]): string {
  const first = (prompts[0] ?? 'Audience').replace(/\s+/g, ' ').trim().replace(/[.。!?]+$/u, '');
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

export function decide(value: unknown, state: AudienceBuilderStateType, askWhatToChange: () => unknown): ConfirmDecision {
  const parsed = ConfirmResume.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', 'Answer the draft with "apply" ({action:"apply", name, description, duration}) or "edit" with an instruction. A duration is {unit:"session"} or {unit:"hours"|"days"|"weeks", amount: 1 to 365}.');
  const v = parsed.data;
  const live = state.currentDraft?.kind === 'live';
  const apply = (name?: string, description?: string, duration?: MembershipDuration): ConfirmDecision => ({
    action: 'apply',
    name: name ?? defaultName(state.prompts),
    description: description ?? state.prompts.join(' '),
    // A list has no membership: a duration sent with one is ignored.
    ...(live ? { duration: duration ?? DEFAULT_DURATION } : {}),
  });
  if (typeof v === 'string') {
    if (APPLY.test(v)) return apply();
    if (/^edit$/i.test(v)) return { action: 'edit', instruction: parseAnswer(askWhatToChange()).answer };
    return { action: 'edit', instruction: v };
  }
  if (v.action === 'apply') return apply(v.name, v.description || undefined, v.duration);
  return { action: 'edit', instruction: v.instruction ?? parseAnswer(askWhatToChange()).answer };
}

export async function confirmNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  emitProgress(config, 'confirm', 100, 'Waiting for your confirmation…');
  const answer = interrupt(confirmPayload(state.currentDraft!, state.language));
  const said: BaseMessage[] = [userSays(answerText(answer, state.language))];
  const askWhatToChange = () => {
    const question = phrases(state.language).whatToChange;
    const instruction = interrupt({ type: 'question', question, options: [], term: '', purpose: 'edit', text: question } satisfies QuestionInterrupt);
    said.push(agentSays(question), userSays(answerText(instruction, state.language)));
    return instruction;
  };
  const decision = decide(answer, state, askWhatToChange);
  if (decision.action === 'edit') return { decision, prompt: decision.instruction, status: 'drafting', messages: said };
  return { decision, status: 'confirming', messages: said };
}
