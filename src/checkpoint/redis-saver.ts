import type { RunnableConfig } from '@langchain/core/runnables';
import {
  BaseCheckpointSaver,
  TASKS,
  WRITES_IDX_MAP,
  compareWritesSortKeys,
  getCheckpointId,
  maxChannelVersion,
  writesSortKey,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  type PendingWrite,
  type SerializerProtocol,
} from '@langchain/langgraph-checkpoint';
import type { Redis } from 'ioredis';
import { nextChannelVersion } from './channel-version.js';
import { matchesFilter, namespaceOf, requireThreadId, threadIdOf } from './config-fields.js';
import { assertValidPrefix } from './keys.js';
import {
  dumpCheckpointRecord,
  dumpValue,
  dumpWrite,
  loadCheckpointRecord,
  loadValue,
  loadWrite,
  type CheckpointRecord,
  type WriteRecord,
} from './records.js';
import { RedisThreadStore, type CheckpointRef } from './thread-store.js';

export interface RedisSaverOptions {
  /** A client made by `createRedisClient` (fails fast when Redis is away). */
  client: Redis;
  /** Namespace of every key (default `audience-agent:cp`); no braces or spaces. */
  prefix?: string;
  /** Keys of a thread expire this long after its last write (default: never). */
  ttlSeconds?: number;
  serde?: SerializerProtocol;
}

/**
 * LangGraph checkpointer on plain Redis (no modules). Layout and atomicity: see keys.ts and
 * thread-store.ts. Redis failures reject with AppError `store_unavailable`.
 */
export class RedisSaver extends BaseCheckpointSaver {
  private readonly store: RedisThreadStore;

  constructor({ client, prefix = 'audience-agent:cp', ttlSeconds, serde }: RedisSaverOptions) {
    super(serde);
    assertValidPrefix(prefix);
    if (ttlSeconds !== undefined && !(Number.isInteger(ttlSeconds) && ttlSeconds > 0)) {
      throw new Error(`ttlSeconds must be a positive whole number (got ${ttlSeconds}).`);
    }
    this.store = new RedisThreadStore(client, prefix, ttlSeconds);
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const threadId = threadIdOf(config);
    if (threadId === undefined) return undefined;
    const ns = namespaceOf(config) ?? '';
    const id = getCheckpointId(config) || (await this.store.latestId(threadId, ns));
    if (!id) return undefined;
    const ref = { ns, id };
    // Both reads need only the id: one round trip instead of two.
    const [[frame], writes] = await Promise.all([
      this.store.readRecords(threadId, [ref]),
      this.store.readWrites(threadId, ref),
    ]);
    if (!frame) return undefined;
    return this.buildTuple(threadId, ref, await loadCheckpointRecord(this.serde, frame), writes);
  }

  async *list(config: RunnableConfig, options: CheckpointListOptions = {}): AsyncGenerator<CheckpointTuple> {
    const { before, filter } = options;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    const threadId = threadIdOf(config);
    const ns = namespaceOf(config);
    const onlyId = getCheckpointId(config) || undefined;
    const beforeId = before ? getCheckpointId(before) || undefined : undefined;
    if (onlyId !== undefined && beforeId !== undefined && onlyId >= beforeId) return;
    const threads = threadId !== undefined ? [threadId] : this.store.threadIds();
    for await (const thread of threads) {
      const pages =
        onlyId === undefined ? this.store.refsNewestFirst(thread, ns, beforeId) : [await this.store.refsOfId(thread, onlyId, ns)];
      for await (const refs of pages) {
        const frames = await this.store.readRecords(thread, refs);
        for (const [i, ref] of refs.entries()) {
          const frame = frames[i];
          if (!frame) continue;
          const record = await loadCheckpointRecord(this.serde, frame);
          if (!matchesFilter(record.metadata, filter)) continue;
          yield await this.buildTuple(thread, ref, record, this.store.readWrites(thread, ref));
          remaining -= 1;
          if (remaining <= 0) return;
        }
      }
    }
  }

  /** The incoming `checkpoint_id` is the parent of the checkpoint being saved. */
  async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    if (config.configurable === undefined) throw new Error('Cannot save a checkpoint: config.configurable is missing.');
    const threadId = requireThreadId(config, 'save a checkpoint');
    if (typeof checkpoint.id !== 'string' || checkpoint.id === '') throw new Error('Cannot save a checkpoint without an id.');
    const ns = namespaceOf(config) ?? '';
    const parentId = getCheckpointId(config) || undefined;
    const { channel_values: values, ...stored } = checkpoint;
    const blobs = await Promise.all(
      Object.entries(newVersions)
        .filter(([channel]) => Object.hasOwn(values, channel) && values[channel] !== undefined)
        .map(async ([channel, version]) => ({
          channel,
          version: String(version),
          frame: await dumpValue(this.serde, values[channel]),
        })),
    );
    const record = await dumpCheckpointRecord(this.serde, { checkpoint: stored, metadata, ...(parentId ? { parentId } : {}) });
    await this.store.putCheckpoint(threadId, { ns, id: checkpoint.id }, record, blobs);
    return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id } };
  }

  /** Regular writes are kept if already stored (a retried task must not change history); special channels overwrite. */
  async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath = ''): Promise<void> {
    const threadId = requireThreadId(config, 'save writes');
    const id = getCheckpointId(config);
    if (!id) throw new Error('Cannot save writes: config.configurable.checkpoint_id is missing.');
    const frames = await Promise.all(
      writes.map(async ([channel, value], i) => {
        const special = WRITES_IDX_MAP[channel];
        const idx = special ?? i;
        const frame = await dumpWrite(this.serde, { taskId, channel, taskPath, idx, value });
        return { taskId, idx, frame, overwrite: special !== undefined };
      }),
    );
    await this.store.putWrites(threadId, { ns: namespaceOf(config) ?? '', id }, frames);
  }

  async deleteThread(threadId: string): Promise<void> {
    await this.store.deleteThread(String(threadId));
  }

  /**
   * The base class types versions as numbers, but LangGraph treats them as opaque ordered
   * values and supports strings; see channel-version.ts for why they must be unique.
   */
  override getNextVersion(current: number | undefined): number {
    return nextChannelVersion(current) as unknown as number;
  }

  private async buildTuple(
    threadId: string,
    ref: CheckpointRef,
    record: CheckpointRecord,
    writeFrames: Buffer[] | Promise<Buffer[]>,
  ): Promise<CheckpointTuple> {
    const versions = Object.entries(record.checkpoint.channel_versions).map(
      ([channel, version]): [string, string] => [channel, String(version)],
    );
    const [valueFrames, writes] = await Promise.all([
      this.store.readValues(threadId, ref.ns, versions),
      Promise.resolve(writeFrames).then((frames) => this.loadWritesInOrder(frames)),
    ]);
    const channel_values: Record<string, unknown> = {};
    for (const [i, [channel]] of versions.entries()) {
      const frame = valueFrames[i];
      if (frame) channel_values[channel] = await loadValue(this.serde, frame);
    }
    const checkpoint: Checkpoint = { ...record.checkpoint, channel_values };
    if (checkpoint.v < 4 && record.parentId !== undefined) {
      await this.migratePendingSends(threadId, { ns: ref.ns, id: record.parentId }, checkpoint);
    }
    const tuple: CheckpointTuple = {
      config: { configurable: { thread_id: threadId, checkpoint_ns: ref.ns, checkpoint_id: ref.id } },
      checkpoint,
      metadata: record.metadata,
      pendingWrites: writes.map((w): CheckpointPendingWrite => [w.taskId, w.channel, w.value]),
    };
    if (record.parentId !== undefined) {
      tuple.parentConfig = { configurable: { thread_id: threadId, checkpoint_ns: ref.ns, checkpoint_id: record.parentId } };
    }
    return tuple;
  }

  /** Writes in the order live execution applies them, which replays must follow. */
  private async loadWritesInOrder(frames: Buffer[]): Promise<WriteRecord[]> {
    const writes = await Promise.all(frames.map((f) => loadWrite(this.serde, f)));
    return writes
      .map((w) => ({ w, key: writesSortKey(w.taskPath, w.taskId, w.idx) }))
      .sort((a, b) => compareWritesSortKeys(a.key, b.key))
      .map(({ w }) => w);
  }

  /** Checkpoints before format v4 kept pending sends as writes on their parent. */
  private async migratePendingSends(threadId: string, parent: CheckpointRef, checkpoint: Checkpoint): Promise<void> {
    const writes = await this.loadWritesInOrder(await this.store.readWrites(threadId, parent));
    checkpoint.channel_values[TASKS] = writes.filter((w) => w.channel === TASKS).map((w) => w.value);
    const versions = Object.values(checkpoint.channel_versions);
    checkpoint.channel_versions[TASKS] = versions.length > 0 ? maxChannelVersion(...versions) : this.getNextVersion(undefined);
  }
}
