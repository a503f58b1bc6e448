/** Recording a thread's state after a run: its status, latest values and pending interrupts. */
import type { ThreadRepository } from '../../repositories/types.js';
import type { ServableGraph } from './assistant.js';
import { toWire } from './run-events.js';
import { interruptsOf, statusAfterRun } from './thread-state.js';

export interface ThreadRefreshDeps {
  threads: ThreadRepository;
  clock: () => Date;
}

export async function refreshThread(deps: ThreadRefreshDeps, tenant: string, threadId: string, graph: ServableGraph, failed: boolean): Promise<void> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  await deps.threads.update(tenant, threadId, {
    status: statusAfterRun(snapshot, failed),
    values: toWire(snapshot.values ?? {}) as Record<string, unknown>,
    interrupts: interruptsOf(snapshot),
    updated_at: deps.clock().toISOString(),
  });
}
