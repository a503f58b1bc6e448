import type { Redis } from 'ioredis';
import { AppendSignal } from '../append-signal.js';
import type { LoggedRunEvent, RunEvent, RunEventLog } from '../types.js';
import { runKeys } from './keys.js';
import { storeCall } from './redis-call.js';

/** The last entry of a complete log (never an event: events are `{e, d}`). */
const END = '{"end":true}';

interface LocalCopy {
  events: LoggedRunEvent[];
  done: boolean;
}

export interface RedisRunEventLogOptions {
  /** A log lives this long after its run ended (default one hour). */
  retainSeconds?: number;
  /** A running log expires after this long without an append, should its process die (default one day). */
  idleSeconds?: number;
}

/**
 * Each run's event log as a Redis list: RPUSH answers the new length, so entry n is event id n
 * for every process. The process running a run also keeps a copy of what it appended, so its
 * own streams read from memory; other processes (a rejoin routed elsewhere) read Redis.
 */
export class RedisRunEventLog implements RunEventLog {
  private readonly signal = new AppendSignal();
  private readonly local = new Map<string, LocalCopy>();
  private readonly retainSeconds: number;
  private readonly idleSeconds: number;

  constructor(private readonly client: Redis, private readonly prefix: string, opts: RedisRunEventLogOptions = {}) {
    this.retainSeconds = opts.retainSeconds ?? 3600;
    this.idleSeconds = opts.idleSeconds ?? 24 * 3600;
  }

  async append(runId: string, event: RunEvent): Promise<number> {
    const key = runKeys(this.prefix, runId).events;
    const entry = JSON.stringify({ e: event.event, d: event.data });
    const replies = await storeCall(() => this.client.multi().rpush(key, entry).expire(key, this.idleSeconds).exec());
    const length = replies?.[0]?.[1];
    if (typeof length !== 'number') throw new Error(`RPUSH on ${key} did not answer a length.`);
    const id = length - 1;
    let copy = this.local.get(runId);
    if (!copy && id === 0) this.local.set(runId, (copy = { events: [], done: false }));
    // A copy is only trusted while it holds every event from id 0 on.
    if (copy && copy.events.length === id) copy.events.push({ id, event: event.event, data: event.data });
    else this.local.delete(runId);
    this.signal.notify(runId);
    return id;
  }

  async end(runId: string): Promise<void> {
    const key = runKeys(this.prefix, runId).events;
    const copy = this.local.get(runId);
    try {
      await storeCall(() => this.client.multi().rpush(key, END).expire(key, this.retainSeconds).exec());
      if (copy) copy.done = true;
    } finally {
      // Readers still catching up are served from memory a little longer; then Redis has it all.
      if (copy) setTimeout(() => this.local.get(runId) === copy && this.local.delete(runId), 60_000).unref();
      this.signal.notify(runId);
    }
  }

  async read(runId: string, afterId: number): Promise<{ events: LoggedRunEvent[]; done: boolean }> {
    const from = Math.max(0, afterId + 1);
    const copy = this.local.get(runId);
    if (copy) return { events: copy.events.slice(from), done: copy.done };
    const entries = await storeCall(() => this.client.lrange(runKeys(this.prefix, runId).events, from, -1));
    const events: LoggedRunEvent[] = [];
    let done = false;
    entries.forEach((entry, i) => {
      if (entry === END) {
        done = true;
        return;
      }
      const { e, d } = JSON.parse(entry) as { e: string; d: unknown };
      events.push({ id: from + i, event: e, data: d });
    });
    return { events, done };
  }

  waitForAppend(runId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.signal.wait(runId, timeoutMs, signal);
  }

  async deleteRun(runId: string): Promise<void> {
    this.local.delete(runId);
    await storeCall(() => this.client.del(runKeys(this.prefix, runId).events));
  }
}
