import type { AudienceCount, AudienceHistoryStore, DueAudience, RefreshSchedule } from './types.js';
import { COUNTS_KEPT } from './types.js';

const keyOf = (workspace: string, audienceId: string) => `${workspace}\u0000${audienceId}`;

/** Audience history held in the process: for tests and single-process demos. */
export class MemoryAudienceHistoryStore implements AudienceHistoryStore {
  private readonly memberSets = new Map<string, Set<string>>();
  private readonly countLists = new Map<string, AudienceCount[]>();
  private readonly schedules = new Map<string, { due: DueAudience; schedule: RefreshSchedule }>();
  private readonly locks = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  async members(workspace: string, audienceId: string): Promise<Set<string> | undefined> {
    const found = this.memberSets.get(keyOf(workspace, audienceId));
    return found ? new Set(found) : undefined;
  }

  async record(workspace: string, audienceId: string, count: AudienceCount, members: string[]): Promise<void> {
    const key = keyOf(workspace, audienceId);
    this.memberSets.set(key, new Set(members));
    const list = this.countLists.get(key) ?? [];
    list.unshift(structuredClone(count));
    this.countLists.set(key, list.slice(0, COUNTS_KEPT));
  }

  async counts(workspace: string, audienceId: string, limit: number): Promise<AudienceCount[]> {
    return structuredClone((this.countLists.get(keyOf(workspace, audienceId)) ?? []).slice(0, limit));
  }

  async schedule(workspace: string, audienceId: string): Promise<RefreshSchedule | undefined> {
    const found = this.schedules.get(keyOf(workspace, audienceId));
    return found ? { ...found.schedule } : undefined;
  }

  async setSchedule(workspace: string, audienceId: string, schedule: RefreshSchedule | undefined): Promise<void> {
    const key = keyOf(workspace, audienceId);
    if (schedule) this.schedules.set(key, { due: { workspace, audienceId }, schedule: { ...schedule } });
    else this.schedules.delete(key);
  }

  async due(nowMs: number): Promise<DueAudience[]> {
    return [...this.schedules.values()].filter((s) => Date.parse(s.schedule.nextAt) <= nowMs).map((s) => ({ ...s.due }));
  }

  async lock(workspace: string, audienceId: string, ttlMs: number): Promise<boolean> {
    const key = keyOf(workspace, audienceId);
    const now = this.clock();
    if ((this.locks.get(key) ?? 0) > now) return false;
    this.locks.set(key, now + ttlMs);
    return true;
  }

  async unlock(workspace: string, audienceId: string): Promise<void> {
    this.locks.delete(keyOf(workspace, audienceId));
  }

  async forget(workspace: string, audienceId: string): Promise<void> {
    const key = keyOf(workspace, audienceId);
    this.memberSets.delete(key);
    this.countLists.delete(key);
    this.schedules.delete(key);
  }
}
