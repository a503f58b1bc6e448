/**
 * What a workspace holds, as the agent and the user browse it: events with their properties,
 * traits, tags, lists and the workspace's own settings. Built once at import and stored with
 * the workspace, so reading it costs nothing.
 */
export type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'string[]';

export interface ValueCount {
  value: string | number | boolean;
  count: number;
}

export interface PropertyInfo {
  name: string;
  type: ValueType;
  description?: string;
  /** Events of this kind that carry the property. */
  count: number;
  distinct: number;
  /** Most frequent values first (at most CATALOG_TOP_VALUES); empty for PII. */
  topValues: ValueCount[];
  min?: number | string;
  max?: number | string;
}

export interface EventInfo {
  name: string;
  description?: string;
  volume: number;
  /** Distinct profiles that performed it. */
  profiles: number;
  firstSeen: string | null;
  lastSeen: string | null;
  properties: PropertyInfo[];
  /** In the tracking plan (false: seen in data only). */
  planned: boolean;
}

export interface TraitInfo {
  name: string;
  type: ValueType;
  description?: string;
  /** Profiles that have a non-empty value. */
  profiles: number;
  distinct: number;
  topValues: ValueCount[];
  min?: number | string;
  max?: number | string;
  /** Personal data: values are never listed, searched or shown to a model. */
  pii: boolean;
}

/**
 * A personal trait that points at one person (email, phone, name, address, IP, postal code):
 * never tested for what it holds, by anyone. Other personal traits (free-text notes, a
 * birthday) keep their values out of every list and away from a model, but the workspace's own
 * users may segment by them ("notes mention VIP", "born in the 1990s").
 */
export function isIdentifierTrait(t: Pick<TraitInfo, 'name' | 'description' | 'pii'>): boolean {
  if (!t.pii) return false;
  const words = `${t.name} ${t.description ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').toLowerCase();
  return /\b(e ?mail|phone|mobile|tel|telephone|first name|last name|full name|name|surname|address|street|ip|postal|zip|postcode|ssn|passport|national id|tax id|iban|card number)\b/.test(words)
    && !/\b(notes?|comments?|birthday|birth|dob)\b/.test(t.name.toLowerCase());
}

export interface ListInfo {
  name: string;
  description?: string;
  size: number;
}

export interface GlossaryEntry {
  term: string;
  meaning: string;
}

export interface WorkspaceSettings {
  name: string;
  currency: string;
  timezone: string;
  lookbackDays: number;
  /** Channel name → how reachability is defined, in words (from workspace.json). */
  channels: Record<string, string>;
  glossary: GlossaryEntry[];
  /**
   * The parts the team says its events and traits play, where the inferred ones are wrong
   * (`{"purchase": {"event": "Charged", "property": "Amount"}, "signup_date": {"trait": "Install Date"}}`).
   */
  roles?: Record<string, { event?: string; property?: string; trait?: string }>;
}

export interface Catalog {
  workspace: WorkspaceSettings;
  profiles: number;
  eventsTotal: number;
  events: EventInfo[];
  traits: TraitInfo[];
  /** The values of the `tags` list trait, most used first. */
  tags: ValueCount[];
  lists: ListInfo[];
}

export const CATALOG_TOP_VALUES = 200;

export type SearchKind = 'event' | 'property' | 'trait' | 'value' | 'tag' | 'list' | 'glossary';

/** One thing in the catalog a word or phrase may refer to. */
export interface SearchHit {
  kind: SearchKind;
  /** The catalog name: event, property, trait, tag, list or glossary term; for `value`, the value as stored. */
  name: string;
  /** For `property` and event-property `value` hits: the event(s) carrying it. */
  events?: string[];
  /** For `property` and `value` hits of an event property. */
  property?: string;
  /** For `value` hits of a trait. */
  trait?: string;
  value?: string | number | boolean;
  /** Occurrences (events, profiles or list size). */
  count?: number;
  description?: string;
  score: number;
}

export interface SearchOptions {
  kinds?: SearchKind[];
  limit?: number;
  /** Only values of this trait, or of this event's properties. */
  trait?: string;
  event?: string;
  property?: string;
}

export interface CatalogSearch {
  search(query: string, opts?: SearchOptions): SearchHit[];
  /** Closest existing names of a kind, for "did you mean" in errors. */
  closestNames(name: string, kind: 'event' | 'property' | 'trait' | 'list', opts?: { event?: string; limit?: number }): string[];
}
