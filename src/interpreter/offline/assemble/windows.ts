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
  const said = [
    ...drafts.flatMap((d) => (d.window?.kind === 'window' && !d.ownWindow ? [{ order: d.order, window: d.window.window }] : [])),
    ...anchors,
  ].sort((a, b) => a.order - b.order);
  const before = (order: number) => [...said].reverse().find((s) => s.order < order)?.window;
  const after = (order: number) => said.find((s) => s.order > order)?.window;
  const out = new Map<EventDraft, Window | undefined>();
  for (const d of drafts) {
    if (d.measure.type === 'recency') out.set(d, undefined);
    else if (d.window?.kind === 'window') out.set(d, d.window.window);
    else if (d.window?.kind === 'alltime') out.set(d, undefined);
    else if (d.window?.kind === 'backref') out.set(d, before(d.order) ?? after(d.order));
    else if (d.fixedWindow) out.set(d, d.fixedWindow);
    else out.set(d, after(d.order) ?? before(d.order));
  }
  return out;
}
