/**
 * Runs of a thread: start one and stream it (SSE), start one in the background, start one and
 * wait for its result, read, list, cancel, rejoin a stream with `Last-Event-ID` (a run's, or the
 * thread's latest run's), or wait for the end. Thread-less runs (`/runs/stream`, `/runs/wait`,
 * `/runs`) get a thread of their own, deleted once the run is over unless `on_completion: keep`.
 */
import { Router, type Request, type Response } from 'express';
import { AppError } from '../../errors.js';
import { threadKey } from '../../repositories/thread-key.js';
import type { RunRecord, ThreadRecord } from '../../repositories/types.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { followRun } from '../runs/follow-run.js';
import { removeThread } from '../runs/remove-thread.js';
import { runPaths, streamNothing, streamRunToClient } from '../runs/stream-to-client.js';
import { CancelQuery, JoinQuery, RunCreate, RunListQuery, RunParams, StreamQuery, ThreadParams, ThreadStreamQuery, type StreamMode } from '../schemas.js';
import { requireRun, requireThread, runJson, threadJson } from './thread-access.js';

const TERMINAL = new Set(['success', 'error', 'interrupted']);

function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** `Last-Event-ID`: the id of the last event the client has; absent or -1 = from the start. */
function lastEventId(req: Request): number {
  const raw = req.get('last-event-id');
  if (raw === undefined || raw.trim() === '') return -1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -1) throw new AppError('invalid_input', 'The Last-Event-ID header must be an event id (a whole number, -1 for the start).', { field: 'headers.last-event-id' });
  return n;
}

export function runsRouter(ctx: ServerContext): Router {
  const router = Router();

  /** The thread of a new run; `if_not_exists: create` makes it. */
  async function threadForRun(req: Request, threadId: string, body: RunCreate): Promise<ThreadRecord> {
    if (body.if_not_exists === 'create') {
      const now = ctx.clock().toISOString();
      await ctx.repos.threads.create({ thread_id: threadId, workspace: req.tenant, created_at: now, updated_at: now, metadata: {}, status: 'idle', title: '', values: null, interrupts: {} });
    }
    return requireThread(ctx, req, threadId);
  }

  /** A thread for a run that names none: its own, kept only when asked (`on_completion: keep`). */
  async function ownThread(req: Request, body: RunCreate): Promise<ThreadRecord> {
    if (body.checkpoint_id !== undefined || body.checkpoint) {
      throw new AppError('invalid_input', 'A run without a thread starts a new one, with no checkpoint to start from: send it to /threads/{thread_id}/runs to start from a checkpoint.', { field: 'body.checkpoint_id' });
    }
    const now = ctx.clock().toISOString();
    const thread: ThreadRecord = { thread_id: ctx.newId(), workspace: req.tenant, created_at: now, updated_at: now, metadata: {}, status: 'idle', title: '', values: null, interrupts: {} };
    await ctx.repos.threads.create(thread);
    req.log = req.log.child({ thread_id: thread.thread_id });
    return thread;
  }

  /** Deletes a thread-less run's thread once the run is over and `answered` (its response) too. */
  function discardWhenDone(req: Request, run: RunRecord, body: RunCreate, answered: Promise<void>): void {
    if (body.on_completion === 'keep') return;
    const remove = async () => {
      await Promise.all([drainRun(run), answered]);
      await removeThread(ctx, run.workspace, run.thread_id);
    };
    remove().catch((err: unknown) => req.log.warn({ err }, 'could not delete the thread of a thread-less run'));
  }

  async function start(req: Request, thread: ThreadRecord, body: RunCreate): Promise<RunRecord> {
    const run = await ctx.executor.start({ tenant: req.tenant, thread, body });
    req.log.info({ run_id: run.run_id }, 'run started');
    return run;
  }

  async function streamRun(req: Request, res: Response, run: RunRecord, body: RunCreate): Promise<void> {
    await streamRunToClient(req, res, {
      run,
      afterId: -1,
      events: ctx.repos.events,
      metrics: ctx.metrics,
      timing: ctx.settings,
      isOver: isOver(run),
      onDisconnect: body.on_disconnect === 'cancel' ? () => void ctx.executor.cancel(run.run_id).catch(() => undefined) : undefined,
    });
  }

  /**
   * Answers with the run's last values (`{__error__}` when it failed), as the official server's
   * wait does; a newline now and then keeps proxies from closing a long wait.
   */
  async function answerWhenDone(res: Response, run: RunRecord): Promise<void> {
    res.setHeader('Content-Location', runPaths(run).contentLocation);
    res.status(200).type('application/json');
    res.flushHeaders();
    const keepAlive = setInterval(() => res.write('\n'), ctx.settings.keepAliveMs);
    keepAlive.unref();
    try {
      const result = await resultOf(run, res);
      res.end(JSON.stringify(result ?? (await ctx.repos.threads.get(run.workspace, run.thread_id))?.values ?? null));
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Waiting needs the values: they are streamed whatever else was asked. */
  const withValues = (body: RunCreate): RunCreate => {
    const modes: StreamMode[] = body.stream_mode === undefined ? [] : Array.isArray(body.stream_mode) ? body.stream_mode : [body.stream_mode];
    return modes.includes('values') ? body : { ...body, stream_mode: [...modes, 'values'] };
  };

  router.post('/runs/stream', async (req, res) => {
    const body = parseRequest(RunCreate, req.body ?? {}, 'body');
    const run = await start(req, await ownThread(req, body), body);
    const answered = streamRun(req, res, run, body);
    discardWhenDone(req, run, body, answered);
    await answered;
  });

  router.post('/runs/wait', async (req, res) => {
    const body = withValues(parseRequest(RunCreate, req.body ?? {}, 'body'));
    const run = await start(req, await ownThread(req, body), body);
    const answered = answerWhenDone(res, run);
    discardWhenDone(req, run, body, answered);
    await answered;
  });

  router.post('/runs', async (req, res) => {
    const body = parseRequest(RunCreate, req.body ?? {}, 'body');
    const run = await start(req, await ownThread(req, body), body);
    discardWhenDone(req, run, body, Promise.resolve());
    res.setHeader('Content-Location', runPaths(run).contentLocation);
    res.json(runJson(run));
  });

  router.post('/threads/:thread_id/runs/wait', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const body = withValues(parseRequest(RunCreate, req.body ?? {}, 'body'));
    const run = await start(req, await threadForRun(req, thread_id, body), body);
    await answerWhenDone(res, run);
  });

  /** The thread's current run, else its latest, from `Last-Event-ID`; a thread that never ran just ends. */
  router.get('/threads/:thread_id/stream', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const q = parseRequest(ThreadStreamQuery, req.query, 'query');
    const afterId = lastEventId(req);
    const thread = await requireThread(ctx, req, thread_id);
    const [latest] = await ctx.repos.runs.listByThread(threadKey(req.tenant, thread.thread_id), { limit: 1, offset: 0 });
    if (!latest) return streamNothing(res, ctx.settings);
    const run = await ctx.executor.settle(latest);
    // `run_modes` is every mode the run streams; a run's own mode names pick those.
    const modes = asList(q.stream_mode).filter((m) => m !== 'run_modes');
    await streamRunToClient(req, res, { run, afterId, modes: modes.length && modes.length === asList(q.stream_mode).length ? new Set(modes) : undefined, events: ctx.repos.events, metrics: ctx.metrics, timing: ctx.settings, isOver: isOver(run) });
  });

  const isOver = (run: RunRecord) => async () => {
    if (ctx.executor.isLocal(run.run_id)) return false;
    const current = await ctx.repos.runs.get(run.run_id);
    if (!current) return true;
    return TERMINAL.has((await ctx.executor.settle(current)).status);
  };

  router.post('/threads/:thread_id/runs/stream', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    parseRequest(StreamQuery, req.query, 'query');
    const body = parseRequest(RunCreate, req.body ?? {}, 'body');
    const run = await start(req, await threadForRun(req, thread_id, body), body);
    await streamRun(req, res, run, body);
  });

  router.post('/threads/:thread_id/runs', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const body = parseRequest(RunCreate, req.body ?? {}, 'body');
    const thread = await threadForRun(req, thread_id, body);
    const run = await ctx.executor.start({ tenant: req.tenant, thread, body });
    res.setHeader('Content-Location', runPaths(run).contentLocation);
    res.json(runJson(run));
  });

  router.get('/threads/:thread_id/runs', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const q = parseRequest(RunListQuery, req.query, 'query');
    await requireThread(ctx, req, thread_id);
    const runs = await ctx.repos.runs.listByThread(threadKey(req.tenant, thread_id), { limit: q.limit, offset: q.offset, status: q.status });
    res.json(await Promise.all(runs.map(async (r) => runJson(await ctx.executor.settle(r)))));
  });

  router.get('/threads/:thread_id/runs/:run_id', async (req, res) => {
    const { thread_id, run_id } = parseRequest(RunParams, req.params, 'params');
    res.json(runJson(await requireRun(ctx, await requireThread(ctx, req, thread_id), run_id)));
  });

  router.get('/threads/:thread_id/runs/:run_id/stream', async (req, res) => {
    const { thread_id, run_id } = parseRequest(RunParams, req.params, 'params');
    const q = parseRequest(JoinQuery, req.query, 'query');
    const afterId = lastEventId(req);
    const run = await requireRun(ctx, await requireThread(ctx, req, thread_id), run_id);
    const modes = asList(q.stream_mode);
    await streamRunToClient(req, res, {
      run,
      afterId,
      modes: modes.length ? new Set(modes) : undefined,
      events: ctx.repos.events,
      metrics: ctx.metrics,
      timing: ctx.settings,
      isOver: isOver(run),
      onDisconnect: q.cancel_on_disconnect === '1' || q.cancel_on_disconnect === 'true' ? () => void ctx.executor.cancel(run.run_id).catch(() => undefined) : undefined,
    });
  });

  router.post('/threads/:thread_id/runs/:run_id/cancel', async (req, res) => {
    const { thread_id, run_id } = parseRequest(RunParams, req.params, 'params');
    const q = parseRequest(CancelQuery, req.query, 'query');
    const run = await requireRun(ctx, await requireThread(ctx, req, thread_id), run_id);
    if (TERMINAL.has(run.status)) return void res.status(q.wait === '1' || q.wait === 'true' ? 204 : 202).end();
    await ctx.executor.cancel(run_id);
    if (q.wait === '1' || q.wait === 'true') {
      await drainRun(run, res);
      return void res.status(204).end();
    }
    res.status(202).end();
  });

  router.get('/threads/:thread_id/runs/:run_id/join', async (req, res) => {
    const { thread_id, run_id } = parseRequest(RunParams, req.params, 'params');
    const thread = await requireThread(ctx, req, thread_id);
    const run = await requireRun(ctx, thread, run_id);
    const result = await resultOf(run, res);
    const after = await requireThread(ctx, req, thread_id);
    res.json(result ?? threadJson(after).values ?? {});
  });

  /** Waits for the run to end by reading its log to the end (while `res`, when given, is still open). */
  async function drainRun(run: RunRecord, res?: Response): Promise<void> {
    await resultOf(run, res);
  }

  /** The run's last values, `{__error__}` when it failed, or null when it streamed no values. */
  async function resultOf(run: RunRecord, res?: Response): Promise<unknown> {
    const gone = new AbortController();
    res?.on('close', () => gone.abort());
    let last: unknown = null;
    for await (const e of followRun({ events: ctx.repos.events, runId: run.run_id, afterId: -1, signal: gone.signal, pollMs: ctx.settings.pollMs, livenessMs: ctx.settings.livenessMs, isOver: isOver(run) })) {
      if (e.event === 'values') last = e.data;
      else if (e.event === 'error') {
        const { name, message } = e.data as { name?: string; message?: string };
        last = { __error__: { error: name ?? 'internal', message: message ?? '' } };
      }
    }
    return last;
  }

  return router;
}
