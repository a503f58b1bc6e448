import { applyThreadQuery } from '../thread-query.js';
import type { ThreadQuery, ThreadRecord, ThreadRepository } from '../types.js';

/** Threads held in the process. Records are copied in and out, like a real store would. */
export class MemoryThreadRepository implements ThreadRepository {
  private readonly threads = new Map<string, ThreadRecord>();

  async create(thread: ThreadRecord): Promise<boolean> {
    if (this.threads.has(thread.thread_id)) return false;
    this.threads.set(thread.thread_id, structuredClone(thread));
    return true;
  }

  async get(workspace: string, threadId: string): Promise<ThreadRecord | undefined> {
    const found = this.threads.get(threadId);
    return found && found.workspace === workspace ? structuredClone(found) : undefined;
  }

  async update(workspace: string, threadId: string, patch: Partial<ThreadRecord>): Promise<ThreadRecord | undefined> {
    const found = this.threads.get(threadId);
    if (!found || found.workspace !== workspace) return undefined;
    const next = { ...found, ...structuredClone(patch), thread_id: found.thread_id, workspace, created_at: found.created_at };
    this.threads.set(threadId, next);
    return structuredClone(next);
  }

  async delete(workspace: string, threadId: string): Promise<boolean> {
    const found = this.threads.get(threadId);
    if (!found || found.workspace !== workspace) return false;
    return this.threads.delete(threadId);
  }

  async search(workspace: string, query: ThreadQuery): Promise<ThreadRecord[]> {
    const own = [...this.threads.values()].filter((t) => t.workspace === workspace);
    return applyThreadQuery(own, query).map((t) => structuredClone(t));
  }
}
