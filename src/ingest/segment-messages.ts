/**
 * The Segment Spec's `track` and `identify` messages as the ingestion API takes them (the shapes
 * Segment's libraries, its webhook destination and RudderStack send), and their limits: 32 KB
 * per message, 500 KB per batch. `page`, `screen`, `group` and `alias` are accepted and not kept:
 * they carry nothing an audience here can ask about.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const MAX_MESSAGE_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

const id = z.union([z.string().min(1).max(200), z.number().finite().transform(String)]);
const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a valid ISO-8601 timestamp');
const jsonObject = z.record(z.string(), z.unknown());

const common = {
  userId: id.optional(),
  anonymousId: id.optional(),
  messageId: z.string().min(1).max(200).optional(),
  timestamp: timestamp.optional(),
  originalTimestamp: timestamp.optional(),
  sentAt: timestamp.optional(),
  context: jsonObject.optional(),
};

const Track = z.object({ type: z.literal('track'), event: z.string().trim().min(1).max(200), properties: jsonObject.default({}), ...common });
const Identify = z.object({ type: z.literal('identify'), traits: jsonObject.default({}), ...common });
const Other = z.object({ type: z.enum(['page', 'screen', 'group', 'alias']), ...common });
const SegmentMessage = z.discriminatedUnion('type', [Track, Identify, Other]);

export const BatchEnvelope = z.object({
  batch: z.array(z.unknown()).min(1, 'holds no messages').max(10_000),
  sentAt: timestamp.optional(),
  context: jsonObject.optional(),
  writeKey: z.string().optional(),
});

export type MessageType = 'track' | 'identify' | 'page' | 'screen' | 'group' | 'alias';

/** A message ready to be kept: who, what, when (UTC), and its id for de-duplication. */
export type IngestMessage =
  | { kind: 'track'; messageId: string; userId: string; event: string; properties: Record<string, unknown>; timestamp: Date }
  | { kind: 'identify'; messageId: string; userId: string; traits: Record<string, unknown>; timestamp: Date }
  | { kind: 'ignored'; messageId: string };

export type ReadResult = { ok: true; message: IngestMessage } | { ok: false; code: 'invalid_input' | 'payload_too_large'; reason: string };

/**
 * When it happened, as Segment works it out: `timestamp` when given; else `originalTimestamp`
 * corrected by the sender's clock skew (`receivedAt - sentAt`); else when it arrived.
 */
function eventTime(m: { timestamp?: string; originalTimestamp?: string; sentAt?: string }, sentAt: string | undefined, receivedAt: Date): Date {
  if (m.timestamp) return new Date(m.timestamp);
  if (m.originalTimestamp) {
    const original = Date.parse(m.originalTimestamp);
    const sent = m.sentAt ?? sentAt;
    return new Date(sent ? original + (receivedAt.getTime() - Date.parse(sent)) : original);
  }
  return receivedAt;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.join('.');
  return path ? `${path} ${issue.message}` : issue.message;
}

export interface ReadOptions {
  /** The type the route implies (`/v1/track`); a batch's messages say their own. */
  type?: MessageType;
  /** The batch's `sentAt`, for messages that do not carry their own. */
  sentAt?: string;
  receivedAt: Date;
  /** The message's size as sent, when the caller knows it (else measured). */
  bytes?: number;
}

/** One message checked against the Spec; a refusal says what is wrong in words a developer can act on. */
export function readMessage(raw: unknown, opts: ReadOptions): ReadResult {
  const bytes = opts.bytes ?? Buffer.byteLength(JSON.stringify(raw ?? null));
  if (bytes > MAX_MESSAGE_BYTES) return { ok: false, code: 'payload_too_large', reason: `The message is ${bytes} bytes; a message may be at most 32 KB.` };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, code: 'invalid_input', reason: 'A message must be a JSON object.' };
  const withType = opts.type ? { ...raw, type: opts.type } : raw;
  const parsed = SegmentMessage.safeParse(withType);
  if (!parsed.success) return { ok: false, code: 'invalid_input', reason: `The message's ${describe(parsed.error)}.` };
  const m = parsed.data;
  const messageId = m.messageId ?? randomUUID();
  if (m.type !== 'track' && m.type !== 'identify') return { ok: true, message: { kind: 'ignored', messageId } };
  // Profiles are keyed by one id: the user's, else the anonymous visitor's (the id /v1/match is asked about).
  const userId = m.userId ?? m.anonymousId;
  if (!userId) return { ok: false, code: 'invalid_input', reason: 'The message needs a userId or an anonymousId.' };
  const at = eventTime(m, opts.sentAt, opts.receivedAt);
  if (m.type === 'track') return { ok: true, message: { kind: 'track', messageId, userId, event: m.event, properties: m.properties, timestamp: at } };
  return { ok: true, message: { kind: 'identify', messageId, userId, traits: m.traits, timestamp: at } };
}
