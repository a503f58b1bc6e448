/**
 * Live audiences: the contracts between the visitor input, the in-process predicates, the
 * stores (memory and Redis) and the matcher that answers `POST /v1/match`.
 *
 * A workspace keeps an ordered list of live audiences. A visitor is tested top to bottom; the
 * first enabled audience they belong to wins, and no match is the default experience
 * (`audience: null`). A visitor belongs to an audience when its conditions hold now, or when
 * they qualified earlier and the audience's duration has not run out (memberships are kept in
 * Redis with expiry).
 */
import type { AudienceDefinition, HistoryCondition } from '../definition/schema.js';

/** How long a visitor stays in an audience once they qualify. */
export type MembershipDuration =
  /** Until the session ends: a new session number, or `sessionTimeoutMs` without a visit. */
  | { unit: 'session' }
  | { unit: 'hours' | 'days' | 'weeks'; amount: number };

export interface LiveAudience {
  id: string;
  name: string;
  description: string;
  definition: AudienceDefinition;
  duration: MembershipDuration;
  /** Disabled audiences stay in the order but never match. */
  enabled: boolean;
  /** One of the defaults every workspace has (everyone, new, returning, desktop, mobile): it can be moved, edited and disabled, not deleted. */
  builtIn: boolean;
  /** The conversation's words that built it, when the agent did. */
  prompt?: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

export interface LiveAudienceRepository {
  /** The workspace's live audiences in evaluation order; the defaults are seeded on first use. */
  list(workspace: string): Promise<LiveAudience[]>;
  get(workspace: string, id: string): Promise<LiveAudience | undefined>;
  /**
   * Replaces the audience with this id in place, or inserts a new one at `position` (0 = top,
   * the default; past the end = bottom).
   */
  save(workspace: string, audience: LiveAudience, opts?: { position?: number }): Promise<LiveAudience>;
  /** False when there is none; AppError `not_allowed` for a built-in audience. */
  delete(workspace: string, id: string): Promise<boolean>;
  /** Sets the order; `ids` must name each of the workspace's audiences exactly once (`invalid_input` otherwise). */
  reorder(workspace: string, ids: string[]): Promise<LiveAudience[]>;
  /** Changes on every write to the workspace's list, so compiled copies know when to refresh. */
  version(workspace: string): Promise<number>;
}

/** A visitor's qualification for one audience, kept until `until`. */
export interface Membership {
  audienceId: string;
  /** Epoch milliseconds (of the injected clock). */
  until: number;
  /** For session durations: the session number they qualified in, when the visit gave one. */
  session?: number;
}

/** A value a visitor gave about themselves ("I'm shopping for my cat"), or one the site sends. */
export type VisitorTraitValue = string | number | boolean | string[];

/** What the service keeps per visitor: memberships and self-segmentation answers. */
export interface VisitorStateStore {
  /** Memberships (expired ones left out, by `now`), recorded traits and the live-audience list version, in one round trip. */
  read(workspace: string, visitorId: string, now: number): Promise<{ memberships: Membership[]; traits: Record<string, VisitorTraitValue>; version: number }>;
  /** Adds or extends memberships; the record expires (Redis PEXPIRE) when the last one ends. */
  writeMemberships(workspace: string, visitorId: string, memberships: Membership[], now: number): Promise<void>;
  /** Records the visitor's own answers (self-segmentation); kept for `traitTtlMs`. */
  recordTraits(workspace: string, visitorId: string, traits: Record<string, VisitorTraitValue>): Promise<Record<string, VisitorTraitValue>>;
  /** The names (and seen values, up to 50 each) of recorded traits, so definitions can use them and the agent can find them. */
  traitCatalog(workspace: string): Promise<VisitorTraitInfo[]>;
}

export interface VisitorTraitInfo {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'array';
  /** Distinct values seen (strings and array items), at most 50. */
  values: string[];
}

/**
 * The history conditions of the workspace's live audiences, answered for one visitor by the
 * engine (one query per visitor, then cached): `results[i]` is whether `conditions[i]` holds
 * for the profile whose user id is the visitor id. An unknown visitor is a profile with no
 * history and no traits.
 */
export interface ProfileLookup {
  evaluate(visitorId: string, conditions: readonly HistoryCondition[], now: Date): Promise<boolean[]>;
}

export interface MatchedAudience {
  id: string;
  name: string;
  description: string;
  duration: MembershipDuration;
  /** 1-based place in the workspace's order. */
  position: number;
}

export interface MatchResult {
  /** The first audience the visitor belongs to, or null: show the default experience. */
  audience: MatchedAudience | null;
  /** The plain-language lines of the conditions that matched (or why the membership holds). */
  reasons: string[];
  /** When the membership ends (ISO 8601), null without a match. */
  until: string | null;
}

/**
 * The normalised facts of one visit (built once per request by `visitFacts` in visit-facts.ts:
 * URL parsed once, text lower-cased once, local time as minutes and weekday), which every
 * compiled predicate reads. Merged traits: profile-free traits the site sent win over the
 * visitor's recorded answers.
 */
export interface VisitFacts {
  id: string;
  device?: 'desktop' | 'mobile' | 'tablet';
  /** Lower-cased. */
  os?: string;
  browser?: string;
  city?: string;
  /** Upper-cased ISO alpha-2. */
  country?: string;
  /** As sent, and lower-cased for the case-insensitive tests. */
  url?: { raw: string; lower: string };
  referrer?: { raw: string; lower: string };
  /** Parameter name (lower-cased) → value (first occurrence). */
  params: Map<string, { raw: string; lower: string }>;
  cookies: Map<string, { raw: string; lower: string }>;
  /** 0..1439. */
  minuteOfDay?: number;
  /** 0 = Monday … 6 = Sunday. */
  dayOfWeek?: number;
  /** 1 when the visit does not say: a visitor the site has not counted is on a first session. */
  sessionCount: number;
  traits: Record<string, VisitorTraitValue>;
}

/** Whether a visitor meets an audience's conditions now, and the lines that say why. */
export interface Qualification {
  qualifies: boolean;
  reasons: string[];
}

/**
 * A workspace's ordered live audiences compiled once into in-process predicates
 * (`compileLiveList` in compile/index.ts). No SQL runs per request: history conditions are
 * answered once per visitor by a ProfileLookup and passed in as booleans.
 */
export interface CompiledLiveList {
  readonly audiences: readonly LiveAudience[];
  /** The distinct history conditions (event, aggregate, recency, list, and traits of the catalog) to ask a ProfileLookup; empty when none. */
  readonly historyConditions: readonly HistoryCondition[];
  /** One qualification per audience, in order; `history[i]` answers `historyConditions[i]`. */
  qualify(facts: VisitFacts, history: readonly boolean[], now: Date): Qualification[];
}
