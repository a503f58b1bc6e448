/**
 * Answers "which audience is this visitor in, right now?" for `POST /v1/match`: one read of the
 * visitor's state, the workspace's compiled list (recompiled only when its version moves), the
 * visit's facts, the profile's history when the list asks about it, then the first enabled
 * audience the visitor qualifies for now or still holds a membership of. A stored audience that
 * does not validate against the workspace (a trait since removed, a personal trait's value)
 * keeps its place but never qualifies, and is reported.
 */
import type { Catalog, ValueType } from '../catalog/types.js';
import { validateDefinition } from '../definition/validate.js';
import { compileLiveList } from './compile/index.js';
import { heldReasons, membershipOnQualifying, membershipToSlide, sessionMembershipHolds, type SessionTiming } from './membership.js';
import type { CompiledLiveList, LiveAudience, LiveAudienceRepository, MatchResult, Membership, ProfileLookup, VisitorStateStore } from './types.js';
import { visitFacts } from './visit-facts.js';
import type { VisitorInput } from './visitor.js';

export interface LiveMatcherDeps {
  liveAudiences: LiveAudienceRepository;
  visitors: VisitorStateStore;
  /** The (cached) history lookup of a workspace's profiles. */
  lookupFor(workspace: string): ProfileLookup;
  /** The workspace's catalog, for compiling its list (AppError `not_found` when it is not served). */
  workspaceFor(workspace: string): Promise<{ catalog: Catalog }>;
  /** Memberships start and end on this clock. */
  clock: () => Date;
  /** History conditions ("ordered in the last 30 days") count back from this time. */
  referenceTime: () => Date;
  /** A session ends after this long without a visit. */
  sessionTimeoutMs: number;
  /** Told of each stored audience that does not validate against its workspace (it never matches until fixed). */
  onUnusable?: (workspace: string, audience: LiveAudience, reason: string) => void;
}

export interface LiveMatcher {
  match(workspace: string, visitor: VisitorInput): Promise<MatchResult>;
  /** Results in the order of `visitors`; visits of the same visitor are answered one after the other. */
  matchMany(workspace: string, visitors: readonly VisitorInput[]): Promise<MatchResult[]>;
}

const NO_HISTORY: readonly boolean[] = [];

interface CompiledEntry {
  version: number;
  list: Promise<CompiledLiveList>;
}

export function createLiveMatcher(deps: LiveMatcherDeps): LiveMatcher {
  const compiled = new Map<string, CompiledEntry>();

  function compiledList(workspace: string, version: number): Promise<CompiledLiveList> {
    const cached = compiled.get(workspace);
    if (cached && cached.version === version) return cached.list;
    const list = (async () => {
      const [audiences, { catalog }, visitorTraits] = await Promise.all([
        deps.liveAudiences.list(workspace),
        deps.workspaceFor(workspace),
        deps.visitors.traitCatalog(workspace),
      ]);
      const unusable = new Set<string>();
      for (const a of audiences) {
        const [issue] = validateDefinition(a.definition, catalog, { now: deps.referenceTime(), visitorTraits });
        if (!issue) continue;
        unusable.add(a.id);
        deps.onUnusable?.(workspace, a, issue.message);
      }
      return compileLiveList(audiences, { currency: catalog.workspace.currency, traitTypes: traitTypes(catalog), visitorTraits }, unusable);
    })();
    const entry = { version, list };
    compiled.set(workspace, entry);
    // A failed compile (workspace gone, store away) is not kept: the next request tries again.
    list.catch(() => {
      if (compiled.get(workspace) === entry) compiled.delete(workspace);
    });
    return list;
  }

  async function match(workspace: string, visitor: VisitorInput): Promise<MatchResult> {
    const now = deps.clock();
    const nowMs = now.getTime();
    const state = await deps.visitors.read(workspace, visitor.id, nowMs);
    const list = await compiledList(workspace, state.version);
    const facts = visitFacts(visitor, state.traits);
    const history = list.historyConditions.length
      ? await deps.lookupFor(workspace).evaluate(visitor.id, list.historyConditions, deps.referenceTime())
      : NO_HISTORY;
    const qualifications = list.qualify(facts, history, now);

    // Most visitors hold no membership yet: no map for them.
    const held = state.memberships.length === 0 ? undefined : new Map(state.memberships.map((m) => [m.audienceId, m]));
    const session: SessionTiming = { nowMs, timeoutMs: deps.sessionTimeoutMs, sessionCount: visitor.context.sessionCount };
    const writes: Membership[] = [];
    let result: MatchResult | undefined;
    const { audiences } = list;
    for (let i = 0; i < audiences.length; i++) {
      const audience = audiences[i]!;
      if (!audience.enabled) continue;
      const qualification = qualifications[i]!;
      let membership = validMembership(audience, held?.get(audience.id), session);
      if (qualification.qualifies) {
        const next = membershipOnQualifying(audience, membership, session);
        if (next) writes.push((membership = next));
      } else if (membership) {
        const slid = membershipToSlide(audience, membership, session);
        if (slid) writes.push((membership = slid));
      }
      if (result || !membership) continue;
      result = {
        audience: { id: audience.id, name: audience.name, description: audience.description, duration: audience.duration, position: i + 1 },
        reasons: qualification.qualifies ? qualification.reasons : heldReasons(audience, membership),
        until: new Date(membership.until).toISOString(),
      };
    }
    if (writes.length > 0) await deps.visitors.writeMemberships(workspace, visitor.id, writes, nowMs);
    return result ?? { audience: null, reasons: [], until: null };
  }

  return {
    match,
    async matchMany(workspace, visitors) {
      // Visits of different visitors run together (their store calls share the connection's
      // pipeline); visits of one visitor wait for each other, so memberships build up in order.
      const last = new Map<string, Promise<unknown>>();
      return Promise.all(visitors.map((visitor) => {
        const before = last.get(visitor.id) ?? Promise.resolve();
        const answer = before.then(() => match(workspace, visitor), () => match(workspace, visitor));
        last.set(visitor.id, answer);
        return answer;
      }));
    },
  };
}

function validMembership(audience: LiveAudience, m: Membership | undefined, session: SessionTiming): Membership | undefined {
  if (!m || m.until <= session.nowMs) return undefined;
  if (audience.duration.unit === 'session' && !sessionMembershipHolds(m, session)) return undefined;
  return m;
}

function traitTypes(catalog: Catalog): Record<string, ValueType> {
  return Object.fromEntries(catalog.traits.map((t) => [t.name, t.type]));
}
