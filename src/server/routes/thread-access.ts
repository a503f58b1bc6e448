/** Finding a request's thread (404 unless it belongs to the request's workspace) and its JSON. */
import type { Request } from 'express';
import { AppError } from '../../errors.js';
import type { RunRecord, ThreadRecord } from '../../repositories/types.js';
import type { ServerContext } from '../context.js';

export async function requireThread(ctx: ServerContext, req: Request, threadId: string): Promise<ThreadRecord> {
  req.log = req.log.child({ thread_id: threadId });
  const thread = await ctx.repos.threads.get(req.tenant, threadId);
  // Another workspace's thread is answered exactly like a missing one.
  if (!thread) throw new AppError('not_found', `There is no thread ${threadId}.`);
  return thread;
}

export async function requireRun(ctx: ServerContext, thread: ThreadRecord, runId: string): Promise<RunRecord> {
  const run = await ctx.repos.runs.get(runId);
  if (!run || run.thread_id !== thread.thread_id || run.workspace !== thread.workspace) {
    throw new AppError('not_found', `There is no run ${runId} on thread ${thread.thread_id}.`);
  }
  return ctx.executor.settle(run);
}

/** The protocol's Thread (plus its title); the owning workspace stays internal. */
export function threadJson(t: ThreadRecord) {
  return {
    thread_id: t.thread_id,
    created_at: t.created_at,
    updated_at: t.updated_at,
    metadata: t.metadata,
    status: t.status,
    values: t.values,
    interrupts: t.interrupts,
    config: {},
    title: t.title,
  };
}

export function runJson(r: RunRecord) {
  return {
    run_id: r.run_id,
    thread_id: r.thread_id,
    assistant_id: r.assistant_id,
    created_at: r.created_at,
    updated_at: r.updated_at,
    status: r.status,
    metadata: r.metadata,
    multitask_strategy: r.multitask_strategy,
    kwargs: r.kwargs,
    ...(r.error ? { error: r.error } : {}),
  };
}

/** Keeps only the selected top-level fields (protocol `select`). */
export function pick<T extends object>(value: T, select: string[] | undefined): Partial<T> {
  if (!select?.length) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => select.includes(k))) as Partial<T>;
}
