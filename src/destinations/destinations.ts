/**
 * Saved audiences sent to their destinations: connecting one (and its first full sync, queued
 * from the latest count when there is one), queueing each later count's changes, and a worker
 * that sends queued deliveries one at a time per destination, in order, retrying a failed one
 * with exponential backoff (capped) until it succeeds, and logging every attempt.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AudienceChange } from '../audiences/history/audience-keeper.js';
import type { AudienceHistoryStore } from '../audiences/history/types.js';
import { AppError } from '../errors.js';
import { dropFile } from './file-drop.js';
import { planDeliveries } from './plan-deliveries.js';
import { privateHostReason } from './public-address.js';
import type { DeliveryJob, Destination, DestinationSettings, DestinationStore } from './types.js';
import { sendWebhook, type SendResult } from './webhook.js';

export interface DeliveryTiming {
  /** How often the queue is looked at. */
  pollMs: number;
  /** One webhook attempt, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** Backoff after the first failure, doubled each time up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Members per delivery. */
  batchSize: number;
}

export const DEFAULT_DELIVERY_TIMING: DeliveryTiming = { pollMs: 200, timeoutMs: 10_000, backoffMs: 1_000, maxBackoffMs: 5 * 60_000, batchSize: 1_000 };

export interface DestinationsOptions {
  store: DestinationStore;
  history: AudienceHistoryStore;
  /** Where file destinations write; undefined: file destinations are refused. */
  fileDropDir?: string;
  /** Let webhooks post to loopback and private addresses (a single-tenant service on its own network, tests). */
  allowPrivateHosts?: boolean;
  timing?: Partial<DeliveryTiming>;
  clock?: () => Date;
  newId?: () => string;
  logger: Logger;
}

export class Destinations {
  private readonly timing: DeliveryTiming;
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private timer?: NodeJS.Timeout;
  private working?: Promise<void>;

  constructor(private readonly opts: DestinationsOptions) {
    this.timing = { ...DEFAULT_DELIVERY_TIMING, ...opts.timing };
    this.clock = opts.clock ?? (() => new Date());
    this.newId = opts.newId ?? randomUUID;
  }

  async connect(workspace: string, audience: { id: string; name: string }, settings: DestinationSettings): Promise<Destination> {
    if (settings.type === 'file' && !this.opts.fileDropDir) {
      throw new AppError('not_allowed', 'This service has no drop folder for files: set FILE_DROP_DIR to a folder it may write to.');
    }
    if (settings.type === 'webhook' && !this.opts.allowPrivateHosts) {
      const reason = await privateHostReason(settings.url);
      if (reason) throw new AppError('invalid_input', reason, { field: 'url' });
    }
    const base = { id: this.newId(), workspace, audienceId: audience.id, createdAt: this.clock().toISOString() };
    const destination: Destination = settings.type === 'webhook' ? { ...settings, secret: settings.secret ?? randomBytes(24).toString('hex'), ...base } : { ...settings, ...base };
    await this.opts.store.add(destination);
    // The first full sync goes out now if the audience was counted already, else with its first count.
    const members = await this.opts.history.members(workspace, audience.id);
    const [last] = await this.opts.history.counts(workspace, audience.id, 1);
    if (members && last) await this.queue(destination, audience.name, last.seq, [...members].sort());
    return destination;
  }

  /** The keeper's listener: each count's changes queued for every destination of the audience. */
  readonly onChange = async (change: AudienceChange): Promise<void> => {
    for (const destination of await this.opts.store.ofAudience(change.workspace, change.audience.id)) {
      await this.queue(destination, change.audience.name, change.count.seq, change.members);
    }
  };

  private async queue(destination: Destination, audienceName: string, countSeq: number, members: string[]): Promise<void> {
    const { store } = this.opts;
    const given = await store.given(destination.id);
    const jobs = planDeliveries({ destinationId: destination.id, workspace: destination.workspace, audienceId: destination.audienceId, audienceName, countSeq, members, given, batchSize: this.timing.batchSize, newId: this.newId, at: this.clock() });
    await store.enqueue(destination.id, jobs, members);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.working ??= this.drain().finally(() => (this.working = undefined));
    }, this.timing.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.working;
  }

  /** Sends every due delivery (one per destination at a time). */
  async drain(): Promise<void> {
    const { store, logger } = this.opts;
    const lease = this.timing.timeoutMs + 5_000;
    for (;;) {
      let claimed;
      try {
        claimed = await store.claim(this.clock().getTime(), lease);
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read the delivery queue');
        return;
      }
      if (!claimed) return;
      await this.deliver(claimed.destinationId, claimed.job).catch((err: unknown) => logger.error({ err, destination_id: claimed.destinationId }, 'a delivery could not be recorded'));
    }
  }

  /** The host is checked again before each attempt: a name may have moved to a private address since. */
  private async sendChecked(url: string, secret: string, job: DeliveryJob): Promise<SendResult> {
    const reason = this.opts.allowPrivateHosts ? undefined : await privateHostReason(url);
    if (reason) return { ok: false, error: reason };
    return sendWebhook(url, secret, job, { timeoutMs: this.timing.timeoutMs, now: this.clock() });
  }

  private async deliver(destinationId: string, job: DeliveryJob): Promise<void> {
    const { store } = this.opts;
    const destination = await store.get(job.workspace, destinationId);
    if (!destination) return store.complete(destinationId, this.clock().getTime());
    const started = performance.now();
    const result: SendResult = destination.type === 'webhook'
      ? await this.sendChecked(destination.url, destination.secret, job)
      : await dropFile(this.opts.fileDropDir!, job, destination.format);
    const attempt = job.attempts + 1;
    const at = this.clock();
    const entry = { deliveryId: job.id, at: at.toISOString(), attempt, entered: job.entered.length, exited: job.exited.length, ms: Math.round(performance.now() - started) };
    if (result.ok) {
      await store.log(destinationId, { ...entry, status: 'delivered', ...(result.httpStatus ? { httpStatus: result.httpStatus } : {}) });
      await store.complete(destinationId, at.getTime());
      return;
    }
    const retryAt = at.getTime() + Math.min(this.timing.maxBackoffMs, this.timing.backoffMs * 2 ** (attempt - 1));
    await store.log(destinationId, { ...entry, status: 'failed', ...(result.httpStatus ? { httpStatus: result.httpStatus } : {}), error: result.error ?? 'failed', retryAt: new Date(retryAt).toISOString() });
    await store.retry(destinationId, { ...job, attempts: attempt }, retryAt);
  }
}
