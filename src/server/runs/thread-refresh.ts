/** Recording a thread's state after a run: its status, latest values and pending interrupts. */
import { threadKeyOf } from '../../repositories/thread-key.js';
import type { ThreadRepository } from '../../repositories/types.js';
import type { ServableGraph } from './assistant.js';
import { toWire } from './run-events.js';
import { interruptsOf, statusAfterRun } from './thread-state.js';

export interface ThreadRefreshDeps {
  threads: ThreadRepository;
  clock: () => Date;
}

/** `thread`: the workspace and id of the thread (a run names them both). */
export async function refreshThread(deps: ThreadRefreshDeps, thread: { workspace: string; thread_id: string }, graph: ServableGraph, failed: boolean): Promise<void> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadKeyOf(thread) } });
  await deps.threads.update(thread.workspace, thread.thread_id, {
    status: statusAfterRun(snapshot, failed),
    values: toWire(snapshot.values ?? {}) as Record<string, unknown>,
    interrupts: interruptsOf(snapshot),
    updated_at: deps.clock().toISOString(),
  });
}
