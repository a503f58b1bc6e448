import { randomUUID } from 'node:crypto';

/**
 * Channel versions as `<20-digit counter>.<uuid>`, as the official Postgres saver mints them.
 *
 * Channel values are stored once per (channel, version). With plain integer versions, two
 * branches forked from the same checkpoint would both write version n+1 of a channel with
 * different values, and one branch would read the other's value. The random suffix keeps every
 * version unique; the zero-padded counter keeps string order equal to numeric order, which is
 * how LangGraph compares versions.
 */
export function nextChannelVersion(current: unknown): string {
  const counter = typeof current === 'number' ? current : typeof current === 'string' ? parseCounter(current) : 0;
  return `${String(Math.trunc(counter) + 1).padStart(20, '0')}.${randomUUID()}`;
}

function parseCounter(version: string): number {
  const n = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}
