/**
 * Changing a thread outside a run: writing state (`client.threads.updateState`, checked like a
 * run's `command.update`, while holding the thread so no run races it) and copying it.
 */
import { Router } from 'express';
import { AppError } from '../../errors.js';
import { threadKey, threadKeyOf } from '../../repositories/thread-key.js';
import type { ThreadKey, ThreadRecord } from '../../repositories/types.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { servedWorkspace, type RunContext } from '../runs/assistant.js';
import { copyCheckpoints } from '../runs/copy-checkpoints.js';
import { checkpointConfig } from '../runs/run-events.js';
import { nodeNames, threadView } from '../runs/run-request.js';
import { refreshThread } from '../runs/thread-refresh.js';
import { ThreadParams, ThreadStateUpdate } from '../schemas.js';
import { requireThread, threadJson } from './thread-access.js';

const TERMINAL = new Set(['success', 'error', 'interrupted']);

/**
 * Takes the thread's lock for a state update. A run that has just ended may still hold it for a
 * moment (its stream ends before it lets go): that is waited out; a run still going is a conflict.
 */
async function holdThread(ctx: ServerContext, key: ThreadKey, owner: string, threadId: string): Promise<void> {
  const deadline = Date.now() + ctx.settings.lockTtlMs;
  while (!(await ctx.repos.locks.tryAcquire(key, owner, { ttlMs: ctx.settings.lockTtlMs }))) {
    const holder = await ctx.repos.locks.holder(key);
    const run = holder ? await ctx.repos.runs.get(holder) : undefined;
    if ((run && !TERMINAL.has(run.status)) || Date.now() > deadline) {
      throw new AppError('conflict', 'This conversation is answering a message: update its state once the run has ended.', { thread_id: threadId });
    }
    await new Promise((resolve) => setTimeout(resolve, ctx.settings.lockPollMs));
  }
}

export function threadChangesRouter(ctx: ServerContext): Router {
  const router = Router();

  router.post('/threads/:thread_id/state', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const body = parseRequest(ThreadStateUpdate, req.body ?? {}, 'body');
    const thread = await requireThread(ctx, req, thread_id);
    const assistant = ctx.assistants.forThread(thread.metadata);
    if (body.as_node !== undefined && !nodeNames(assistant).has(body.as_node)) {
      throw new AppError('invalid_input', `body.as_node names "${body.as_node}", which is not a step of this assistant; its steps are ${[...nodeNames(assistant)].join(', ')}.`, { field: 'body.as_node' });
    }
    const owner = `state-update-${ctx.newId()}`;
    const key = threadKeyOf(thread);
    await holdThread(ctx, key, owner, thread_id);
    try {
      const checkpointId = body.checkpoint_id ?? body.checkpoint?.checkpoint_id;
      const at = { thread_id: key, ...(checkpointId ? { checkpoint_id: checkpointId, checkpoint_ns: body.checkpoint?.checkpoint_ns ?? '' } : {}) };
      const values = Array.isArray(body.values) ? Object.assign({}, ...body.values) as Record<string, unknown> : body.values ?? undefined;
      let update: Record<string, unknown> | undefined;
      if (values && Object.keys(values).length) {
        if (!assistant.checkCommand) throw new AppError('invalid_input', `The assistant "${assistant.assistantId}" takes no state updates from clients.`, { field: 'body.values' });
        const context: RunContext = { tenant: req.tenant, workspace: () => servedWorkspace(ctx.workspaces, req.tenant), threadId: thread_id, runId: '', now: ctx.referenceTime() };
        const snapshot = await assistant.graph.getState({ configurable: at });
        update = (await assistant.checkCommand({ update: values }, threadView(snapshot), context)).update;
      }
      const saved = await assistant.graph.updateState({ configurable: at }, update ?? null, body.as_node);
      await refreshThread({ threads: ctx.repos.threads, clock: ctx.clock }, thread, assistant.graph, false);
      res.json({ checkpoint: checkpointConfig(saved, thread_id)?.configurable ?? null });
    } finally {
      await ctx.repos.locks.release(key, owner).catch(() => undefined);
    }
  });

  router.post('/threads/:thread_id/copy', async (req, res) => {
    const { thread_id } = parseRequest(ThreadParams, req.params, 'params');
    const original = await requireThread(ctx, req, thread_id);
    const now = ctx.clock().toISOString();
    const copy: ThreadRecord = { ...original, thread_id: ctx.newId(), created_at: now, updated_at: now };
    await copyCheckpoints(ctx.checkpointer, threadKeyOf(original), threadKey(req.tenant, copy.thread_id));
    if (!(await ctx.repos.threads.create(copy))) throw new AppError('conflict', `A thread with id ${copy.thread_id} already exists.`);
    // Status, values and questions as the copied checkpoints have them (a copy made mid-run is not busy).
    await refreshThread({ threads: ctx.repos.threads, clock: ctx.clock }, copy, ctx.assistants.forThread(copy.metadata).graph, false);
    req.log.info({ copy_id: copy.thread_id }, 'thread copied');
    res.json(threadJson((await ctx.repos.threads.get(req.tenant, copy.thread_id)) ?? copy));
  });

  return router;
}
