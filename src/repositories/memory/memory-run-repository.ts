import { threadKeyOf } from '../thread-key.js';
import type { RunRecord, RunRepository, RunStatus, ThreadKey } from '../types.js';

export class MemoryRunRepository implements RunRepository {
  private readonly runs = new Map<string, RunRecord>();

  async create(run: RunRecord): Promise<void> {
    this.runs.set(run.run_id, structuredClone(run));
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    const found = this.runs.get(runId);
    return found ? structuredClone(found) : undefined;
  }

  async transition(runId: string, from: RunStatus[], patch: Partial<RunRecord>): Promise<RunRecord | undefined> {
    const found = this.runs.get(runId);
    if (!found || !from.includes(found.status)) return undefined;
    const next = { ...found, ...structuredClone(patch), run_id: found.run_id, thread_id: found.thread_id, workspace: found.workspace };
    this.runs.set(runId, next);
    return structuredClone(next);
  }

  async listByThread(thread: ThreadKey, opts: { limit: number; offset: number; status?: RunStatus }): Promise<RunRecord[]> {
    return [...this.runs.values()]
      .filter((r) => threadKeyOf(r) === thread && (!opts.status || r.status === opts.status))
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.run_id.localeCompare(a.run_id))
      .slice(opts.offset, opts.offset + opts.limit)
      .map((r) => structuredClone(r));
  }

  async listUnfinished(): Promise<RunRecord[]> {
    return [...this.runs.values()].filter((r) => r.status === 'pending' || r.status === 'running').map((r) => structuredClone(r));
  }

  async delete(runId: string): Promise<void> {
    this.runs.delete(runId);
  }

  async deleteByThread(thread: ThreadKey): Promise<void> {
    for (const [id, run] of this.runs) if (threadKeyOf(run) === thread) this.runs.delete(id);
  }
}
