/**
 * What a run request asks the graph to do: its stream modes, and its input: a resume
 * (`command`), the assistant's reading of `input`, or null (continue from the last checkpoint).
 */
import { Command } from '@langchain/langgraph';
import { AppError } from '../../errors.js';
import type { RunCreate, StreamMode } from '../schemas.js';
import type { ServedAssistant } from './assistant.js';

export type StopReason = 'cancel' | 'lost_lock' | 'shutdown';

export function stopError(reason: StopReason | undefined): AppError | undefined {
  if (reason === 'shutdown') return new AppError('unavailable', 'The service restarted while answering. The conversation continues from its last saved step: resume it, or send the message again.');
  if (reason === 'lost_lock') return new AppError('conflict', 'This conversation was taken over by another run while answering. Reload the conversation.');
  return undefined;
}

export function streamModes(body: RunCreate): StreamMode[] {
  const modes = body.stream_mode === undefined ? [] : Array.isArray(body.stream_mode) ? body.stream_mode : [body.stream_mode];
  return modes.length ? [...new Set(modes)] : ['values'];
}

/** A resume (`command`), the assistant's reading of `input`, or null: continue from the last checkpoint. */
export function graphInput(body: RunCreate, assistant: ServedAssistant): unknown {
  const c = body.command;
  if (c) {
    return new Command({
      ...(c.resume !== undefined ? { resume: c.resume } : {}),
      ...(c.update != null ? { update: c.update } : {}),
      ...(c.goto != null ? { goto: c.goto } : {}),
    });
  }
  if (body.input === undefined || body.input === null) return null;
  return assistant.toInput ? assistant.toInput(body.input) : body.input;
}
