/**
 * Runs of a thread: start one and stream it (SSE), start one in the background, read, list,
 * cancel, rejoin a stream with `Last-Event-ID`, or wait for the end.
 */
import { Router, type Request, type Response } from 'express';
import { AppError } from '../../errors.js';
import { threadKey } from '../../repositories/thread-key.js';
import type { RunRecord, ThreadRecord } from '../../repositories/types.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { followRun } from '../runs/follow-run.js';
import { runPaths, streamRunToClient } from '../runs/stream-to-client.js';
import { CancelQuery, JoinQuery, RunCreate, RunListQuery, RunParams, StreamQuery, ThreadParams } from '../schemas.js';
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
    const thread = await threadForRun(req, thread_id, body);
    const run = await ctx.executor.start({ tenant: req.tenant, thread, body });
    req.log.info({ run_id: run.run_id }, 'run started');
    await streamRunToClient(req, res, {
      run,
      afterId: -1,
      events: ctx.repos.events,
      metrics: ctx.metrics,
      timing: ctx.settings,
      isOver: isOver(run),
      onDisconnect: body.on_disconnect === 'cancel' ? () => void ctx.executor.cancel(run.run_id).catch(() => undefined) : undefined,
    });
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
      await drain(run, res);
      return void res.status(204).end();
    }
    res.status(202).end();
  });

  router.get('/threads/:thread_id/runs/:run_id/join', async (req, res) => {
    const { thread_id, run_id } = parseRequest(RunParams, req.params, 'params');
    const thread = await requireThread(ctx, req, thread_id);
    const run = await requireRun(ctx, thread, run_id);
    await drain(run, res);
    const after = await requireThread(ctx, req, thread_id);
    res.json(threadJson(after).values ?? {});
  });

  /** Waits for the run to end by reading its log to the end. */
  async function drain(run: RunRecord, res: Response): Promise<void> {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    for await (const _ of followRun({ events: ctx.repos.events, runId: run.run_id, afterId: -1, signal: gone.signal, pollMs: ctx.settings.pollMs, livenessMs: ctx.settings.livenessMs, isOver: isOver(run) })) {
      // Only the end matters here.
    }
  }

  return router;
}
