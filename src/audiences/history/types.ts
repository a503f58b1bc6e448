/**
 * A saved audience kept current: each count kept as history (its size, and who entered and who
 * left since the count before), its members as of the latest count (what the next count is
 * compared with), and an optional schedule. In memory for tests and single-process demos, in
 * Redis for a service that survives restarts and spans processes.
 */

export interface AudienceCount {
  /** Increasing per audience: 1 for the first count. */
  seq: number;
  /** When the count was taken (ISO 8601). */
  at: string;
  /** The reference time it was computed at ("last 30 days" counts back from it). */
  now: string;
  /** `schedule` or `on_demand`. */
  trigger: 'schedule' | 'on_demand';
  size: number;
  /** Counts of members that entered and left since the previous count (all members on the first). */
  entered: number;
  exited: number;
  /** The first ids of each (at most CHANGE_IDS_KEPT); the counts above are exact. */
  enteredIds: string[];
  exitedIds: string[];
}

export const CHANGE_IDS_KEPT = 100;
/** Counts kept per audience (the oldest are dropped). */
export const COUNTS_KEPT = 1_000;

export interface RefreshSchedule {
  everyMs: number;
  /** When the next count is due (ISO 8601). */
  nextAt: string;
}

export interface DueAudience {
  workspace: string;
  audienceId: string;
}

export interface AudienceHistoryStore {
  /** Members as of the latest count; undefined before the first. */
  members(workspace: string, audienceId: string): Promise<Set<string> | undefined>;
  /** Appends the count and makes `members` the latest members, together. */
  record(workspace: string, audienceId: string, count: AudienceCount, members: string[]): Promise<void>;
  /** Newest first. */
  counts(workspace: string, audienceId: string, limit: number): Promise<AudienceCount[]>;
  schedule(workspace: string, audienceId: string): Promise<RefreshSchedule | undefined>;
  /** Sets (or, with undefined, removes) the audience's schedule. */
  setSchedule(workspace: string, audienceId: string, schedule: RefreshSchedule | undefined): Promise<void>;
  /** Audiences whose next count is due at `nowMs`. */
  due(nowMs: number): Promise<DueAudience[]>;
  /** One count of an audience at a time, across processes; false when another holds it. */
  lock(workspace: string, audienceId: string, ttlMs: number): Promise<boolean>;
  unlock(workspace: string, audienceId: string): Promise<void>;
  /** Forgets everything about the audience (it was deleted). */
  forget(workspace: string, audienceId: string): Promise<void>;
}
