/**
 * Graph stream chunks as LangGraph protocol events: `[mode, data]` (or `[namespace, mode,
 * data]` with subgraphs) becomes event `mode` (or `mode|ns1|ns2`), the library's `messages`
 * mode goes out as `messages` for clients that asked for `messages-tuple`, and every payload
 * is turned into plain JSON once, with messages in their dict form, before it is logged.
 */
import type { RunEvent } from '../../repositories/types.js';
import type { StreamMode } from '../schemas.js';

/** The library stream modes to ask the graph for. */
export function libraryModes(requested: StreamMode[]): string[] {
  return [...new Set(requested.map((m) => (m === 'messages-tuple' ? 'messages' : m)))];
}

interface Dictable {
  toDict(): { type: string; data: Record<string, unknown> };
}

function isDictable(value: unknown): value is Dictable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Dictable>).toDict === 'function';
}

/** Plain JSON of a payload: messages as `{...data, type}`, functions and bigints made harmless. */
export function toWire(value: unknown): unknown {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (isDictable(raw)) {
      const { type, data } = raw.toDict();
      return { ...data, type };
    }
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'function') return undefined;
    return v;
  });
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

export function toRunEvent(chunk: unknown, subgraphs: boolean): RunEvent | undefined {
  if (!Array.isArray(chunk)) return undefined;
  const [ns, mode, data] = (subgraphs ? chunk : [[], ...chunk]) as [string[], string, unknown];
  if (typeof mode !== 'string') return undefined;
  const name = ns.length ? `${mode}|${ns.join('|')}` : mode;
  return { event: name, data: toWire(data) };
}
