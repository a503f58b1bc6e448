/**
 * Finds the workspace's events for a concept, through catalog search first and the tracking
 * plan's names second, accepting only events whose name (or description) really says the
 * concept: a search hit alone is never enough.
 */
import type { CatalogSearch, EventInfo } from '../../../catalog/types.js';
import type { Messages } from '../messages/types.js';
import type { CatalogIndex } from './catalog-index.js';
import { CONCEPTS, type ConceptId } from './event-concepts.js';
import type { ToolLog } from './tool-log.js';

export class EventResolver {
  private readonly cache = new Map<ConceptId, EventInfo | undefined>();

  constructor(
    private readonly index: CatalogIndex,
    private readonly search: CatalogSearch,
    private readonly log: ToolLog,
    private readonly msgs: Messages,
  ) {}

  /** The event for a concept, or undefined when the workspace does not track it. */
  concept(id: ConceptId): EventInfo | undefined {
    if (!this.cache.has(id)) this.cache.set(id, this.find(id));
    const found = this.cache.get(id);
    if (found) this.log.record('search_catalog', { query: CONCEPTS[id].query, kinds: ['event'] }, this.msgs.foundEvent(found.name));
    return found;
  }

  /** Reports an event taken from a value or a literal name. */
  noteEvent(name: string): void {
    this.log.record('search_catalog', { query: name, kinds: ['event'] }, this.msgs.foundEvent(name));
  }

  private find(id: ConceptId): EventInfo | undefined {
    const matcher = CONCEPTS[id];
    const hits = this.safeSearch(matcher.query);
    const names = [...new Set([...hits, ...this.index.catalog.events.map((e) => e.name)])];
    const events = names.map((n) => this.index.event(n)).filter((e): e is EventInfo => e !== undefined);
    const byName = events.find((e) => matcher.name.every((r) => r.test(e.name)));
    if (byName) return byName;
    if (!matcher.description) return undefined;
    return events.find((e) => matcher.description!.every((r) => r.test(e.description ?? '')));
  }

  private safeSearch(query: string): string[] {
    try {
      return this.search.search(query, { kinds: ['event'], limit: 8 }).map((h) => h.name);
    } catch {
      // Search is a help, not a dependency: the tracking plan's names are enough.
      return [];
    }
  }
}
