/**
 * A graph state snapshot in the protocol's ThreadState shape (what `client.threads.getState`
 * and `getHistory` return), and the thread status it implies. The checkpointer knows a thread
 * by its key (workspace and id); clients by its id, which is what they are shown.
 */
import type { RunnableConfig } from '@langchain/core/runnables';
import type { StateSnapshot } from '@langchain/langgraph';
import type { ThreadStatus } from '../../repositories/types.js';
import { toWire } from './run-events.js';

export interface CheckpointRef {
  thread_id: string;
  checkpoint_ns: string;
  checkpoint_id: string | undefined;
  checkpoint_map: Record<string, unknown> | null;
}

export interface ThreadState {
  values: unknown;
  next: string[];
  tasks: {
    id: string;
    name: string;
    error: string | null;
    interrupts: unknown[];
    path: unknown;
    checkpoint: unknown;
    state: ThreadState | null;
    result: unknown;
  }[];
  metadata: unknown;
  created_at: string | null;
  checkpoint: CheckpointRef | null;
  parent_checkpoint: CheckpointRef | null;
}

function checkpointOf(config: RunnableConfig | undefined, threadId: string): CheckpointRef | null {
  const c = config?.configurable;
  if (!c?.thread_id) return null;
  return {
    thread_id: threadId,
    checkpoint_ns: typeof c.checkpoint_ns === 'string' ? c.checkpoint_ns : '',
    checkpoint_id: typeof c.checkpoint_id === 'string' ? c.checkpoint_id : undefined,
    checkpoint_map: (c.checkpoint_map as Record<string, unknown> | undefined) ?? null,
  };
}

function isSnapshot(value: unknown): value is StateSnapshot {
  return typeof value === 'object' && value !== null && 'values' in value && 'next' in value;
}

function errorText(error: unknown): string | null {
  if (error === undefined || error === null) return null;
  return error instanceof Error ? error.message : String(error);
}

/** `threadId`: the thread's id as the client knows it. */
export function toThreadState(s: StateSnapshot, threadId: string): ThreadState {
  return {
    values: toWire(s.values ?? {}),
    next: [...s.next],
    tasks: s.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      error: errorText(t.error),
      interrupts: toWire(t.interrupts) as unknown[],
      path: toWire(t.path ?? null),
      checkpoint: isSnapshot(t.state) ? null : toWire(t.state?.configurable ? { ...t.state.configurable, thread_id: threadId } : null),
      state: isSnapshot(t.state) ? toThreadState(t.state, threadId) : null,
      result: toWire(t.result ?? null),
    })),
    metadata: toWire(s.metadata ?? {}),
    created_at: s.createdAt ?? null,
    checkpoint: checkpointOf(s.config, threadId),
    parent_checkpoint: checkpointOf(s.parentConfig, threadId),
  };
}

/** Pending interrupts by task id. */
export function interruptsOf(s: StateSnapshot): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of s.tasks) if (t.interrupts.length) out[t.id] = toWire(t.interrupts) as unknown[];
  return out;
}

/** After a run: waiting on the user (or on pending work) is `interrupted`, otherwise `idle`. */
export function statusAfterRun(s: StateSnapshot, failed: boolean): ThreadStatus {
  if (failed) return 'error';
  return s.next.length > 0 || Object.keys(interruptsOf(s)).length > 0 ? 'interrupted' : 'idle';
}
