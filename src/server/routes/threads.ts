/** Threads: create, read, update, delete, search, count, and their checkpointed state and history. */
import type { RunnableConfig } from '@langchain/core/runnables';
import type { StateSnapshot } from '@langchain/langgraph';
import { Router } from 'express';
import { AppError } from '../../errors.js';
import { threadKeyOf } from '../../repositories/thread-key.js';
import type { ThreadQuery, ThreadRecord } from '../../repositories/types.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { removeThread } from '../runs/remove-thread.js';
import { toThreadState } from '../runs/thread-state.js';
import { HistoryQuery, StateQuery, ThreadCount, ThreadCreate, ThreadHistory, ThreadParams, ThreadPatch, ThreadSearch } from '../schemas.js';
import { z } from 'zod';
import { setPagination } from './pagination.js';
import { pick, requireThread, threadJson } from './thread-access.js';

/** Every thread matching: a workspace's thread list is filtered in the process anyway. */
const EVERY: Pick<ThreadQuery, 'limit' | 'offset' | 'sortBy' | 'sortOrder'> = { limit: Number.MAX_SAFE_INTEGER, offset: 0, sortBy: 'thread_id', sortOrder: 'asc' };

export function threadsRouter(ctx: ServerContext): Router {
  const router = Router();

  router.post('/threads', async (req, res) => {
    const body = parseRequest(ThreadCreate, req.body ?? {}, 'body');
    const now = ctx.clock().toISOString();
    const thread: ThreadRecord = {
      thread_id: body.thread_id ?? ctx.newId(),
      workspace: req.tenant,
      created_at: now,
      updated_at: now,
      metadata: body.metadata ?? {},
      status: 'idle',
      title: '',
      values: null,
      interrupts: {},
    };
    if (!(await ctx.repos.threads.create(thread))) {
      const existing = body.if_exists === 'do_nothing' ? await ctx.repos.threads.get(req.tenant, thread.thread_id) : undefined;
      if (!existing) throw new AppError('conflict', `A thread with id ${thread.thread_id} already exists.`);
      return void res.json(threadJson(existing));
    }
    req.log.info({ thread_id: thread.thread_id }, 'thread created');
    res.json(threadJson(thread));
  });

  router.post('/threads/search', async (req, res) => {
    const q = parseRequest(ThreadSearch, req.body ?? {}, 'body');
    const threads = await ctx.repos.threads.search(req.tenant, {
      metadata: q.metadata,
      values: q.values,
      ids: q.ids,
      status: q.status,
      limit: q.limit,
      offset: q.offset,
      sortBy: q.sort_by,
      sortOrder: q.sort_order,
    });
    setPagination(res, { offset: q.offset, returned: threads.length, limit: q.limit });
    res.json(threads.map((t) => pick(threadJson(t), q.select)));
  });

  router.post('/threads/count', async (req, res) => {
    const q = parseRequest(ThreadCount, req.body ?? {}, 'body');
    const threads = await ctx.repos.threads.search(req.tenant, { ...EVERY, metadata: q.metadata, values: q.values, status: q.status });
    res.json(threads.length);
  });

  router.get('/threads/:thread_id', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    res.json(threadJson(await requireThread(ctx, req, thread_id)));
  });

  router.patch('/threads/:thread_id', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const body = parseRequest(ThreadPatch, req.body ?? {}, 'body');
    const thread = await requireThread(ctx, req, thread_id);
    const updated = await ctx.repos.threads.update(req.tenant, thread_id, {
      metadata: { ...thread.metadata, ...body.metadata },
      updated_at: ctx.clock().toISOString(),
    });
    if (!updated) throw new AppError('not_found', `There is no thread ${thread_id}.`);
    res.json(threadJson(updated));
  });

  router.delete('/threads/:thread_id', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    await requireThread(ctx, req, thread_id);
    await removeThread(ctx, req.tenant, thread_id);
    req.log.info('thread deleted');
    res.status(204).end();
  });

  router.get('/threads/:thread_id/state', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const { subgraphs } = parseRequest(StateQuery, req.query, 'query');
    res.json(await stateAt(ctx, await requireThread(ctx, req, thread_id), {}, isTrue(subgraphs)));
  });

  router.get('/threads/:thread_id/state/:checkpoint_id', async (req, res) => {
    const { thread_id, checkpoint_id } = parseRequest(ThreadParams.extend({ checkpoint_id: z.string().min(1).max(128) }), req.params, 'params');
    const { subgraphs } = parseRequest(StateQuery, req.query, 'query');
    res.json(await stateAt(ctx, await requireThread(ctx, req, thread_id), { checkpoint_id }, isTrue(subgraphs)));
  });

  router.post('/threads/:thread_id/state/checkpoint', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const body = parseRequest(
      z.strictObject({ checkpoint: z.strictObject({ checkpoint_id: z.string().optional(), checkpoint_ns: z.string().optional(), thread_id: z.string().optional(), checkpoint_map: z.record(z.string(), z.unknown()).nullable().optional() }), subgraphs: z.boolean().optional(), select: z.array(z.string()).optional() }),
      req.body ?? {},
      'body',
    );
    const { checkpoint_id, checkpoint_ns } = body.checkpoint;
    const selector = { ...(checkpoint_id ? { checkpoint_id } : {}), ...(checkpoint_ns !== undefined ? { checkpoint_ns } : {}) };
    res.json(await stateAt(ctx, await requireThread(ctx, req, thread_id), selector, body.subgraphs ?? false));
  });

  router.get('/threads/:thread_id/history', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const { limit, before } = parseRequest(HistoryQuery, req.query, 'query');
    const thread = await requireThread(ctx, req, thread_id);
    res.json(await history(ctx, thread, { limit, ...(before ? { before } : {}) }));
  });

  router.post('/threads/:thread_id/history', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const q = parseRequest(ThreadHistory, req.body ?? {}, 'body');
    const thread = await requireThread(ctx, req, thread_id);
    res.json(await history(ctx, thread, q));
  });

  return router;
}

/** The thread's checkpoints newest first, as ThreadStates. */
async function history(ctx: ServerContext, thread: ThreadRecord, q: Partial<ThreadHistory> & { limit: number }) {
  const graph = ctx.assistants.forThread(thread.metadata).graph;
  const config: RunnableConfig = { configurable: { thread_id: threadKeyOf(thread), checkpoint_ns: q.checkpoint?.checkpoint_ns ?? '', ...(q.checkpoint?.checkpoint_id ? { checkpoint_id: q.checkpoint.checkpoint_id } : {}) } };
  const beforeId = typeof q.before === 'string' ? q.before : q.before?.checkpoint_id;
  const before = beforeId ? { configurable: { checkpoint_id: beforeId } } : undefined;
  const states: StateSnapshot[] = [];
  for await (const s of graph.getStateHistory(config, { limit: q.limit, ...(before ? { before } : {}), ...(q.metadata ? { filter: q.metadata } : {}) })) states.push(s);
  return states.map((s) => pick(toThreadState(s, thread.thread_id), q.select));
}

function isTrue(flag: string | undefined): boolean {
  return flag === 'true' || flag === '1';
}

async function stateAt(ctx: ServerContext, thread: ThreadRecord, selector: Record<string, string>, subgraphs: boolean) {
  const graph = ctx.assistants.forThread(thread.metadata).graph;
  const snapshot = await graph.getState({ configurable: { thread_id: threadKeyOf(thread), ...selector } }, { subgraphs });
  return toThreadState(snapshot, thread.thread_id);
}
