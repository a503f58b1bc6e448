/**
 * Graph stream chunks as LangGraph protocol events: `[mode, data]` (or `[namespace, mode,
 * data]` with subgraphs) becomes event `mode` (or `mode|ns1|ns2`), the library's `messages`
 * mode goes out as `messages` for clients that asked for `messages-tuple`, and every payload
 * is turned into plain JSON once, with messages in their dict form, before it is logged.
 *
 * Checkpoints (modes `checkpoints` and `debug`) carry the run's whole config, whose
 * configurable holds the run's dependencies (catalog, engine, store clients, callbacks: large,
 * internal, circular): they go out as the official server sends them, with only the
 * checkpoint's address (thread, namespace, id) in `config` and `parent_config`.
 */
import type { RunEvent } from '../../repositories/types.js';
import type { StreamMode } from '../schemas.js';

/** The library stream modes to ask the graph for (`messages` is read from the values). */
export function libraryModes(requested: StreamMode[]): string[] {
  return [...new Set(requested.map((m) => (m === 'messages-tuple' ? 'messages' : m === 'messages' ? 'values' : m)))];
}

/** Whether an event of the library's mode `mode` goes to a client that asked for `requested`. */
export function isRequested(mode: string, requested: StreamMode[]): boolean {
  return mode === 'messages' ? requested.includes('messages-tuple') : requested.includes(mode as StreamMode);
}

/**
 * Stream mode `messages`, as the official server sends it: the messages of each values payload
 * not sent before, as one `messages/complete` event (this graph's messages are whole, never tokens).
 */
export function completedMessages(): (values: unknown) => unknown[] {
  const sent = new Set<string>();
  return (values) => {
    const messages = (values as { messages?: unknown } | null)?.messages;
    if (!Array.isArray(messages)) return [];
    return messages.filter((m: { id?: unknown }) => {
      if (typeof m?.id !== 'string' || sent.has(m.id)) return false;
      sent.add(m.id);
      return true;
    });
  };
}

interface Dictable {
  toDict(): { type: string; data: Record<string, unknown> };
}

function isDictable(value: unknown): value is Dictable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Dictable>).toDict === 'function';
}

/**
 * Plain JSON of a payload: messages as `{...data, type}`, functions and bigints made harmless,
 * and a reference back to an object it is inside of left out (JSON cannot say it), so no
 * payload can fail the run.
 */
export function toWire(value: unknown): unknown {
  const inside: object[] = [];
  const text = JSON.stringify(value, function (this: object, key, v: unknown) {
    // `this` is the object holding `key`: the objects being written are it and its holders.
    while (inside.length > 0 && inside[inside.length - 1] !== this) inside.pop();
    const raw = (this as Record<string, unknown>)[key];
    if (isDictable(raw)) {
      const { type, data } = raw.toDict();
      return { ...data, type };
    }
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'function') return undefined;
    if (typeof v === 'object' && v !== null) {
      if (inside.includes(v)) return undefined;
      inside.push(v);
    }
    return v;
  });
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

const ADDRESS = ['thread_id', 'checkpoint_ns', 'checkpoint_id', 'checkpoint_map'] as const;

/** A config as the protocol shows it: the checkpoint's address only, with the thread's id as the client knows it. */
export function checkpointConfig(config: unknown, threadId: string): { configurable: Record<string, unknown> } | null {
  const configurable = (config as { configurable?: Record<string, unknown> } | null | undefined)?.configurable;
  if (!configurable) return null;
  const address: Record<string, unknown> = {};
  for (const key of ADDRESS) if (configurable[key] !== undefined) address[key] = configurable[key];
  if (address.thread_id !== undefined) address.thread_id = threadId;
  return { configurable: address };
}

interface CheckpointChunk {
  config?: unknown;
  parentConfig?: unknown;
  values?: unknown;
  metadata?: unknown;
  next?: unknown;
  tasks?: { state?: unknown }[];
}

/** A `checkpoints` payload (also a `debug` checkpoint's): values, next, tasks, metadata and addresses. */
export function checkpointPayload(chunk: CheckpointChunk, threadId: string): Record<string, unknown> {
  return {
    values: chunk.values ?? {},
    next: chunk.next ?? [],
    config: checkpointConfig(chunk.config, threadId),
    parent_config: checkpointConfig(chunk.parentConfig, threadId),
    metadata: chunk.metadata ?? {},
    tasks: (chunk.tasks ?? []).map((t) => ({ ...t, ...(t.state !== undefined ? { state: checkpointConfig(t.state, threadId) ?? t.state } : {}) })),
  };
}

function payloadOf(mode: string, data: unknown, threadId: string): unknown {
  if (typeof data !== 'object' || data === null) return data;
  if (mode === 'checkpoints') return checkpointPayload(data as CheckpointChunk, threadId);
  if (mode === 'debug' && (data as { type?: unknown }).type === 'checkpoint') {
    return { ...data, payload: checkpointPayload((data as { payload: CheckpointChunk }).payload, threadId) };
  }
  return data;
}

/** `threadId`: the run's thread as the client knows it (checkpoints name it). */
export function toRunEvent(chunk: unknown, subgraphs: boolean, threadId: string): RunEvent | undefined {
  if (!Array.isArray(chunk)) return undefined;
  const [ns, mode, data] = (subgraphs ? chunk : [[], ...chunk]) as [string[], string, unknown];
  if (typeof mode !== 'string') return undefined;
  const name = ns.length ? `${mode}|${ns.join('|')}` : mode;
  return { event: name, data: toWire(payloadOf(mode, data, threadId)) };
}
