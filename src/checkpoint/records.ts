import type {
  Checkpoint,
  CheckpointMetadata,
  SerializerProtocol,
} from '@langchain/langgraph-checkpoint';
import { z } from 'zod';
import { decodeFrame, encodeFrame } from './frame.js';

/**
 * The three kinds of stored values and their serde round trips. Everything the application put
 * in goes through the saver's serde (`dumpsTyped`/`loadsTyped`), so LangChain messages and other
 * serializable classes come back as instances, not plain objects.
 */

/** A checkpoint as stored: its channel values live apart, once per (channel, version). */
export type StoredCheckpoint = Omit<Checkpoint, 'channel_values'>;

export interface CheckpointRecord {
  checkpoint: StoredCheckpoint;
  metadata: CheckpointMetadata;
  parentId?: string;
}

export interface WriteRecord {
  taskId: string;
  channel: string;
  /** Path of the task that wrote it ("" when unknown); first part of the replay order. */
  taskPath: string;
  idx: number;
  value: unknown;
}

const checkpointHeader = z.object({
  type: z.string(),
  length: z.number().int().nonnegative(),
  metadataType: z.string(),
  parentId: z.string().nullable(),
});
const writeHeader = z.tuple([z.string(), z.string(), z.string(), z.number().int(), z.string()]);
const valueHeader = z.string();

export async function dumpCheckpointRecord(serde: SerializerProtocol, record: CheckpointRecord): Promise<Buffer> {
  const [type, bytes] = await serde.dumpsTyped(record.checkpoint);
  const [metadataType, metadataBytes] = await serde.dumpsTyped(record.metadata);
  const header = { type, length: bytes.byteLength, metadataType, parentId: record.parentId ?? null };
  return encodeFrame(header, bytes, metadataBytes);
}

export async function loadCheckpointRecord(serde: SerializerProtocol, frame: Buffer): Promise<CheckpointRecord> {
  const { header, body } = decodeFrame(frame);
  const h = checkpointHeader.parse(header);
  const [checkpoint, metadata] = await Promise.all([
    serde.loadsTyped(h.type, body.subarray(0, h.length)) as Promise<StoredCheckpoint>,
    serde.loadsTyped(h.metadataType, body.subarray(h.length)) as Promise<CheckpointMetadata>,
  ]);
  return { checkpoint, metadata, ...(h.parentId !== null ? { parentId: h.parentId } : {}) };
}

export async function dumpValue(serde: SerializerProtocol, value: unknown): Promise<Buffer> {
  const [type, bytes] = await serde.dumpsTyped(value);
  return encodeFrame(type, bytes);
}

export async function loadValue(serde: SerializerProtocol, frame: Buffer): Promise<unknown> {
  const { header, body } = decodeFrame(frame);
  return serde.loadsTyped(valueHeader.parse(header), body);
}

export async function dumpWrite(serde: SerializerProtocol, write: WriteRecord): Promise<Buffer> {
  const [type, bytes] = await serde.dumpsTyped(write.value);
  return encodeFrame([write.taskId, write.channel, write.taskPath, write.idx, type], bytes);
}

export async function loadWrite(serde: SerializerProtocol, frame: Buffer): Promise<WriteRecord> {
  const { header, body } = decodeFrame(frame);
  const [taskId, channel, taskPath, idx, type] = writeHeader.parse(header);
  return { taskId, channel, taskPath, idx, value: await serde.loadsTyped(type, body) };
}
