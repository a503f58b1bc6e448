/**
 * The workspace's own words ("active", "engaged", "interaction", "recently", "product page"),
 * read with the same parser as requests: a meaning is a window, events (with a count and window
 * when it says them), or conditions on the visit ("URL contains /products/"). Read once per
 * catalog.
 */
import type { Catalog, CatalogSearch } from '../../../catalog/types.js';
import type { Comparator, Condition, ContextCondition, PropertyFilter, Window } from '../../../definition/schema.js';
import { buildDefinitionParts } from '../assemble/build.js';
import { reachableTerm } from './channel-words.js';
import { readText } from '../read.js';
import { treeDrafts } from '../assemble/sentence.js';
import { catalogIndex } from './catalog-index.js';

export type GlossaryMeaning =
  | { type: 'window'; window: Window; text: string }
  /** Anything else the words say ("subscriptionStatus is trialing", "on the Beta list and tagged VIP"). */
  | { type: 'conditions'; condition: Condition; text: string }
  | { type: 'events'; events: string[]; filters: PropertyFilter[]; window?: Window; count?: { op: Comparator; value: number }; text: string }
  /** All of these hold for the visit ("Local time between 09:00 and 17:00 on weekdays"). */
  | { type: 'context'; conditions: ContextCondition[]; text: string };

const cache = new WeakMap<Catalog, Map<string, GlossaryMeaning>>();

export function readGlossary(catalog: Catalog, search: CatalogSearch, now: Date): ReadonlyMap<string, GlossaryMeaning> {
  let meanings = cache.get(catalog);
  if (meanings) return meanings;
  meanings = new Map();
  const index = catalogIndex(catalog);
  for (const entry of [...catalog.workspace.glossary, ...channelEntries(catalog)]) {
    const reading = readText(entry.meaning, 'en', { index, search, now, glossary: undefined });
    const windows = reading.mentions.filter((m) => m.kind === 'window');
    if (windows.length && windows.length === reading.mentions.length) {
      const spec = windows[0]!.kind === 'window' ? windows[0]!.spec : undefined;
      if (spec?.kind === 'window') meanings.set(entry.term, { type: 'window', window: spec.window, text: entry.meaning });
      continue;
    }
    const visit = reading.mentions.filter((m) => m.kind === 'context');
    if (visit.length && reading.mentions.every((m) => m.kind === 'context' || (m.kind === 'connector' && m.op === 'and'))) {
      meanings.set(entry.term, { type: 'context', conditions: visit.flatMap((m) => (m.kind === 'context' ? m.conditions : [])), text: entry.meaning });
      continue;
    }
    const events = treeDrafts(reading.tree).filter((d) => d.kind === 'event');
    const first = events[0];
    if (events.length !== 1 || !first || first.measure.type !== 'count') {
      const { root, exclude } = buildDefinitionParts(reading.tree, reading.anchors);
      const vague = treeDrafts(reading.tree).some((d) => d.kind === 'vague');
      if (!reading.issues.length && !vague && !exclude.length && root.conditions.length) {
        meanings.set(entry.term, { type: 'conditions', condition: root.conditions.length === 1 ? root.conditions[0]! : root, text: entry.meaning });
      }
      continue;
    }
    const window = first.window?.kind === 'window' ? first.window.window : undefined;
    meanings.set(entry.term, {
      type: 'events',
      events: first.events,
      filters: first.filters,
      ...(window ? { window } : {}),
      count: { op: first.measure.op, value: first.measure.value },
      text: entry.meaning,
    });
  }
  cache.set(catalog, meanings);
  return meanings;
}

/**
 * "Reachable by email", "can't reach by sms": the workspace says in words what reaching people on
 * each channel takes ("has an email and email_subscribed is true"), read like a glossary entry.
 */
export function channelEntries(catalog: Catalog): Array<{ term: string; meaning: string }> {
  return Object.entries(catalog.workspace.channels).map(([channel, meaning]) => ({ term: reachableTerm(channel), meaning }));
}
