import { AppendSignal } from '../append-signal.js';
import type { LoggedRunEvent, RunEvent, RunEventLog } from '../types.js';

interface Log {
  events: LoggedRunEvent[];
  done: boolean;
  expiry?: NodeJS.Timeout;
}

/** Run event logs held in the process; a finished log is dropped after `retainMs`. */
export class MemoryRunEventLog implements RunEventLog {
  private readonly logs = new Map<string, Log>();
  private readonly signal = new AppendSignal();

  constructor(private readonly retainMs = 60 * 60 * 1000) {}

  async append(runId: string, event: RunEvent): Promise<number> {
    const log = this.log(runId);
    if (log.done) throw new Error(`The event log of run ${runId} is already complete.`);
    const id = log.events.length;
    log.events.push({ id, event: event.event, data: event.data });
    this.signal.notify(runId);
    return id;
  }

  async end(runId: string): Promise<void> {
    const log = this.log(runId);
    log.done = true;
    log.expiry = setTimeout(() => this.logs.delete(runId), this.retainMs);
    log.expiry.unref();
    this.signal.notify(runId);
  }

  async read(runId: string, afterId: number): Promise<{ events: LoggedRunEvent[]; done: boolean }> {
    const log = this.logs.get(runId);
    if (!log) return { events: [], done: false };
    return { events: log.events.slice(Math.max(0, afterId + 1)), done: log.done };
  }

  waitForAppend(runId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.signal.wait(runId, timeoutMs, signal);
  }

  async deleteRun(runId: string): Promise<void> {
    clearTimeout(this.logs.get(runId)?.expiry);
    this.logs.delete(runId);
  }

  private log(runId: string): Log {
    let log = this.logs.get(runId);
    if (!log) this.logs.set(runId, (log = { events: [], done: false }));
    return log;
  }
}
