/**
 * Taking and keeping a thread for one run: waiting in line (double-texting `enqueue`), then
 * renewing the lock while the run goes on, and noticing a cancel request made through any
 * process. A holder that cannot renew in time stops its run rather than race a successor.
 */
import type { Logger } from 'pino';
import { threadKeyOf } from '../../repositories/thread-key.js';
import type { RunRecord, RunRepository, ThreadLocks } from '../../repositories/types.js';

export interface TurnTiming {
  /** The lock lapses this long after its last renewal (a dead process frees a thread after it). */
  lockTtlMs: number;
  /** How often a waiting run tries again. */
  lockPollMs: number;
  /** A waiting run keeps its place this long after its last try. */
  waitLeaseMs: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Waits for the run's turn; false when it was cancelled (or settled by someone else) first. */
export async function waitForTurn(run: RunRecord, deps: { locks: ThreadLocks; runs: RunRepository; timing: TurnTiming }, signal: AbortSignal): Promise<boolean> {
  const { locks, runs, timing } = deps;
  while (!signal.aborted) {
    if (await locks.tryAcquire(threadKeyOf(run), run.run_id, { ttlMs: timing.lockTtlMs, waitLeaseMs: timing.waitLeaseMs })) return true;
    const current = await runs.get(run.run_id);
    if (!current || current.cancel_requested || current.status !== 'pending') return false;
    await sleep(timing.lockPollMs, signal);
  }
  return false;
}

export interface TurnKeeper {
  stop(): void;
}

/**
 * Renews the lock every third of its lifetime and checks for a cancel request. `onLost` is
 * called when the lock is gone; `onCancel` when a cancel was requested elsewhere.
 */
export function keepTurn(
  run: RunRecord,
  deps: { locks: ThreadLocks; runs: RunRepository; timing: TurnTiming; logger: Logger },
  on: { lost(): void; cancel(): void },
): TurnKeeper {
  const { locks, runs, timing, logger } = deps;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      if (!(await locks.renew(threadKeyOf(run), run.run_id, timing.lockTtlMs))) {
        if (!stopped) on.lost();
        return;
      }
      if ((await runs.get(run.run_id))?.cancel_requested && !stopped) on.cancel();
    } catch (err) {
      // A short store outage: keep trying; past the lock's lifetime the renewal answers "lost".
      logger.warn({ err, run_id: run.run_id, thread_id: run.thread_id }, 'could not renew the thread lock');
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), Math.max(10, Math.floor(timing.lockTtlMs / 3)));
    timer.unref();
  };
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
