/**
 * "A window said once covers the whole clause": event conditions that say no window take the
 * one said nearest after them (English puts it last: "viewed a product but didn't purchase in
 * the last 7 days"), else the one before; "in that time" takes the one before. All-time words
 * ("never", "ever", "in total") and glossary terms keep their own. An ellipsis of the event
 * just said ("bought twice but not in the last 90 days", "but not recently") has a window of
 * its own that the first clause does not take: that clause keeps all history.
 */
import type { Window } from '../../../definition/schema.js';
import type { EventDraft } from './drafts.js';

export function shareWindows(drafts: readonly EventDraft[], anchors: ReadonlyArray<{ order: number; window: Window }>): Map<EventDraft, Window | undefined> {
  const said: Array<{ order: number; window: Window; from?: EventDraft }> = [
    ...drafts.flatMap((d) => (d.window?.kind === 'window' && !d.ownWindow ? [{ order: d.order, window: d.window.window, from: d }] : [])),
    ...anchors,
  ].sort((a, b) => a.order - b.order);
  // "bought at least 3 times but haven't ordered in the past 60 days": the same event done and
  // not done in one window is a contradiction, so the window contrasts rather than covers.
  const fits = (d: EventDraft) => (s: { from?: EventDraft }) => !s.from || !contrasts(s.from, d);
  const before = (d: EventDraft) => [...said].reverse().find((s) => s.order < d.order && fits(d)(s))?.window;
  const after = (d: EventDraft) => said.find((s) => s.order > d.order && fits(d)(s))?.window;
  const out = new Map<EventDraft, Window | undefined>();
  for (const d of drafts) {
    if (d.measure.type === 'recency') out.set(d, undefined);
    else if (d.window?.kind === 'window') out.set(d, d.window.window);
    else if (d.window?.kind === 'alltime') out.set(d, undefined);
    else if (d.window?.kind === 'backref') out.set(d, before(d) ?? after(d));
    else if (d.fixedWindow) out.set(d, d.fixedWindow);
    else out.set(d, after(d) ?? before(d));
  }
  return out;
}

const isZero = (d: EventDraft) => d.measure.type === 'count' && d.measure.op === 'eq' && d.measure.value === 0;

/**
 * Done and not done in one window, where the "not" covers at least what was done: "bought
 * Electronics but haven't bought anything since September". "Bought Beauty but not
 * Electronics in the last 30 days" does not contrast, and shares its window.
 */
function contrasts(a: EventDraft, b: EventDraft): boolean {
  if (isZero(a) === isZero(b)) return false;
  const [zero, done] = isZero(a) ? [a, b] : [b, a];
  const sameEvents = JSON.stringify([...zero.events].sort()) === JSON.stringify([...done.events].sort());
  const doneFilters = new Set(done.filters.map((f) => JSON.stringify(f)));
  return sameEvents && zero.filters.every((f) => doneFilters.has(JSON.stringify(f)));
}
