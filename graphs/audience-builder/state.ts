/**
 * The state of one conversation thread. Everything here but `messages` (LangChain messages,
 * which the checkpointer's serde keeps) is plain JSON: it is checkpointed (memory, Redis) and
 * read back by the HTTP service and the web widget.
 */
import type { BaseMessage, BaseMessageLike } from '@langchain/core/messages';
import { Annotation, messagesStateReducer } from '@langchain/langgraph';
import type { Audience } from '../../src/audiences/types.js';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import type { AudienceResult } from '../../src/engine/types.js';
import type { ErrorCode } from '../../src/errors.js';
import type { ClarifyingQuestion, Language, ToolCallRecord } from '../../src/interpreter/types.js';
import type { LiveAudience, MembershipDuration } from '../../src/live/types.js';

/**
 * A counted, explained definition awaiting the user's confirmation. A `live` draft has
 * conditions on the visit (device, page, campaign, a visitor's own answers): it is decided when
 * a visitor arrives, so `size` is the known profiles who could match (an upper bound).
 */
export interface Draft {
  kind: 'list' | 'live';
  definition: AudienceDefinition;
  explanation: string[];
  size: number;
  totalProfiles: number;
  reachability: AudienceResult['reachability'];
  samples: AudienceResult['samples'];
  conditionSizes: AudienceResult['conditionSizes'];
  /** Parts of the request the interpreter could not express (said, never dropped). */
  notUnderstood: string[];
  /** Misspelt words read as others ("purchace" → purchase). */
  readAs?: Array<{ from: string; to: string }>;
  /** For live drafts: what the size means, in the conversation's language. */
  note?: string;
}

export interface TurnError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  suggestions?: string[];
}

export type ConfirmDecision =
  /** `duration` is set for live drafts only: how long a visitor stays in once they qualify. */
  | { action: 'apply'; name: string; description: string; duration?: MembershipDuration }
  | { action: 'edit'; instruction: string };

export type TurnStatus = 'drafting' | 'clarifying' | 'confirming' | 'saved' | 'error';

const replace = <T>(initial: () => T) => Annotation<T>({ reducer: (_prev: T, next: T) => next, default: initial });

export const AudienceBuilderState = Annotation.Root({
  /**
   * The conversation for chat clients: the user's messages (`human`) and everything the agent
   * said (`ai`), each with a stable id; appended, or replaced by id.
   */
  messages: Annotation<BaseMessage[], BaseMessageLike[]>({ reducer: messagesStateReducer, default: () => [] }),
  /** The user's latest message: the input of every turn. */
  prompt: Annotation<string>,
  language: replace<Language>(() => 'en'),
  /** Whether the latest message starts a new audience or refines the draft. */
  mode: replace<'new' | 'refine'>(() => 'new'),
  /** The messages that built the current draft: the request, then its refinements. */
  prompts: replace<string[]>(() => []),
  /** Meanings chosen in this conversation: term → answer. Kept for the whole thread. */
  answers: Annotation<Record<string, string>>({ reducer: (prev, next) => ({ ...prev, ...next }), default: () => ({}) }),
  /** The question being asked (status clarifying). */
  question: replace<ClarifyingQuestion | null>(() => null),
  clarifyRounds: replace<number>(() => 0),
  /** The latest answer, until the glossary offer about it is settled. */
  lastAnswer: replace<{ term: string; meaning: string; remember?: boolean } | null>(() => null),
  /** Whether the offer to keep `lastAnswer` in the glossary was said and waits for its answer. */
  offering: replace<boolean>(() => false),
  /** The interpreter's definition, before it is validated and counted. */
  proposal: replace<{ definition: AudienceDefinition; notUnderstood: string[]; readAs?: Array<{ from: string; to: string }> } | null>(() => null),
  currentDraft: replace<Draft | null>(() => null),
  decision: replace<ConfirmDecision | null>(() => null),
  /** The audience saved by the latest "apply". */
  audience: replace<Audience | null>(() => null),
  /** The live audience saved by the latest "apply" of a live draft. */
  liveAudience: replace<LiveAudience | null>(() => null),
  error: replace<TurnError | null>(() => null),
  /** Lookups of the current turn, in order. */
  toolCalls: replace<ToolCallRecord[]>(() => []),
  status: replace<TurnStatus>(() => 'drafting'),
});

export type AudienceBuilderStateType = typeof AudienceBuilderState.State;
export type AudienceBuilderUpdate = typeof AudienceBuilderState.Update;
