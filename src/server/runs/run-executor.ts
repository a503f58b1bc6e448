/**
 * Runs graph turns in the background, independent of any HTTP connection: each run takes its
 * thread's lock (or waits in line), streams the graph into the run's numbered event log, then
 * records the outcome on the run and the thread. Streams are readers of that log, so a client
 * that disconnects loses nothing and can rejoin (on any process sharing the store).
 */
import type { Logger } from 'pino';
import { AppError, toAppError } from '../../errors.js';
import { threadKeyOf } from '../../repositories/thread-key.js';
import type { Repositories, RunRecord, RunStatus, ThreadRecord } from '../../repositories/types.js';
import { errorEventData, publicBody } from '../http-errors.js';
import type { ServerMetrics } from '../metrics.js';
import type { RunCreate } from '../schemas.js';
import { servedWorkspace, type AssistantRegistry, type RunContext, type ServedAssistant, type WorkspaceDirectory } from './assistant.js';
import { graphRunError, stopError, streamModes, type StopReason } from './run-input.js';
import { prepareRun } from './run-request.js';
import { RunLiveness } from './run-liveness.js';
import { completedMessages, isRequested, libraryModes, toRunEvent } from './run-events.js';
import { refreshThread, type ThreadRefreshDeps } from './thread-refresh.js';
import { keepTurn, waitForTurn, type TurnTiming } from './thread-turn.js';

export interface RunExecutorOptions {
  repositories: Repositories;
  assistants: AssistantRegistry;
  workspaces: WorkspaceDirectory;
  clock: () => Date;
  /** The reference time of each run's computations. */
  referenceTime: () => Date;
  newId: () => string;
  logger: Logger;
  metrics: ServerMetrics;
  timing: TurnTiming & { runTimeoutMs: number; sweepMs: number };
}

export interface StartRunRequest {
  tenant: string;
  thread: ThreadRecord;
  body: RunCreate;
}

/** A run's checked graph input (boxed: null is an input too, "continue"). */
interface Prepared {
  value: unknown;
}

type RunPlan = StartRunRequest & { assistant: ServedAssistant; input: Prepared | undefined };

interface ActiveRun {
  controller: AbortController;
  stopReason?: StopReason;
  done: Promise<void>;
}

export class RunExecutor {
  private readonly active = new Map<string, ActiveRun>();
  private draining = false;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly liveness: RunLiveness;
  private readonly threadDeps: ThreadRefreshDeps;

  constructor(private readonly o: RunExecutorOptions) {
    this.threadDeps = { threads: o.repositories.threads, clock: o.clock };
    this.liveness = new RunLiveness({ repositories: o.repositories, assistants: o.assistants, clock: o.clock, logger: o.logger, waitLeaseMs: o.timing.waitLeaseMs, thread: this.threadDeps });
  }

  get activeCount(): number {
    return this.active.size;
  }

  /** Whether the run executes in this process (then it is certainly alive). */
  isLocal(runId: string): boolean {
    return this.active.has(runId);
  }

  /** Creates the run and starts it (or puts it in line); errors here are HTTP errors. */
  async start({ tenant, thread, body }: StartRunRequest): Promise<RunRecord> {
    if (this.draining) throw new AppError('unavailable', 'The service is restarting. Try again in a moment.');
    const { repositories: repos, timing } = this.o;
    const assistant = this.o.assistants.get(body.assistant_id);
    const strategy = body.multitask_strategy ?? 'reject';
    const now = this.o.clock().toISOString();
    const run: RunRecord = {
      run_id: this.o.newId(),
      thread_id: thread.thread_id,
      assistant_id: assistant.assistantId,
      workspace: tenant,
      created_at: now,
      updated_at: now,
      status: 'pending',
      metadata: body.metadata ?? {},
      multitask_strategy: strategy,
      kwargs: { stream_mode: streamModes(body), stream_subgraphs: body.stream_subgraphs ?? false, on_disconnect: body.on_disconnect ?? 'continue' },
    };
    await repos.runs.create(run);
    const waits = strategy !== 'reject';
    let acquired: boolean;
    try {
      acquired = await repos.locks.tryAcquire(threadKeyOf(run), run.run_id, { ttlMs: timing.lockTtlMs, ...(waits ? { waitLeaseMs: timing.waitLeaseMs } : {}) });
    } catch (err) {
      await repos.runs.delete(run.run_id).catch(() => undefined);
      throw err;
    }
    if (!acquired && !waits) {
      await repos.runs.delete(run.run_id);
      throw new AppError('conflict', 'This conversation is still answering the previous message. Wait for it to finish, or send with multitask_strategy "enqueue" to queue this one.', { thread_id: thread.thread_id });
    }
    // Holding the thread, the request is checked against its state now, so a bad one is an HTTP
    // error; a run that waits in line is checked when its turn comes (an error event then).
    let input: Prepared | undefined;
    if (acquired) {
      try {
        input = { value: await this.prepare(run, body, assistant) };
      } catch (err) {
        await repos.locks.release(threadKeyOf(run), run.run_id).catch(() => undefined);
        await repos.runs.delete(run.run_id).catch(() => undefined);
        throw err;
      }
    }
    if (!acquired && strategy === 'interrupt') {
      const holder = await repos.locks.holder(threadKeyOf(run));
      if (holder) await this.cancel(holder);
    }
    const active: ActiveRun = { controller: new AbortController(), done: Promise.resolve() };
    this.active.set(run.run_id, active);
    this.o.metrics.activeRuns.set(this.active.size);
    active.done = this.execute(run, { tenant, thread, body, assistant, input }, acquired, active);
    return run;
  }

  /** The graph input of the run, checked against the thread's state at the checkpoint it starts from. */
  private async prepare(run: RunRecord, body: RunCreate, assistant: ServedAssistant): Promise<unknown> {
    const checkpointId = body.checkpoint_id ?? body.checkpoint?.checkpoint_id;
    const snapshot = await assistant.graph.getState({
      configurable: { thread_id: threadKeyOf(run), ...(checkpointId ? { checkpoint_id: checkpointId, checkpoint_ns: body.checkpoint?.checkpoint_ns ?? '' } : {}) },
    });
    return prepareRun(body, assistant, { snapshot, context: this.runContext(run) });
  }

  private runContext(run: RunRecord): RunContext {
    return {
      tenant: run.workspace,
      workspace: () => servedWorkspace(this.o.workspaces, run.workspace),
      threadId: run.thread_id,
      runId: run.run_id,
      now: this.o.referenceTime(),
    };
  }

  /** Asks a run to stop, wherever it runs; a local one stops at once. */
  async cancel(runId: string): Promise<RunRecord | undefined> {
    this.stopLocal(runId, 'cancel');
    return this.o.repositories.runs.transition(runId, ['pending', 'running'], { cancel_requested: true, updated_at: this.o.clock().toISOString() });
  }

  /**
   * The run as it really is: a run marked running whose process is gone is settled as an error,
   * once, by whoever notices first.
   */
  settle(run: RunRecord): Promise<RunRecord> {
    return this.liveness.settle(run, this.active.has(run.run_id));
  }

  /**
   * Settles runs whose process died, now and every `sweepMs`: once a dead process's lock lapses
   * its run is marked `unavailable` and its thread is free, whether or not anyone asks about it.
   */
  startSweeping(): void {
    if (this.sweeper) return;
    let sweeping = false;
    const sweep = () => {
      // One sweep at a time, however long a slow store makes one.
      if (sweeping) return;
      sweeping = true;
      this.liveness
        .sweep((id) => this.active.has(id))
        .catch((err: unknown) => this.o.logger.warn({ err }, 'could not look for runs abandoned by a stopped process'))
        .finally(() => {
          sweeping = false;
        });
    };
    sweep();
    this.sweeper = setInterval(sweep, this.o.timing.sweepMs);
    this.sweeper.unref();
  }

  /** Shutdown: lets runs finish for `graceMs`, then stops the rest so their threads are free at once. */
  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    clearInterval(this.sweeper);
    const all = () => Promise.all([...this.active.values()].map((a) => a.done));
    await Promise.race([all(), new Promise((r) => setTimeout(r, graceMs).unref())]);
    for (const runId of this.active.keys()) this.stopLocal(runId, 'shutdown');
    await Promise.race([all(), new Promise((r) => setTimeout(r, 5000).unref())]);
  }

  private stopLocal(runId: string, reason: StopReason): void {
    const active = this.active.get(runId);
    if (!active || active.controller.signal.aborted) return;
    active.stopReason = reason;
    active.controller.abort(new Error(`run stopped: ${reason}`));
  }

  private async execute(run: RunRecord, ctx: RunPlan, acquired: boolean, active: ActiveRun): Promise<void> {
    const { repositories: repos, logger, metrics, timing } = this.o;
    const log = logger.child({ run_id: run.run_id, thread_id: run.thread_id });
    const { signal } = active.controller;
    const startedAt = performance.now();
    let outcome: RunStatus = 'error';
    let error: AppError | undefined;
    let holding = acquired;
    let started = false;
    let keeper: { stop(): void } | undefined;
    let deadline: NodeJS.Timeout | undefined;
    try {
      if (!holding) holding = await waitForTurn(run, { locks: repos.locks, runs: repos.runs, timing }, signal);
      const running = holding ? await repos.runs.transition(run.run_id, ['pending'], { status: 'running', updated_at: this.o.clock().toISOString() }) : undefined;
      if (!running || running.cancel_requested) {
        outcome = 'interrupted';
        return;
      }
      started = true;
      // However the graph and its model behave, a run ends: stopped like a cancel, reported as `timeout`.
      deadline = setTimeout(() => this.stopLocal(run.run_id, 'deadline'), timing.runTimeoutMs);
      keeper = keepTurn(run, { locks: repos.locks, runs: repos.runs, timing, logger: log }, {
        lost: () => this.stopLocal(run.run_id, 'lost_lock'),
        cancel: () => this.stopLocal(run.run_id, 'cancel'),
      });
      await this.liveness.settleOrphans(run, (id) => this.active.has(id));
      await repos.events.append(run.run_id, { event: 'metadata', data: { run_id: run.run_id, attempt: 1 } });
      const input = ctx.input ?? { value: await this.prepare(run, ctx.body, ctx.assistant) };
      await this.markBusy(ctx);
      await this.stream(run, ctx, input.value, signal, startedAt);
      outcome = 'success';
    } catch (err) {
      if (active.stopReason === 'cancel') outcome = 'interrupted';
      else {
        outcome = 'error';
        error = stopError(active.stopReason, timing.runTimeoutMs) ?? graphRunError(err) ?? toAppError(err);
        if (error.code === 'internal') log.error({ err }, 'run failed');
        else log.warn({ code: error.code, message: error.message }, 'run failed');
        await repos.events.append(run.run_id, { event: 'error', data: errorEventData(error) }).catch(() => undefined);
      }
    } finally {
      clearTimeout(deadline);
      keeper?.stop();
      await this.finish(run, ctx, { outcome, error, started, holding: holding || started }, log);
      this.active.delete(run.run_id);
      metrics.activeRuns.set(this.active.size);
      metrics.runs.inc({ status: outcome });
      metrics.runDuration.observe({ status: outcome }, (performance.now() - startedAt) / 1000);
    }
  }

  private async stream(run: RunRecord, ctx: RunPlan, input: unknown, signal: AbortSignal, startedAt: number): Promise<void> {
    const { body, assistant } = ctx;
    const deps = await assistant.configurable(this.runContext(run));
    const checkpointId = body.checkpoint_id ?? body.checkpoint?.checkpoint_id;
    const subgraphs = body.stream_subgraphs ?? false;
    const requested = streamModes(body);
    const completed = requested.includes('messages') ? completedMessages() : undefined;
    const stream = await assistant.graph.stream(input, {
      configurable: { ...deps, thread_id: threadKeyOf(run), ...(checkpointId ? { checkpoint_id: checkpointId, checkpoint_ns: body.checkpoint?.checkpoint_ns ?? '' } : {}) },
      streamMode: libraryModes(requested),
      subgraphs,
      signal,
      metadata: { ...body.metadata, run_id: run.run_id, thread_id: run.thread_id, assistant_id: assistant.assistantId },
      ...(body.config?.recursion_limit ? { recursionLimit: body.config.recursion_limit } : {}),
      ...(body.interrupt_before ? { interruptBefore: body.interrupt_before } : {}),
      ...(body.interrupt_after ? { interruptAfter: body.interrupt_after } : {}),
      ...(body.durability ? { durability: body.durability } : {}),
    });
    let first = true;
    for await (const chunk of stream) {
      const event = toRunEvent(chunk, subgraphs, run.thread_id);
      if (!event) continue;
      const [mode, ...ns] = event.event.split('|');
      const fresh = mode === 'values' && completed ? completed(event.data) : [];
      const out = [...(isRequested(mode!, requested) ? [event] : []), ...(fresh.length ? [{ event: ['messages/complete', ...ns].join('|'), data: fresh }] : [])];
      for (const e of out) {
        if (first) this.o.metrics.runFirstEvent.observe((performance.now() - startedAt) / 1000);
        first = false;
        await this.o.repositories.events.append(run.run_id, e);
      }
    }
  }

  private async markBusy({ tenant, thread, body, assistant }: StartRunRequest & { assistant: ServedAssistant }): Promise<void> {
    const title = thread.title || (body.input != null ? assistant.title?.(body.input) : undefined) || '';
    await this.o.repositories.threads.update(tenant, thread.thread_id, {
      status: 'busy',
      updated_at: this.o.clock().toISOString(),
      title,
      metadata: { ...thread.metadata, assistant_id: assistant.assistantId, graph_id: assistant.assistantId },
    });
  }

  /** Order matters: thread state, then run status, then the log's end; a client that sees the end finds both updated. */
  private async finish(
    run: RunRecord,
    ctx: { tenant: string; assistant: ServedAssistant },
    r: { outcome: RunStatus; error?: AppError; started: boolean; holding: boolean },
    log: Logger,
  ): Promise<void> {
    const { repositories: repos, clock } = this.o;
    if (r.started) await refreshThread(this.threadDeps, run, ctx.assistant.graph, r.outcome === 'error').catch((err) => log.warn({ err }, 'could not record the thread state'));
    await repos.runs
      .transition(run.run_id, ['pending', 'running'], { status: r.outcome, updated_at: clock().toISOString(), ...(r.error ? { error: publicBody(r.error) } : {}) })
      .catch((err) => log.warn({ err }, 'could not record the run outcome'));
    await repos.events.end(run.run_id).catch((err) => log.warn({ err }, 'could not close the run event log'));
    await repos.locks.release(threadKeyOf(run), run.run_id).catch((err) => log.warn({ err }, 'could not release the thread lock'));
  }



}
