/**
 * A thread's key in the stores, the locks and the checkpointer: its id within its workspace.
 * Ids are chosen by clients, so two workspaces may use the same one; keyed this way neither
 * can see, take or learn of the other's thread. Thread ids never contain "/" (the API refuses
 * them), so a key names exactly one (workspace, id) pair.
 */
export type ThreadKey = string & { readonly __threadKey: unique symbol };

export function threadKey(workspace: string, threadId: string): ThreadKey {
  return `${workspace}/${threadId}` as ThreadKey;
}

/** The key of a run's (or a thread record's) thread. */
export function threadKeyOf(record: { workspace: string; thread_id: string }): ThreadKey {
  return threadKey(record.workspace, record.thread_id);
}
