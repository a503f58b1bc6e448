/**
 * Spans a definition cannot hold: a time after another event ("in the following 30 days") or
 * a rate ("per week", "twice a month"). Recognised so they are said back as not understood
 * instead of being misread as a count or a window.
 */
import type { Token } from '../text/tokenize.js';
import type { Recognised } from './scan-types.js';
import { amountAt, toDuration, unitAt } from './time-units.js';
import { LASTS, LEADS } from './window.js';

/**
 * "in the following 30 days", "within the next week": a span after another event, or in the
 * future. Neither is a window over history; it is said back as not understood rather than
 * misread as a count.
 */
function followingSpan(tokens: readonly Token[], i: number): Recognised | undefined {
  let j = i;
  if (LEADS.has(tokens[j]?.norm ?? '')) j++;
  if (tokens[j]?.norm === 'the') j++;
  const word = tokens[j]?.norm ?? '';
  if (!['following', 'next', 'subsequent', 'coming'].includes(word)) return undefined;
  j++;
  const amount = amountAt(tokens, j);
  if (amount !== undefined) j++;
  const unit = unitAt(tokens, j);
  if (!unit) return undefined;
  // "in the next 7 days": ahead of now, for a date the profile holds ("trial ends in the next 7 days").
  const ahead = (word === 'next' || word === 'coming') && unit.unit !== 'hours' ? toDuration(amount ?? 1, unit) : undefined;
  if (ahead) return { end: j + 1, body: { kind: 'window', spec: { kind: 'next', amount: ahead.amount, unit: ahead.unit } } };
  return { end: j + 1, body: { kind: 'unsupported' } };
}

/** "per week", "every month", "twice a week": a rate, which the definition cannot say. */
function rate(tokens: readonly Token[], i: number): Recognised | undefined {
  const w = tokens[i]?.norm;
  const before = tokens[i - 1]?.norm ?? '';
  const lead = w === 'per' || w === 'every' || w === 'each' || (w === 'a' && !LEADS.has(before) && !LASTS.has(before) && before !== 'than' && before !== 'over');
  if (!lead || !unitAt(tokens, i + 1) || tokens[i + 2]?.norm === 'ago') return undefined;
  return { end: i + 2, body: { kind: 'unsupported' } };
}

export function recogniseUnsupportedSpan(tokens: readonly Token[], i: number): Recognised | undefined {
  return followingSpan(tokens, i) ?? rate(tokens, i);
}
