import type { ChainableCommander, Redis } from 'ioredis';
import {
  THREAD_KEY_KINDS,
  beforeBound,
  joinParts,
  splitParts,
  startsWithRange,
  threadIdFromKey,
  threadKeys,
  threadScanPattern,
  type ThreadKeys,
} from './keys.js';
import { toStoreError } from './redis-client.js';

/**
 * The byte-level Redis side of the checkpointer (layout in keys.ts). It knows keys and
 * commands, not serde: values in and out are framed Buffers. Every Redis failure leaves here
 * already mapped by `toStoreError`.
 */

export interface BlobFrame {
  channel: string;
  version: string;
  frame: Buffer;
}

export interface WriteFrame {
  taskId: string;
  idx: number;
  frame: Buffer;
  /** Special channels (errors, interrupts…) replace an earlier write; regular ones never do. */
  overwrite: boolean;
}

export interface CheckpointRef {
  ns: string;
  id: string;
}

export class RedisThreadStore {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds?: number,
  ) {}

  keys(threadId: string): ThreadKeys {
    return threadKeys(this.prefix, threadId);
  }

  /** The checkpoint record, its new channel values and its index entries, all or nothing. */
  async putCheckpoint(threadId: string, ref: CheckpointRef, record: Buffer, blobs: BlobFrame[]): Promise<void> {
    const k = this.keys(threadId);
    const tx = this.client.multi();
    tx.hset(k.cp, joinParts(ref.ns, ref.id), record);
    for (const b of blobs) tx.hset(k.blobs, joinParts(ref.ns, b.channel, b.version), b.frame);
    tx.zadd(k.byns, 0, joinParts(ref.ns, ref.id));
    tx.zadd(k.byid, 0, joinParts(ref.id, ref.ns));
    await this.exec(this.withTtl(tx, k));
  }

  async putWrites(threadId: string, ref: CheckpointRef, writes: WriteFrame[]): Promise<void> {
    if (writes.length === 0) return;
    const k = this.keys(threadId);
    const tx = this.client.multi();
    for (const w of writes) {
      const field = joinParts(ref.ns, ref.id, w.taskId, String(w.idx));
      if (w.overwrite) tx.hset(k.writes, field, w.frame);
      else tx.hsetnx(k.writes, field, w.frame);
      tx.zadd(k.wkeys, 0, field);
    }
    await this.exec(this.withTtl(tx, k));
  }

  async latestId(threadId: string, ns: string): Promise<string | undefined> {
    const { min, max } = startsWithRange(ns);
    const [member] = await this.call(() =>
      this.client.zrevrangebylex(this.keys(threadId).byns, max, min, 'LIMIT', 0, 1),
    );
    return member === undefined ? undefined : splitParts(member)[1];
  }

  async readRecords(threadId: string, refs: CheckpointRef[]): Promise<(Buffer | null)[]> {
    if (refs.length === 0) return [];
    const fields = refs.map((r) => joinParts(r.ns, r.id));
    return this.call(() => this.client.hmgetBuffer(this.keys(threadId).cp, ...fields));
  }

  /** Channel values by (channel, version); null where none was stored. */
  async readValues(threadId: string, ns: string, versions: [string, string][]): Promise<(Buffer | null)[]> {
    if (versions.length === 0) return [];
    const fields = versions.map(([channel, version]) => joinParts(ns, channel, version));
    return this.call(() => this.client.hmgetBuffer(this.keys(threadId).blobs, ...fields));
  }

  /** All pending writes stored against one checkpoint, in no particular order. */
  async readWrites(threadId: string, ref: CheckpointRef): Promise<Buffer[]> {
    const k = this.keys(threadId);
    const { min, max } = startsWithRange(ref.ns, ref.id);
    const fields = await this.call(() => this.client.zrangebylex(k.wkeys, min, max));
    if (fields.length === 0) return [];
    const frames = await this.call(() => this.client.hmgetBuffer(k.writes, ...fields));
    return frames.filter((f): f is Buffer => f !== null);
  }

  /**
   * Checkpoints of a thread newest first, a page at a time: of one namespace, or of all when
   * `ns` is undefined; only those older than `beforeId` when given.
   */
  async *refsNewestFirst(threadId: string, ns: string | undefined, beforeId?: string, pageSize = 50): AsyncGenerator<CheckpointRef[]> {
    const k = this.keys(threadId);
    const key = ns === undefined ? k.byid : k.byns;
    const all = ns === undefined ? { min: '-', max: '+' } : startsWithRange(ns);
    let max = beforeId === undefined ? all.max : ns === undefined ? beforeBound(beforeId) : beforeBound(ns, beforeId);
    for (;;) {
      const upper = max;
      const members = await this.call(() => this.client.zrevrangebylex(key, upper, all.min, 'LIMIT', 0, pageSize));
      if (members.length === 0) return;
      yield members.map((m) => {
        const [a = '', b = ''] = splitParts(m);
        return ns === undefined ? { id: a, ns: b } : { ns: a, id: b };
      });
      if (members.length < pageSize) return;
      max = `(${members[members.length - 1]}`;
    }
  }

  /** The namespaces in which a checkpoint id exists (normally one). */
  async refsOfId(threadId: string, id: string, ns?: string): Promise<CheckpointRef[]> {
    if (ns !== undefined) return [{ ns, id }];
    const { min, max } = startsWithRange(id);
    const members = await this.call(() => this.client.zrangebylex(this.keys(threadId).byid, min, max));
    return members.map((m) => ({ id, ns: splitParts(m)[1] ?? '' }));
  }

  /** Every thread stored under this prefix (SCAN: for listing across threads, not hot paths). */
  async *threadIds(): AsyncGenerator<string> {
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const from = cursor;
      const [next, keys] = await this.call(() =>
        this.client.scan(from, 'MATCH', threadScanPattern(this.prefix), 'COUNT', 500),
      );
      cursor = next;
      for (const key of keys) {
        const threadId = threadIdFromKey(this.prefix, key);
        if (threadId !== undefined && !seen.has(threadId)) {
          seen.add(threadId);
          yield threadId;
        }
      }
    } while (cursor !== '0');
  }

  async deleteThread(threadId: string): Promise<void> {
    const k = this.keys(threadId);
    await this.call(() => this.client.del(...THREAD_KEY_KINDS.map((kind) => k[kind])));
  }

  private withTtl(tx: ChainableCommander, k: ThreadKeys): ChainableCommander {
    if (this.ttlSeconds === undefined) return tx;
    for (const kind of THREAD_KEY_KINDS) tx.expire(k[kind], this.ttlSeconds);
    return tx;
  }

  private async exec(tx: ChainableCommander): Promise<void> {
    const results = await this.call(() => tx.exec());
    if (results === null) throw new Error('Redis transaction was aborted.');
    for (const [err] of results) if (err) throw toStoreError(err);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw toStoreError(err);
    }
  }
}
