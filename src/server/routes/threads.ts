/** Threads: create, read, update, delete, search, and their checkpointed state and history. */
import type { RunnableConfig } from '@langchain/core/runnables';
import type { StateSnapshot } from '@langchain/langgraph';
import { Router } from 'express';
import { AppError } from '../../errors.js';
import { threadKey, threadKeyOf } from '../../repositories/thread-key.js';
import type { ThreadRecord } from '../../repositories/types.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { toThreadState } from '../runs/thread-state.js';
import { StateQuery, ThreadCreate, ThreadHistory, ThreadParams, ThreadPatch, ThreadSearch } from '../schemas.js';
import { z } from 'zod';
import { pick, requireThread, threadJson } from './thread-access.js';

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
    res.json(threads.map((t) => pick(threadJson(t), q.select)));
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
    const key = threadKey(req.tenant, thread_id);
    const runs = await ctx.repos.runs.listByThread(key, { limit: 10_000, offset: 0 });
    for (const run of runs) if (run.status === 'pending' || run.status === 'running') await ctx.executor.cancel(run.run_id);
    await ctx.repos.threads.delete(req.tenant, thread_id);
    for (const run of runs) await ctx.repos.events.deleteRun(run.run_id);
    await ctx.repos.runs.deleteByThread(key);
    await ctx.checkpointer.deleteThread(key);
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

  router.post('/threads/:thread_id/history', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const q = parseRequest(ThreadHistory, req.body ?? {}, 'body');
    const thread = await requireThread(ctx, req, thread_id);
    const graph = ctx.assistants.forThread(thread.metadata).graph;
    const config: RunnableConfig = { configurable: { thread_id: threadKeyOf(thread), checkpoint_ns: q.checkpoint?.checkpoint_ns ?? '', ...(q.checkpoint?.checkpoint_id ? { checkpoint_id: q.checkpoint.checkpoint_id } : {}) } };
    const beforeId = typeof q.before === 'string' ? q.before : q.before?.checkpoint_id;
    const before = beforeId ? { configurable: { checkpoint_id: beforeId } } : undefined;
    const states: StateSnapshot[] = [];
    for await (const s of graph.getStateHistory(config, { limit: q.limit, ...(before ? { before } : {}), ...(q.metadata ? { filter: q.metadata } : {}) })) states.push(s);
    res.json(states.map((s) => pick(toThreadState(s, thread_id), q.select)));
  });

  return router;
}

function isTrue(flag: string | undefined): boolean {
  return flag === 'true' || flag === '1';
}

async function stateAt(ctx: ServerContext, thread: ThreadRecord, selector: Record<string, string>, subgraphs: boolean) {
  const graph = ctx.assistants.forThread(thread.metadata).graph;
  const snapshot = await graph.getState({ configurable: { thread_id: threadKeyOf(thread), ...selector } }, { subgraphs });
  return toThreadState(snapshot, thread.thread_id);
}
