/**
 * A live audience as a store may hold it: checked on the way in and on the way out (the
 * definition parsed with its limits), so a record no request could have made is refused or
 * skipped, and never reaches the matcher.
 */
import { z } from 'zod';
import { parseDefinition } from '../definition/parse.js';
import { invalidRecord } from '../repositories/stored-records.js';
import type { LiveAudience } from './types.js';

/** How long a visitor stays in once they qualify: the session, or 1 to 365 hours, days or weeks. */
export const MembershipDurationSchema = z.discriminatedUnion('unit', [
  /** Until the session ends: a new session number, or the session timeout without a visit. */
  z.strictObject({ unit: z.literal('session') }),
  z.strictObject({ unit: z.enum(['hours', 'days', 'weeks']), amount: z.number().int().min(1).max(365) }),
]);

const StoredLiveAudience = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  description: z.string().max(5_000),
  definition: z.unknown(),
  duration: MembershipDurationSchema,
  enabled: z.boolean(),
  builtIn: z.boolean(),
  prompt: z.string().max(100_000).optional(),
  createdAt: z.string().min(1).max(64),
  updatedAt: z.string().min(1).max(64),
});

/** The live audience with its definition parsed; AppError `invalid_definition` (or `limit_exceeded`) when it is not one. */
export function storedLiveAudience(value: unknown): LiveAudience {
  const parsed = StoredLiveAudience.safeParse(value);
  if (!parsed.success) throw invalidRecord('live audience', parsed.error);
  const { prompt, ...rest } = parsed.data;
  return { ...rest, ...(prompt !== undefined ? { prompt } : {}), definition: parseDefinition(parsed.data.definition) };
}
