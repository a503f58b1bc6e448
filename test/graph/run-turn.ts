/** Drives the audience builder one turn at a time, the way the service does. */
import type { AudienceBuilderGraph } from '../../graphs/audience-builder/graph.js';
import type { AudienceBuilderDeps } from '../../graphs/audience-builder/configuration.js';
import { resumeCommand, type AudienceBuilderInterrupt } from '../../graphs/audience-builder/interrupts.js';
import type { AudienceBuilderEvent } from '../../graphs/audience-builder/progress.js';
import type { AudienceBuilderStateType } from '../../graphs/audience-builder/state.js';

export interface Turn {
  state: AudienceBuilderStateType;
  /** The pause the thread is waiting on, if any. */
  pending?: AudienceBuilderInterrupt;
  next: string[];
  events: AudienceBuilderEvent[];
}

export function threadConfig(threadId: string, deps: AudienceBuilderDeps) {
  return { configurable: { thread_id: threadId, ...deps } };
}

/** Sends a new message (string) or resumes the pending pause (Command), collecting custom events. */
export async function turn(graph: AudienceBuilderGraph, config: ReturnType<typeof threadConfig>, input: string | { resume: unknown }): Promise<Turn> {
  const events: AudienceBuilderEvent[] = [];
  const options = { ...config, streamMode: 'custom' as const };
  const stream = typeof input === 'string'
    ? await graph.stream({ prompt: input }, options)
    : await graph.stream(resumeCommand(input.resume), options);
  for await (const chunk of stream) events.push(chunk as AudienceBuilderEvent);
  const snapshot = await graph.getState(config);
  const pending = snapshot.tasks.flatMap((t) => t.interrupts).map((i) => i.value as AudienceBuilderInterrupt)[0];
  return { state: snapshot.values as AudienceBuilderStateType, pending, next: [...snapshot.next], events };
}
