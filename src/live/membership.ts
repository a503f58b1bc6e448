/**
 * How long a visitor stays in a live audience once they qualify: the rules the matcher applies
 * to each audience on each visit, kept pure so they can be read (and tested) on their own.
 *
 * A session membership lasts while the visitor keeps visiting (each visit pushes its end to
 * `timeoutMs` later) and the site reports the same session number; an hours/days/weeks
 * membership ends a fixed time after the visitor last qualified.
 */
import type { LiveAudience, Membership, MembershipDuration } from './types.js';

export interface SessionTiming {
  nowMs: number;
  /** A session ends after this long without a visit. */
  timeoutMs: number;
  /** The visit's session number, when the site sent one. */
  sessionCount: number | undefined;
}

const HOUR_MS = 3_600_000;
const UNIT_MS = { hours: HOUR_MS, days: 24 * HOUR_MS, weeks: 7 * 24 * HOUR_MS } as const;
/** An end moved by less than this is not worth a write: at most a minute, 1% of the duration. */
const MAX_SLACK_MS = 60_000;

export function durationMs(duration: MembershipDuration, sessionTimeoutMs: number): number {
  return duration.unit === 'session' ? sessionTimeoutMs : duration.amount * UNIT_MS[duration.unit];
}

/**
 * A session membership holds in the session it was recorded in; when either visit did not say
 * its session number, only the timeout can end it.
 */
export function sessionMembershipHolds(m: Membership, { sessionCount }: SessionTiming): boolean {
  return m.session === undefined || sessionCount === undefined || m.session === sessionCount;
}

function slackMs(length: number): number {
  return Math.min(MAX_SLACK_MS, length / 100);
}

/**
 * The membership to record for a visitor who qualifies now, or undefined when the one they
 * hold already says the same (same session, an end within the slack of the new one).
 */
export function membershipOnQualifying(audience: LiveAudience, held: Membership | undefined, t: SessionTiming): Membership | undefined {
  const length = durationMs(audience.duration, t.timeoutMs);
  const next: Membership = { audienceId: audience.id, until: t.nowMs + length };
  if (audience.duration.unit === 'session' && t.sessionCount !== undefined) next.session = t.sessionCount;
  if (held && held.session === next.session && next.until - held.until <= slackMs(length)) return undefined;
  return next;
}

/**
 * A visit keeps a session going: a session membership the visitor holds without qualifying now
 * is pushed to `timeoutMs` after this visit. Fixed durations are not moved.
 */
export function membershipToSlide(audience: LiveAudience, held: Membership, t: SessionTiming): Membership | undefined {
  if (audience.duration.unit !== 'session') return undefined;
  const until = t.nowMs + t.timeoutMs;
  return until - held.until > slackMs(t.timeoutMs) ? { ...held, until } : undefined;
}

/** Why a visitor who no longer meets the conditions is still in the audience. */
export function heldReasons(audience: LiveAudience, m: Membership): string[] {
  if (audience.duration.unit === 'session') return ['Qualified earlier in this session'];
  return [`Qualified earlier; member until ${new Date(m.until).toISOString().slice(0, 16).replace('T', ' ')} UTC`];
}
