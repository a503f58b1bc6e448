/**
 * Reading a run's event log from a position to its end, as it is written: woken at once by
 * appends in this process, polling for appends made by another. While nothing arrives it
 * checks now and then that the run is still alive, so a stream never waits forever on a run
 * whose process died.
 */
import type { LoggedRunEvent, RunEventLog } from '../../repositories/types.js';

export interface FollowRunOptions {
  events: RunEventLog;
  runId: string;
  /** Start after this event id (-1: from the start). */
  afterId: number;
  signal: AbortSignal;
  /** Longest wait for an append made by another process. */
  pollMs: number;
  /** How often to ask `isOver` while the log is quiet. */
  livenessMs: number;
  /** Whether the run has ended (settling it when its process is gone). */
  isOver(): Promise<boolean>;
}

export async function* followRun(o: FollowRunOptions): AsyncGenerator<LoggedRunEvent> {
  let after = o.afterId;
  let lastCheck = Date.now();
  while (!o.signal.aborted) {
    const { events, done } = await o.events.read(o.runId, after);
    for (const e of events) {
      after = e.id;
      yield e;
    }
    if (done) return;
    if (events.length) continue;
    if (Date.now() - lastCheck >= o.livenessMs) {
      lastCheck = Date.now();
      if (await o.isOver()) {
        // The run ended (its log may lack the end marker when the store failed): take what is left.
        const rest = await o.events.read(o.runId, after);
        yield* rest.events;
        return;
      }
      continue;
    }
    await o.events.waitForAppend(o.runId, o.pollMs, o.signal);
  }
}
