/** Deleting a thread with everything it holds: its runs (stopped first), their event logs and its checkpoints. */
import { threadKey } from '../../repositories/thread-key.js';
import type { ServerContext } from '../context.js';

export async function removeThread(ctx: Pick<ServerContext, 'repos' | 'executor' | 'checkpointer'>, tenant: string, threadId: string): Promise<void> {
  const key = threadKey(tenant, threadId);
  const runs = await ctx.repos.runs.listByThread(key, { limit: 10_000, offset: 0 });
  for (const run of runs) if (run.status === 'pending' || run.status === 'running') await ctx.executor.cancel(run.run_id);
  await ctx.repos.threads.delete(tenant, threadId);
  for (const run of runs) await ctx.repos.events.deleteRun(run.run_id);
  await ctx.repos.runs.deleteByThread(key);
  await ctx.checkpointer.deleteThread(key);
}
