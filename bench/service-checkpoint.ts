/**
 * RedisSaver against MemorySaver (the baseline): the calls of one recorded real conversation
 * replayed on fresh threads until each operation has a few thousand samples, alternating the
 * two savers thread by thread. Timed: put, putWrites, getTuple of the latest checkpoint (after
 * each put: what a turn reads first) and getTuple of each checkpoint by id (history, rejoin).
 */
import type { RunnableConfig } from '@langchain/core/runnables';
import { MemorySaver } from '@langchain/langgraph';
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import { connectRedisClient } from '../src/checkpoint/redis-client.js';
import { RedisSaver } from '../src/checkpoint/redis-saver.js';
import type { Workspace } from '../src/store/workspace.js';
import { recordConversation, type RecordedCall } from './service-checkpoint-record.js';
import type { BenchRedis } from './service-redis.js';

export const CHECKPOINT_OPS = ['put', 'putWrites', 'getTuple (latest)', 'getTuple (by id)'] as const;
export type CheckpointOp = (typeof CHECKPOINT_OPS)[number];

/** Milliseconds per call, by operation. */
export type OpSamples = Record<CheckpointOp, number[]>;

export interface CheckpointBench {
  steps: string[];
  status: string;
  conversations: number;
  putsPerConversation: number;
  writesPerConversation: number;
  /** Serialized sizes of the recorded calls, bytes. */
  putBytes: number[];
  writeBytes: number[];
  memory: OpSamples;
  redis: OpSamples;
}

export interface CheckpointBenchOptions {
  workspace: Workspace;
  redis: BenchRedis;
  now: Date;
  /** Replay until put has at least this many samples. */
  minOps: number;
}

const empty = (): OpSamples => ({ put: [], putWrites: [], 'getTuple (latest)': [], 'getTuple (by id)': [] });

async function timeInto<T>(into: number[], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const value = await fn();
  into.push(performance.now() - t0);
  return value;
}

async function replay(saver: BaseCheckpointSaver, threadId: string, calls: readonly RecordedCall[], into: OpSamples): Promise<void> {
  const on = (config: RunnableConfig): RunnableConfig => ({ configurable: { ...config.configurable, thread_id: threadId } });
  const latest = { configurable: { thread_id: threadId, checkpoint_ns: '' } };
  const saved: RunnableConfig[] = [];
  for (const c of calls) {
    if (c.kind === 'put') {
      saved.push(await timeInto(into.put, () => saver.put(on(c.config), c.checkpoint, c.metadata, c.newVersions)));
      const tuple = await timeInto(into['getTuple (latest)'], () => saver.getTuple(latest));
      if (tuple?.checkpoint.id !== c.checkpoint.id) throw new Error(`${saver.constructor.name} did not read back checkpoint ${c.checkpoint.id}`);
    } else {
      await timeInto(into.putWrites, () => saver.putWrites(on(c.config), c.writes, c.taskId, c.taskPath));
    }
  }
  for (const config of saved) {
    const tuple = await timeInto(into['getTuple (by id)'], () => saver.getTuple(config));
    if (!tuple) throw new Error(`${saver.constructor.name} lost checkpoint ${String(config.configurable?.checkpoint_id)}`);
  }
}

export async function benchCheckpointer(o: CheckpointBenchOptions, log: (line: string) => void): Promise<CheckpointBench> {
  const recorded = await recordConversation(o.workspace, o.now);
  const puts = recorded.calls.filter((c) => c.kind === 'put');
  const writes = recorded.calls.filter((c) => c.kind === 'putWrites');
  if (puts.length === 0) throw new Error('the recorded conversation wrote no checkpoint');
  log(`checkpointer: recorded "${recorded.steps.join(' → ')}" (${recorded.status}): ${puts.length} puts, ${writes.length} putWrites`);
  const conversations = Math.ceil(o.minOps / puts.length);
  const client = await connectRedisClient(o.redis.url);
  const savers: [OpSamples, BaseCheckpointSaver][] = [];
  const memory = empty();
  const redis = empty();
  savers.push([memory, new MemorySaver()], [redis, new RedisSaver({ client, prefix: `${o.redis.prefix}:cpbench` })]);
  try {
    // One untimed conversation on each warms up connections, JIT and Redis' scripts.
    for (const [, saver] of savers) await replay(saver, 'warm-up', recorded.calls, empty());
    for (let i = 0; i < conversations; i++) {
      for (let k = 0; k < savers.length; k++) {
        const [into, saver] = savers[(i + k) % savers.length]!;
        await replay(saver, `thread-${i}`, recorded.calls, into);
      }
      if ((i + 1) % 50 === 0) log(`checkpointer: ${i + 1}/${conversations} conversations replayed on each saver`);
    }
  } finally {
    client.disconnect();
  }
  return {
    steps: recorded.steps,
    status: recorded.status,
    conversations,
    putsPerConversation: puts.length,
    writesPerConversation: writes.length,
    putBytes: puts.map((c) => c.bytes),
    writeBytes: writes.map((c) => c.bytes),
    memory,
    redis,
  };
}
