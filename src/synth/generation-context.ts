/**
 * What the generators of sessions and campaigns share while one workspace is generated.
 */
import type { DayBuffer } from './day-buffer.js';
import type { ProfileTable } from './profile-table.js';
import type { Prng } from './prng.js';

export interface GenerationContext {
  rng: Prng;
  table: ProfileTable;
  buffer: DayBuffer;
  /** Seconds since the epoch; nothing happens at or after it. */
  now: number;
  /** now minus 365 days: the first second events are generated for. */
  yearStart: number;
  /** Share of the reachable people each campaign is sent to (1 at the size of `shop/`). */
  campaignShare: number;
}
