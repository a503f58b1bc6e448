import { applyThreadQuery } from '../thread-query.js';
import { threadKey, threadKeyOf } from '../thread-key.js';
import type { ThreadQuery, ThreadRecord, ThreadRepository } from '../types.js';

/** Threads held in the process, by workspace and id. Records are copied in and out, like a real store would. */
export class MemoryThreadRepository implements ThreadRepository {
  private readonly threads = new Map<string, ThreadRecord>();

  async create(thread: ThreadRecord): Promise<boolean> {
    const key = threadKeyOf(thread);
    if (this.threads.has(key)) return false;
    this.threads.set(key, structuredClone(thread));
    return true;
  }

  async get(workspace: string, threadId: string): Promise<ThreadRecord | undefined> {
    const found = this.threads.get(threadKey(workspace, threadId));
    return found ? structuredClone(found) : undefined;
  }

  async update(workspace: string, threadId: string, patch: Partial<ThreadRecord>): Promise<ThreadRecord | undefined> {
    const key = threadKey(workspace, threadId);
    const found = this.threads.get(key);
    if (!found) return undefined;
    const next = { ...found, ...structuredClone(patch), thread_id: found.thread_id, workspace, created_at: found.created_at };
    this.threads.set(key, next);
    return structuredClone(next);
  }

  async delete(workspace: string, threadId: string): Promise<boolean> {
    return this.threads.delete(threadKey(workspace, threadId));
  }

  async search(workspace: string, query: ThreadQuery): Promise<ThreadRecord[]> {
    const own = [...this.threads.values()].filter((t) => t.workspace === workspace);
    return applyThreadQuery(own, query).map((t) => structuredClone(t));
  }
}
