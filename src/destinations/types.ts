/**
 * Where a saved audience is sent, and what is on its way. A destination receives the whole
 * audience once (a full sync, as members that entered), then only who entered and who left
 * since what it was last given. Each change is queued once, in order per destination; a
 * delivery is tried until it succeeds (with backoff) and logged each time.
 */
import { z } from 'zod';

export const WebhookSettings = z.strictObject({
  type: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/ }).max(2_000),
  /** Signs each delivery (HMAC-SHA256); generated when not given. */
  secret: z.string().min(16).max(200).optional(),
});

export const FileDropSettings = z.strictObject({
  type: z.literal('file'),
  format: z.enum(['csv', 'jsonl']).default('csv'),
});

export const DestinationSettings = z.discriminatedUnion('type', [WebhookSettings, FileDropSettings]);
export type DestinationSettings = z.infer<typeof DestinationSettings>;

export type Destination = (z.infer<typeof WebhookSettings> & { secret: string } | z.infer<typeof FileDropSettings>) & {
  id: string;
  workspace: string;
  audienceId: string;
  createdAt: string;
};

export interface DeliveryJob {
  /** Sent as the delivery's id: a receiver that sees it twice (a retry after a lost answer) can skip it. */
  id: string;
  destinationId: string;
  workspace: string;
  audienceId: string;
  audienceName: string;
  /** The audience count this change comes from. */
  countSeq: number;
  /** `full`: the whole audience (first sync); `changes`: entered and exited since the last delivery. */
  sync: 'full' | 'changes';
  /** 1-based part of the change, of `parts` (a change is sent in batches). */
  part: number;
  parts: number;
  entered: string[];
  exited: string[];
  attempts: number;
  createdAt: string;
}

export interface DeliveryLogEntry {
  deliveryId: string;
  at: string;
  attempt: number;
  status: 'delivered' | 'failed';
  /** The receiver's HTTP status, when it answered. */
  httpStatus?: number;
  error?: string;
  /** When it is tried again (failed only). */
  retryAt?: string;
  entered: number;
  exited: number;
  ms: number;
}

export interface DestinationStore {
  add(destination: Destination): Promise<void>;
  get(workspace: string, id: string): Promise<Destination | undefined>;
  /** The audience's destinations, oldest first. */
  ofAudience(workspace: string, audienceId: string): Promise<Destination[]>;
  /** Removes it with its queue, log and what it was given. */
  remove(workspace: string, id: string): Promise<boolean>;
  /** Members the destination was given (queued) so far; undefined before its first sync. */
  given(destinationId: string): Promise<Set<string> | undefined>;
  /** Queues the jobs and makes `members` what the destination was given, together. */
  enqueue(destinationId: string, jobs: DeliveryJob[], members: string[]): Promise<void>;
  /** A destination whose head job is due at `nowMs`, leased for `leaseMs` (no other worker takes it meanwhile). */
  claim(nowMs: number, leaseMs: number): Promise<{ destinationId: string; job: DeliveryJob } | undefined>;
  /** The head job is done: the next one (if any) is due now. */
  complete(destinationId: string, nowMs: number): Promise<void>;
  /** The head job failed: kept at the head with its attempts, due again at `retryAtMs`. */
  retry(destinationId: string, job: DeliveryJob, retryAtMs: number): Promise<void>;
  pending(destinationId: string): Promise<number>;
  log(destinationId: string, entry: DeliveryLogEntry): Promise<void>;
  /** Newest first. */
  deliveries(destinationId: string, limit: number): Promise<DeliveryLogEntry[]>;
}

export const LOG_KEPT = 500;
