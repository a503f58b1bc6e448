/**
 * Runs whose process died: a run marked running while another run holds its thread (or nobody
 * does, its lock having lapsed) will never end by itself. Whoever notices first settles it as an
 * error (compare-and-set, so once), with code `unavailable` as a graceful stop has, closes its
 * event log so streams following it end, and records its thread's state so the thread is no
 * longer `busy`. Every process sweeps the unfinished runs at start-up and then periodically, so
 * this happens within a lock's lifetime of the death, whether or not anyone asks about the run.
 */
import type { Logger } from 'pino';
import { AppError } from '../../errors.js';
import { threadKeyOf } from '../../repositories/thread-key.js';
import type { Repositories, RunRecord } from '../../repositories/types.js';
import { errorEventData, publicBody } from '../http-errors.js';
import type { AssistantRegistry } from './assistant.js';
import { refreshThread, type ThreadRefreshDeps } from './thread-refresh.js';

const ABANDONED = 'The service stopped while answering this message. The conversation continues from its last saved step: resume it, or send the message again.';

export interface RunLivenessOptions {
  repositories: Repositories;
  assistants: AssistantRegistry;
  clock: () => Date;
  logger: Logger;
  /** A pending run younger than this may not be in line yet. */
  waitLeaseMs: number;
  thread: ThreadRefreshDeps;
}

export class RunLiveness {
  constructor(private readonly o: RunLivenessOptions) {}

  /** The run as it really is; `local`: it executes in this process (so it is alive). */
  async settle(run: RunRecord, local: boolean): Promise<RunRecord> {
    if ((run.status !== 'running' && run.status !== 'pending') || local) return run;
    const { locks, runs } = this.o.repositories;
    if ((await locks.holder(threadKeyOf(run))) === run.run_id) return run;
    if (run.status === 'pending') {
      // Between its creation and its first try a run is in no line yet.
      const young = this.o.clock().getTime() - Date.parse(run.created_at) < this.o.waitLeaseMs;
      if (young || (await locks.isWaiting(threadKeyOf(run), run.run_id))) return run;
    }
    const fresh = await runs.get(run.run_id);
    if (!fresh || (fresh.status !== 'running' && fresh.status !== 'pending')) return fresh ?? run;
    return (await this.abandon(fresh)) ?? (await runs.get(run.run_id)) ?? fresh;
  }

  /** Settles every unfinished run of another process whose lock has lapsed; returns how many. */
  async sweep(isLocal: (runId: string) => boolean): Promise<number> {
    let settled = 0;
    for (const run of await this.o.repositories.runs.listUnfinished()) {
      if (isLocal(run.run_id)) continue;
      const after = await this.settle(run, false);
      if (after.status !== run.status) settled++;
    }
    return settled;
  }

  /** Runs still marked running on a thread that `run` now holds died with their process. */
  async settleOrphans(run: RunRecord, isLocal: (runId: string) => boolean): Promise<void> {
    const others = await this.o.repositories.runs.listByThread(threadKeyOf(run), { limit: 100, offset: 0, status: 'running' });
    for (const other of others) if (other.run_id !== run.run_id && !isLocal(other.run_id)) await this.abandon(other, false);
  }

  private async abandon(run: RunRecord, refresh = true): Promise<RunRecord | undefined> {
    const { repositories: repos, clock } = this.o;
    const error = new AppError('unavailable', ABANDONED);
    const settled = await repos.runs.transition(run.run_id, [run.status], { status: 'error', error: publicBody(error), updated_at: clock().toISOString() });
    if (!settled) return undefined;
    this.o.logger.warn({ run_id: run.run_id, thread_id: run.thread_id }, 'settled a run whose process stopped');
    await repos.events.append(run.run_id, { event: 'error', data: errorEventData(error) }).catch(() => undefined);
    await repos.events.end(run.run_id).catch(() => undefined);
    if (refresh && run.status === 'running') {
      await refreshThread(this.o.thread, run, this.o.assistants.get(run.assistant_id).graph, false).catch(() => undefined);
    }
    return settled;
  }
}
