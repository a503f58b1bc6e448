/**
 * Generates the year of events day by day and writes each day, in time order, once it is
 * complete. Each person's next visit is kept in a per-day list (an index-linked list over typed
 * arrays), so a day touches only the people visiting that day; a campaign send touches everyone.
 */
import { DAY, datePrefix, dayOf, timeOfDay } from './clock.js';
import type { CampaignSend } from './campaigns.js';
import { sendCampaign } from './campaigns.js';
import { Kind } from './event-kinds.js';
import { EventLines } from './event-lines.js';
import type { GenerationContext } from './generation-context.js';
import { runSession } from './sessions.js';
import { SIGNUP_METHODS } from './vocabulary.js';

export interface EventWriting {
  /** Visits per day of a person of average activity. */
  visitRate: number;
  sends: readonly CampaignSend[];
  /** Same contract as OutputFile.writeLine: a promise only when the caller must wait. */
  writeLine: (line: string) => Promise<void> | undefined;
  onDay?: (daysDone: number, days: number, events: number) => void;
}

/** Writes all events; returns how many. */
export async function writeEvents(ctx: GenerationContext, how: EventWriting): Promise<number> {
  const { rng, table, buffer, now, yearStart } = ctx;
  const { sends } = how;
  const firstDay = dayOf(yearStart);
  const days = dayOf(now - 1) - firstDay + 1;
  const head = new Int32Array(days).fill(-1);
  const link = new Int32Array(table.count);
  const nextAt = new Float64Array(table.count);
  const signupPending = new Uint8Array(table.count);

  const schedule = (i: number, at: number): void => {
    if (at >= now) return;
    const d = dayOf(at) - firstDay;
    nextAt[i] = at;
    link[i] = head[d] ?? -1;
    head[d] = i;
  };
  const gap = (i: number): number => {
    const rate = how.visitRate * (table.activity[i] ?? 0);
    return rate > 0 ? Math.floor(rng.exponential(DAY / rate)) : Infinity;
  };

  for (let i = 0; i < table.count; i++) {
    const created = table.created[i] ?? 0;
    if (created >= yearStart) {
      signupPending[i] = 1;
      schedule(i, created);
    } else {
      const first = yearStart + gap(i);
      if (first < (table.churnAt[i] ?? 0)) schedule(i, first);
    }
  }

  const lines = new EventLines(table.idWidth);
  let events = 0;
  let sendIndex = 0;
  for (let d = 0; d < days; d++) {
    const day = firstDay + d;
    for (let send = sends[sendIndex]; send && dayOf(send.at) === day; send = sends[++sendIndex]) {
      sendCampaign(ctx, send);
    }
    for (let i = head[d] ?? -1; i !== -1; i = head[d] ?? -1) {
      head[d] = link[i] ?? -1;
      let start = nextAt[i] ?? 0;
      if (signupPending[i] === 1) {
        signupPending[i] = 0;
        buffer.add(start, Kind.SignedUp, i, rng.int(SIGNUP_METHODS.length));
        start += rng.between(30, 600);
      }
      const next = runSession(ctx, i, start) + 60 + gap(i);
      if (next < (table.churnAt[i] ?? 0)) schedule(i, next);
    }

    const held = buffer.take(day);
    if (held !== undefined) {
      const prefix = datePrefix(day);
      const order = held.timeOrder();
      for (let k = 0; k < order.length; k++) {
        const j = order[k] ?? 0;
        const wait = how.writeLine(lines.line(held, j, events++, prefix + timeOfDay(held.second[j] ?? 0)));
        if (wait) await wait;
      }
    }
    how.onDay?.(d + 1, days, events);
  }
  return events;
}
