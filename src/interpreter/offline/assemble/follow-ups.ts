/**
 * Drafts that a reading adds beside the event said: the unfinished step of an abandonment
 * ("abandoned checkout" is started and not bought in the same window) and the quiet since a
 * last time in a span ("last visited 2 to 3 months ago" is then, and not since).
 */
import type { PropertyFilter, Window } from '../../../definition/schema.js';
import type { WindowSpec } from '../recognise/mentions.js';
import type { AnyDraft, EventDraft } from './drafts.js';
import type { AssembleEnv } from './env.js';

/**
 * The unfinished half of an abandonment: the step after was not taken in the same window. What
 * was said about the items (a category) holds for it too; amounts of the started step do not.
 */
function completionDraft(completed: string, filters: readonly PropertyFilter[], window: WindowSpec | undefined, env: AssembleEnv): EventDraft {
  const carried = env.index.event(completed)?.properties ?? [];
  const kept = filters.filter((f) => (f.op === 'eq' || f.op === 'in') && carried.some((p) => p.name === f.property && p.type === 'string'));
  return { kind: 'event', events: [completed], filters: kept, ...(window ? { window } : {}), measure: { type: 'count', op: 'eq', value: 0 }, order: env.nextOrder() };
}

const isZeroCount = (d: EventDraft) => d.measure.type === 'count' && d.measure.op === 'eq' && d.measure.value === 0;

/**
 * `started` are the drafts of the step started. Abandoned: they and the step not finished.
 * Not abandoned ("hasn't abandoned a cart"): never started, or finished in the same window.
 */
export function abandonmentDrafts(started: EventDraft[], completed: string, negated: boolean, filters: readonly PropertyFilter[], window: WindowSpec | undefined, env: AssembleEnv): Array<EventDraft | AnyDraft> {
  if (!negated) return [...started, completionDraft(completed, filters, window, env)];
  if (started.length !== 1 || !isZeroCount(started[0]!)) return started;
  const finished: EventDraft = { ...completionDraft(completed, filters, window, env), measure: { type: 'count', op: 'gte', value: 1 } };
  return [{ kind: 'any', drafts: [started[0]!, finished] }];
}

/** "last visited 2 to 3 months ago": none from the end of that span until now. */
export function quietSince(base: EventDraft, window: WindowSpec | undefined, env: AssembleEnv): EventDraft | undefined {
  if (window?.kind !== 'window' || window.window.kind !== 'between') return undefined;
  const end = new Date(window.window.to);
  if (end.getTime() >= env.now.getTime()) return undefined;
  const since: Window = { kind: 'between', from: end.toISOString(), to: env.now.toISOString() };
  return { kind: 'event', events: base.events, filters: [...base.filters], fixedWindow: since, measure: { type: 'count', op: 'eq', value: 0 }, order: env.nextOrder() };
}
