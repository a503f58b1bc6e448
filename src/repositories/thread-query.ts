/**
 * Filtering, ordering and paging of a workspace's threads, shared by the memory and Redis
 * repositories (a workspace's thread list is small enough to filter in the process).
 */
import { isDeepStrictEqual } from 'node:util';
import type { ThreadQuery, ThreadRecord } from './types.js';

function matches(thread: ThreadRecord, query: ThreadQuery): boolean {
  if (query.status && thread.status !== query.status) return false;
  if (query.ids && !query.ids.includes(thread.thread_id)) return false;
  for (const [key, value] of Object.entries(query.metadata ?? {})) {
    if (!isDeepStrictEqual(thread.metadata[key], value)) return false;
  }
  for (const [key, value] of Object.entries(query.values ?? {})) {
    if (!isDeepStrictEqual(thread.values?.[key], value)) return false;
  }
  return true;
}

export function applyThreadQuery(threads: Iterable<ThreadRecord>, query: ThreadQuery): ThreadRecord[] {
  const field = query.sortBy;
  const sign = query.sortOrder === 'asc' ? 1 : -1;
  return [...threads]
    .filter((t) => matches(t, query))
    // Ties broken by id so pages never overlap.
    .sort((a, b) => sign * (a[field].localeCompare(b[field]) || a.thread_id.localeCompare(b.thread_id)))
    .slice(query.offset, query.offset + query.limit);
}
