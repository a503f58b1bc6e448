/**
 * Copying a thread's checkpoints to another thread, oldest first, with each checkpoint's parent
 * and pending writes (so a question the original waits on waits in the copy too).
 */
import type { BaseCheckpointSaver, CheckpointTuple, PendingWrite } from '@langchain/langgraph-checkpoint';

export async function copyCheckpoints(saver: BaseCheckpointSaver, fromKey: string, toKey: string): Promise<void> {
  const tuples: CheckpointTuple[] = [];
  for await (const t of saver.list({ configurable: { thread_id: fromKey } })) tuples.push(t);
  tuples.sort((a, b) => a.checkpoint.id.localeCompare(b.checkpoint.id));
  for (const t of tuples) {
    const ns = (t.config.configurable?.checkpoint_ns as string | undefined) ?? '';
    const parentId = t.parentConfig?.configurable?.checkpoint_id as string | undefined;
    const saved = await saver.put(
      { configurable: { thread_id: toKey, checkpoint_ns: ns, ...(parentId ? { checkpoint_id: parentId } : {}) } },
      t.checkpoint,
      t.metadata ?? { source: 'update', step: -1, parents: {} },
      t.checkpoint.channel_versions,
    );
    const byTask = new Map<string, PendingWrite[]>();
    for (const [taskId, channel, value] of t.pendingWrites ?? []) byTask.set(taskId, [...(byTask.get(taskId) ?? []), [channel, value]]);
    for (const [taskId, writes] of byTask) await saver.putWrites(saved, writes, taskId);
  }
}
