/**
 * A saved audience as a store may hold it: checked on the way in and on the way out (the
 * definition parsed with its limits), so a record no request could have made is refused or
 * skipped, never computed.
 */
import { z } from 'zod';
import { parseDefinition } from '../definition/parse.js';
import { invalidRecord } from '../repositories/stored-records.js';
import type { Audience } from './types.js';

const StoredAudience = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  description: z.string().max(5_000),
  prompt: z.string().max(100_000),
  definition: z.unknown(),
  createdAt: z.string().min(1).max(64),
});

/** The audience with its definition parsed; AppError `invalid_definition` (or `limit_exceeded`) when it is not one. */
export function storedAudience(value: unknown): Audience {
  const parsed = StoredAudience.safeParse(value);
  if (!parsed.success) throw invalidRecord('saved audience', parsed.error);
  return { ...parsed.data, definition: parseDefinition(parsed.data.definition) };
}
