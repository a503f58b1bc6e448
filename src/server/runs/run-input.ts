/** How a run asks to be streamed, and why a stopped run stopped. The input itself: run-request.ts. */
import { EmptyInputError, GraphRecursionError, InvalidUpdateError } from '@langchain/langgraph';
import { AppError } from '../../errors.js';
import type { RunCreate, StreamMode } from '../schemas.js';

export type StopReason = 'cancel' | 'lost_lock' | 'shutdown' | 'deadline';

export function stopError(reason: StopReason | undefined, runTimeoutMs = 0): AppError | undefined {
  if (reason === 'deadline') return new AppError('timeout', `This message took longer than ${Math.round(runTimeoutMs / 1000)} s to answer and was stopped. The conversation continues from its last saved step: send the message again.`);
  if (reason === 'shutdown') return new AppError('unavailable', 'The service restarted while answering. The conversation continues from its last saved step: resume it, or send the message again.');
  if (reason === 'lost_lock') return new AppError('conflict', 'This conversation was taken over by another run while answering. Reload the conversation.');
  return undefined;
}

export function streamModes(body: RunCreate): StreamMode[] {
  const modes = body.stream_mode === undefined ? [] : Array.isArray(body.stream_mode) ? body.stream_mode : [body.stream_mode];
  return modes.length ? [...new Set(modes)] : ['values'];
}

/**
 * What the graph library refuses about a run, in words a client can act on (the request's
 * checks catch these first; this keeps any that slip past from reading as `internal`).
 */
export function graphRunError(err: unknown): AppError | undefined {
  if (err instanceof GraphRecursionError) return new AppError('limit_exceeded', 'This message needed more steps than the run allows (config.recursion_limit). Send it again without a lower limit.');
  if (err instanceof EmptyInputError) return new AppError('invalid_input', 'There is nothing to continue on this thread: send input (the first message).', { field: 'body.input' });
  if (err instanceof InvalidUpdateError) return new AppError('invalid_input', 'The run tried to write state the assistant does not take.', { field: 'body.command.update' });
  return undefined;
}
