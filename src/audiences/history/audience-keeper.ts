/**
 * Keeps saved audiences current: counts an audience on demand or when its schedule says,
 * compares the members with the previous count (who entered, who left), keeps the count as
 * history and tells the listeners (destinations) what changed. One count of an audience runs at
 * a time, across processes (the store's lock); a schedule's next time is set before its count
 * runs, so an audience that fails to count is tried again at its next time, not in a loop.
 */
import type { Logger } from 'pino';
import type { Audience, AudienceRepository } from '../types.js';
import { assertValid } from '../../definition/validate.js';
import { AppError } from '../../errors.js';
import { servedWorkspace, type WorkspaceDirectory } from '../../server/runs/assistant.js';
import { CHANGE_IDS_KEPT, type AudienceCount, type AudienceHistoryStore, type RefreshSchedule } from './types.js';

export interface AudienceChange {
  workspace: string;
  audience: Audience;
  count: AudienceCount;
  /** Every member as of this count. */
  members: string[];
  entered: string[];
  exited: string[];
  /** The audience's first count: everyone "entered". */
  first: boolean;
}

export type ChangeListener = (change: AudienceChange) => Promise<void>;

export interface AudienceKeeperOptions {
  history: AudienceHistoryStore;
  audiences: AudienceRepository;
  workspaces: WorkspaceDirectory;
  referenceTime: () => Date;
  clock?: () => Date;
  logger: Logger;
  /** How often due schedules are looked for. */
  tickMs?: number;
  /** The shortest schedule allowed. */
  minEveryMs?: number;
  /** How long one count may hold its audience's lock. */
  lockTtlMs?: number;
}

export class AudienceKeeper {
  private readonly listeners: ChangeListener[] = [];
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private readonly clock: () => Date;
  readonly minEveryMs: number;

  constructor(private readonly opts: AudienceKeeperOptions) {
    this.clock = opts.clock ?? (() => new Date());
    this.minEveryMs = opts.minEveryMs ?? 60_000;
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.ticking ??= this.tick().finally(() => (this.ticking = undefined));
    }, this.opts.tickMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  async setSchedule(workspace: string, audienceId: string, everyMs: number | undefined): Promise<RefreshSchedule | undefined> {
    await this.requireAudience(workspace, audienceId);
    if (everyMs !== undefined && everyMs < this.minEveryMs) {
      throw new AppError('invalid_input', `An audience can be counted at most every ${Math.round(this.minEveryMs / 1000)} seconds.`, { field: 'every', min_ms: this.minEveryMs });
    }
    const schedule = everyMs === undefined ? undefined : { everyMs, nextAt: new Date(this.clock().getTime() + everyMs).toISOString() };
    await this.opts.history.setSchedule(workspace, audienceId, schedule);
    return schedule;
  }

  /** Counts the audience now; AppError `conflict` (retryable) while another count of it runs. */
  async recount(workspace: string, audienceId: string, trigger: AudienceCount['trigger'] = 'on_demand'): Promise<AudienceCount> {
    const audience = await this.requireAudience(workspace, audienceId);
    const { history } = this.opts;
    if (!(await history.lock(workspace, audienceId, this.opts.lockTtlMs ?? 5 * 60_000))) {
      throw new AppError('conflict', 'This audience is being counted right now. Ask again in a moment.');
    }
    try {
      const ws = await servedWorkspace(this.opts.workspaces, workspace);
      const now = this.opts.referenceTime();
      assertValid(audience.definition, ws.catalog, { now, search: ws.search });
      const members = await ws.engine.memberIds(audience.definition, { now });
      const previous = await history.members(workspace, audienceId);
      const current = new Set(members);
      const entered = previous ? members.filter((id) => !previous.has(id)) : members;
      const exited = previous ? [...previous].filter((id) => !current.has(id)).sort() : [];
      const [last] = await history.counts(workspace, audienceId, 1);
      const count: AudienceCount = {
        seq: (last?.seq ?? 0) + 1,
        at: this.clock().toISOString(),
        now: now.toISOString(),
        trigger,
        size: members.length,
        entered: entered.length,
        exited: exited.length,
        enteredIds: entered.slice(0, CHANGE_IDS_KEPT),
        exitedIds: exited.slice(0, CHANGE_IDS_KEPT),
      };
      await history.record(workspace, audienceId, count, members);
      const change: AudienceChange = { workspace, audience, count, members, entered, exited, first: previous === undefined };
      for (const listener of this.listeners) {
        await listener(change).catch((err: unknown) => this.opts.logger.error({ err, workspace, audience_id: audienceId }, 'a destination could not take an audience\'s changes'));
      }
      return count;
    } finally {
      await history.unlock(workspace, audienceId);
    }
  }

  private async requireAudience(workspace: string, audienceId: string): Promise<Audience> {
    const audience = await this.opts.audiences.get(workspace, audienceId);
    if (!audience) throw new AppError('not_found', `There is no audience ${audienceId}.`);
    return audience;
  }

  private async tick(): Promise<void> {
    const { history, logger } = this.opts;
    let due;
    try {
      due = await history.due(this.clock().getTime());
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not look for audiences due a count');
      return;
    }
    for (const { workspace, audienceId } of due) {
      try {
        const schedule = await history.schedule(workspace, audienceId);
        if (!schedule || !(await this.opts.audiences.get(workspace, audienceId))) {
          await history.forget(workspace, audienceId);
          continue;
        }
        await history.setSchedule(workspace, audienceId, { ...schedule, nextAt: new Date(this.clock().getTime() + schedule.everyMs).toISOString() });
        await this.recount(workspace, audienceId, 'schedule');
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') continue;
        logger.error({ err: err instanceof Error ? err.message : String(err), workspace, audience_id: audienceId }, 'a scheduled audience count failed; it is tried again at its next time');
      }
    }
  }
}
