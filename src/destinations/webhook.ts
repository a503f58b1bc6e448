/**
 * Sends a delivery to a webhook: a JSON body signed with HMAC-SHA256 over `<timestamp>.<body>`
 * (header `X-Audience-Agent-Signature: t=<unix seconds>,v1=<hex>`, as Stripe signs), the
 * delivery id in `X-Audience-Agent-Delivery` for receivers to skip a repeat. Any 2xx is success;
 * anything else, a timeout or a broken connection is a failure to retry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { boundedFetch } from '../http/bounded-fetch.js';
import type { DeliveryJob } from './types.js';

export const SIGNATURE_HEADER = 'x-audience-agent-signature';
export const DELIVERY_HEADER = 'x-audience-agent-delivery';

export interface SendResult {
  ok: boolean;
  httpStatus?: number;
  error?: string;
}

export function webhookBody(job: DeliveryJob, sentAt: Date): string {
  return JSON.stringify({
    delivery_id: job.id,
    audience: { id: job.audienceId, name: job.audienceName },
    destination_id: job.destinationId,
    sync: job.sync,
    count_seq: job.countSeq,
    part: job.part,
    parts: job.parts,
    sent_at: sentAt.toISOString(),
    entered: job.entered,
    exited: job.exited,
  });
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): whether the header signs the body with the secret. */
export function verifySignature(secret: string, header: string | undefined, body: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const expected = Buffer.from(sign(secret, Number(m[1]), body).split('v1=')[1]!, 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

export async function sendWebhook(url: string, secret: string, job: DeliveryJob, opts: { timeoutMs: number; now: Date }): Promise<SendResult> {
  const body = webhookBody(job, opts.now);
  const timestamp = Math.floor(opts.now.getTime() / 1000);
  const send = boundedFetch({ deadlineMs: opts.timeoutMs, maxResponseBytes: 64 * 1024 });
  try {
    const res = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(secret, timestamp, body), [DELIVERY_HEADER]: job.id, 'user-agent': 'audience-agent' },
      body,
      redirect: 'manual',
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true, httpStatus: res.status } : { ok: false, httpStatus: res.status, error: `The receiver answered ${res.status}.` };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
