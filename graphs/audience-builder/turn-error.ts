import type { AppError } from '../../src/errors.js';
import type { ToolCallRecord } from '../../src/interpreter/types.js';
import { agentSays } from './conversation.js';
import type { AudienceBuilderUpdate } from './state.js';

/** Ends the turn with an error the user can read (also said in the conversation); the thread stays usable for the next message. */
export function errorUpdate(err: AppError, toolCalls: ToolCallRecord[] = []): AudienceBuilderUpdate {
  const closest = err.details?.closest;
  return {
    error: {
      code: err.code,
      message: err.message,
      retryable: err.retryable,
      ...(Array.isArray(closest) && closest.length ? { suggestions: closest.map(String) } : {}),
    },
    proposal: null,
    question: null,
    toolCalls,
    status: 'error',
    messages: [agentSays(err.message)],
  };
}
