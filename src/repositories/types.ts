/**
 * What the service keeps besides checkpoints: the thread index of each workspace, run records,
 * each run's numbered event log (for rejoining a stream) and the per-thread lock with its
 * waiting line (double-texting). In memory for tests and single-process demos, in Redis for a
 * service that survives restarts and spans several processes.
 *
 * Every method of a Redis implementation rejects with AppError `store_unavailable` when Redis
 * cannot be reached.
 */
import type { AudienceRepository } from '../audiences/types.js';
import type { ErrorBody } from '../errors.js';
import type { GlossaryRepository } from '../glossary/types.js';
import type { LiveAudienceRepository, VisitorStateStore } from '../live/types.js';
import type { ThreadKey } from './thread-key.js';

export type { ThreadKey } from './thread-key.js';

export type ThreadStatus = 'idle' | 'busy' | 'interrupted' | 'error';

export interface ThreadRecord {
  thread_id: string;
  /** The workspace (tenant) that owns the thread; no other workspace may see it. */
  workspace: string;
  /** ISO 8601. */
  created_at: string;
  /** Last activity, ISO 8601. */
  updated_at: string;
  metadata: Record<string, unknown>;
  status: ThreadStatus;
  /** A short title from the first message ('' until there is one). */
  title: string;
  /** The state after the latest run. */
  values: Record<string, unknown> | null;
  /** Pending interrupts after the latest run, by task id. */
  interrupts: Record<string, unknown[]>;
}

export type ThreadSortField = 'thread_id' | 'status' | 'created_at' | 'updated_at';

export interface ThreadQuery {
  /** Threads whose metadata contains these key/values (JSON equality per key). */
  metadata?: Record<string, unknown>;
  /** Threads whose latest values contain these key/values. */
  values?: Record<string, unknown>;
  status?: ThreadStatus;
  ids?: string[];
  limit: number;
  offset: number;
  sortBy: ThreadSortField;
  sortOrder: 'asc' | 'desc';
}

/** Threads are kept per workspace: another workspace's thread of the same id is another thread. */
export interface ThreadRepository {
  /** Stores a new thread; false when its workspace already has one of that id. */
  create(thread: ThreadRecord): Promise<boolean>;
  /** The thread when it exists and belongs to `workspace`. */
  get(workspace: string, threadId: string): Promise<ThreadRecord | undefined>;
  /** Merges the patch into the thread of `workspace`; undefined when there is none. */
  update(workspace: string, threadId: string, patch: Partial<Omit<ThreadRecord, 'thread_id' | 'workspace' | 'created_at'>>): Promise<ThreadRecord | undefined>;
  delete(workspace: string, threadId: string): Promise<boolean>;
  search(workspace: string, query: ThreadQuery): Promise<ThreadRecord[]>;
}

export type RunStatus = 'pending' | 'running' | 'success' | 'error' | 'interrupted';
export type MultitaskStrategy = 'reject' | 'enqueue' | 'interrupt' | 'rollback';

export interface RunRecord {
  run_id: string;
  thread_id: string;
  assistant_id: string;
  workspace: string;
  created_at: string;
  updated_at: string;
  status: RunStatus;
  metadata: Record<string, unknown>;
  multitask_strategy: MultitaskStrategy;
  /** What the run was asked to do, kept so any process can answer about it. */
  kwargs: Record<string, unknown>;
  /** Why it ended in error. */
  error?: ErrorBody;
  /** Set by a cancel request; the process running it stops at its next check. */
  cancel_requested?: boolean;
}

export interface RunRepository {
  create(run: RunRecord): Promise<void>;
  get(runId: string): Promise<RunRecord | undefined>;
  /**
   * Applies the patch only when the run's status is one of `from` (compare-and-set), so two
   * processes never both finish a run. Returns the updated run, or undefined.
   */
  transition(runId: string, from: RunStatus[], patch: Partial<Omit<RunRecord, 'run_id' | 'thread_id' | 'workspace'>>): Promise<RunRecord | undefined>;
  /** Newest first. */
  listByThread(thread: ThreadKey, opts: { limit: number; offset: number; status?: RunStatus }): Promise<RunRecord[]>;
  /** Every run still pending or running, in any thread: where runs whose process died are found. */
  listUnfinished(): Promise<RunRecord[]>;
  delete(runId: string): Promise<void>;
  deleteByThread(thread: ThreadKey): Promise<void>;
}

/** One server-sent event of a run, as the LangGraph protocol names it. */
export interface RunEvent {
  event: string;
  /** Plain JSON (messages already in their dict form). */
  data: unknown;
}

export interface LoggedRunEvent extends RunEvent {
  /** 0, 1, 2… in the order appended. */
  id: number;
}

export interface RunEventLog {
  /** Appends and returns the event's id. */
  append(runId: string, event: RunEvent): Promise<number>;
  /** Marks the log complete (no more events) and lets it expire later. */
  end(runId: string): Promise<void>;
  /** Events with id greater than `afterId` (-1 = from the start), and whether the log is complete. */
  read(runId: string, afterId: number): Promise<{ events: LoggedRunEvent[]; done: boolean }>;
  /**
   * Resolves when this process appends to the run's log, after `timeoutMs`, or on abort;
   * appends by other processes are seen by reading again after the timeout.
   */
  waitForAppend(runId: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
  deleteRun(runId: string): Promise<void>;
}

/**
 * One run at a time per thread, with a first-come line of waiting runs. A holder keeps the
 * lock by renewing it before `ttlMs` passes; a waiter keeps its place by trying again before
 * its `waitLeaseMs` passes (a waiter whose process died is dropped from the line).
 */
export interface ThreadLocks {
  /**
   * Takes the lock for `owner` when it is free and nobody is ahead in the line. When it cannot,
   * and `waitLeaseMs` is given, puts `owner` in the line (or keeps its place there).
   */
  tryAcquire(thread: ThreadKey, owner: string, opts: { ttlMs: number; waitLeaseMs?: number }): Promise<boolean>;
  /** False when `owner` no longer holds the lock. */
  renew(thread: ThreadKey, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock if `owner` holds it, and leaves the line. */
  release(thread: ThreadKey, owner: string): Promise<void>;
  holder(thread: ThreadKey): Promise<string | undefined>;
  /** Whether `owner` is waiting in the line with a live lease. */
  isWaiting(thread: ThreadKey, owner: string): Promise<boolean>;
}

/** An item of the LangGraph store API (`/store/items`): JSON under a namespace path and a key. */
export interface StoreItem {
  namespace: string[];
  key: string;
  value: Record<string, unknown>;
  /** ISO 8601. */
  created_at: string;
  updated_at: string;
}

/** Each workspace's store items; searching and listing namespaces filter `all` in the process (item-query.ts). */
export interface ItemStore {
  /** Creates or replaces the item. */
  put(workspace: string, item: StoreItem): Promise<void>;
  get(workspace: string, namespace: string[], key: string): Promise<StoreItem | undefined>;
  delete(workspace: string, namespace: string[], key: string): Promise<void>;
  all(workspace: string): Promise<StoreItem[]>;
  count(workspace: string): Promise<number>;
}

export interface Repositories {
  threads: ThreadRepository;
  /** The store API's items, per workspace. */
  items: ItemStore;
  runs: RunRepository;
  events: RunEventLog;
  locks: ThreadLocks;
  audiences: AudienceRepository;
  glossary: GlossaryRepository;
  /** Each workspace's ordered live audiences (the defaults seeded on first use). */
  liveAudiences: LiveAudienceRepository;
  /** Live visitors' memberships and recorded answers. */
  visitors: VisitorStateStore;
  /** Where things are kept, for the start-up log and /readyz. */
  kind: 'memory' | 'redis';
  /** Resolves when the store answers; rejects with `store_unavailable` otherwise. */
  ping(): Promise<void>;
}
