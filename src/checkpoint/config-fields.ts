import { isDeepStrictEqual } from 'node:util';
import type { RunnableConfig } from '@langchain/core/runnables';
import type { CheckpointMetadata } from '@langchain/langgraph-checkpoint';

/** Reading the checkpointer's fields out of a RunnableConfig, which LangGraph types loosely. */

export function threadIdOf(config: RunnableConfig): string | undefined {
  const id: unknown = config.configurable?.thread_id;
  if (typeof id === 'number') return String(id);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function requireThreadId(config: RunnableConfig, action: string): string {
  const id = threadIdOf(config);
  if (id === undefined) throw new Error(`Cannot ${action}: config.configurable.thread_id is missing.`);
  return id;
}

export function namespaceOf(config: RunnableConfig): string | undefined {
  const ns: unknown = config.configurable?.checkpoint_ns;
  return typeof ns === 'string' ? ns : undefined;
}

/** `list` filters compare top-level metadata keys, object values by deep equality. */
export function matchesFilter(metadata: CheckpointMetadata, filter: Record<string, unknown> | undefined): boolean {
  if (!filter) return true;
  const md = metadata as Record<string, unknown>;
  return Object.entries(filter).every(([key, value]) => isDeepStrictEqual(md[key], value));
}
