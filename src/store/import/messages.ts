/**
 * The Segment-Spec messages a workspace file may hold. Only `identify` and `track` carry
 * audience data; other message types (page, screen, group, alias) are counted and skipped.
 */
import { z } from 'zod';

const id = z.string().min(1).max(200);
const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid timestamp');
const jsonObject = z.record(z.string(), z.unknown());

export const IdentifyMessage = z.object({
  type: z.literal('identify'),
  userId: id,
  traits: jsonObject.default({}),
  timestamp: timestamp.optional(),
});

export const TrackMessage = z.object({
  type: z.literal('track'),
  userId: id,
  event: z.string().min(1).max(200),
  properties: jsonObject.default({}),
  timestamp,
  messageId: z.string().optional(),
});

export type IdentifyMessage = z.infer<typeof IdentifyMessage>;
export type TrackMessage = z.infer<typeof TrackMessage>;

export type ParsedLine =
  | { kind: 'identify'; message: IdentifyMessage }
  | { kind: 'track'; message: TrackMessage }
  | { kind: 'skipped' }
  | { kind: 'malformed'; reason: string };

const OTHER_TYPES = new Set(['page', 'screen', 'group', 'alias']);

export function parseLine(line: string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { kind: 'malformed', reason: 'not valid JSON' };
  }
  const type = (raw as { type?: unknown } | null)?.type;
  if (type === 'track') {
    const r = TrackMessage.safeParse(raw);
    return r.success ? { kind: 'track', message: r.data } : { kind: 'malformed', reason: describe(r.error) };
  }
  if (type === 'identify') {
    const r = IdentifyMessage.safeParse(raw);
    return r.success ? { kind: 'identify', message: r.data } : { kind: 'malformed', reason: describe(r.error) };
  }
  if (typeof type === 'string' && OTHER_TYPES.has(type)) return { kind: 'skipped' };
  return { kind: 'malformed', reason: `unknown message type ${JSON.stringify(type ?? null).slice(0, 40)}` };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'message'}: ${issue.message}`;
}
