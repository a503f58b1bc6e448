import type { ThreadKey, ThreadLocks } from '../types.js';

interface ThreadLine {
  holder?: { owner: string; expiresAt: number };
  /** Waiting owners in arrival order, with the time their place lapses. */
  waiting: Map<string, number>;
}

/** Thread locks for one process: the same rules as the Redis locks, on the process clock. */
export class MemoryThreadLocks implements ThreadLocks {
  private readonly lines = new Map<string, ThreadLine>();

  constructor(private readonly now: () => number = Date.now) {}

  async tryAcquire(threadId: ThreadKey, owner: string, opts: { ttlMs: number; waitLeaseMs?: number }): Promise<boolean> {
    const line = this.line(threadId);
    const now = this.now();
    for (const [waiter, lapse] of line.waiting) if (lapse <= now) line.waiting.delete(waiter);
    if (line.holder && line.holder.expiresAt <= now) line.holder = undefined;
    const first = line.waiting.keys().next().value;
    if (!line.holder && (first === undefined || first === owner)) {
      line.holder = { owner, expiresAt: now + opts.ttlMs };
      line.waiting.delete(owner);
      return true;
    }
    if (opts.waitLeaseMs !== undefined) line.waiting.set(owner, now + opts.waitLeaseMs);
    return false;
  }

  async renew(threadId: ThreadKey, owner: string, ttlMs: number): Promise<boolean> {
    const holder = this.lines.get(threadId)?.holder;
    if (!holder || holder.owner !== owner || holder.expiresAt <= this.now()) return false;
    holder.expiresAt = this.now() + ttlMs;
    return true;
  }

  async release(threadId: ThreadKey, owner: string): Promise<void> {
    const line = this.lines.get(threadId);
    if (!line) return;
    if (line.holder?.owner === owner) line.holder = undefined;
    line.waiting.delete(owner);
    if (!line.holder && line.waiting.size === 0) this.lines.delete(threadId);
  }

  async holder(threadId: ThreadKey): Promise<string | undefined> {
    const holder = this.lines.get(threadId)?.holder;
    return holder && holder.expiresAt > this.now() ? holder.owner : undefined;
  }

  async isWaiting(threadId: ThreadKey, owner: string): Promise<boolean> {
    const lapse = this.lines.get(threadId)?.waiting.get(owner);
    return lapse !== undefined && lapse > this.now();
  }

  private line(threadId: ThreadKey): ThreadLine {
    let line = this.lines.get(threadId);
    if (!line) this.lines.set(threadId, (line = { waiting: new Map() }));
    return line;
  }
}
