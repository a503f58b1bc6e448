/** Visitors' memberships and answers held in the process: for tests and single-process demos. */
import type { Membership, VisitorStateStore, VisitorTraitInfo, VisitorTraitValue } from './types.js';
import { byTraitName, mergeTraitInfo } from './visitor-trait-catalog.js';

export const DEFAULT_TRAIT_TTL_MS = 365 * 24 * 3_600_000;

export interface MemoryVisitorStateOptions {
  /** The live-audience list version `read` reports (the memory repository's `peekVersion`); 0 without one. */
  listVersion?: (workspace: string) => number;
  /** How long a visitor's answers are kept after their last answer (default 365 days). */
  traitTtlMs?: number;
  /** Epoch milliseconds, for the answers' expiry (memberships expire by the `now` callers pass). */
  clock?: () => number;
}

interface Answers {
  traits: Record<string, VisitorTraitValue>;
  expiresAt: number;
}

export class MemoryVisitorStateStore implements VisitorStateStore {
  private readonly memberships = new Map<string, Map<string, Membership>>();
  private readonly answers = new Map<string, Answers>();
  private readonly catalogs = new Map<string, Map<string, VisitorTraitInfo>>();
  private readonly listVersion: (workspace: string) => number;
  private readonly traitTtlMs: number;
  private readonly clock: () => number;

  constructor({ listVersion = () => 0, traitTtlMs = DEFAULT_TRAIT_TTL_MS, clock = Date.now }: MemoryVisitorStateOptions = {}) {
    this.listVersion = listVersion;
    this.traitTtlMs = traitTtlMs;
    this.clock = clock;
  }

  async read(workspace: string, visitorId: string, now: number) {
    const key = visitorKey(workspace, visitorId);
    const held = [...(this.memberships.get(key)?.values() ?? [])].filter((m) => m.until > now).map((m) => ({ ...m }));
    return { memberships: held, traits: structuredClone(this.liveAnswers(key)?.traits ?? {}), version: this.listVersion(workspace) };
  }

  async writeMemberships(workspace: string, visitorId: string, memberships: Membership[], now: number): Promise<void> {
    const key = visitorKey(workspace, visitorId);
    const held = this.memberships.get(key) ?? new Map<string, Membership>();
    for (const m of memberships) held.set(m.audienceId, { ...m });
    for (const [id, m] of held) if (m.until <= now) held.delete(id);
    if (held.size === 0) this.memberships.delete(key);
    else this.memberships.set(key, held);
  }

  async recordTraits(workspace: string, visitorId: string, traits: Record<string, VisitorTraitValue>): Promise<Record<string, VisitorTraitValue>> {
    const key = visitorKey(workspace, visitorId);
    const kept = { ...(this.liveAnswers(key)?.traits ?? {}), ...structuredClone(traits) };
    this.answers.set(key, { traits: kept, expiresAt: this.clock() + this.traitTtlMs });
    const catalog = this.catalogs.get(workspace) ?? new Map<string, VisitorTraitInfo>();
    for (const [name, value] of Object.entries(traits)) catalog.set(name, mergeTraitInfo(catalog.get(name), name, value));
    this.catalogs.set(workspace, catalog);
    return structuredClone(kept);
  }

  async traitCatalog(workspace: string): Promise<VisitorTraitInfo[]> {
    return [...(this.catalogs.get(workspace)?.values() ?? [])].map((t) => structuredClone(t)).sort(byTraitName);
  }

  private liveAnswers(key: string): Answers | undefined {
    const found = this.answers.get(key);
    if (found && found.expiresAt <= this.clock()) {
      this.answers.delete(key);
      return undefined;
    }
    return found;
  }
}

function visitorKey(workspace: string, visitorId: string): string {
  return `${encodeURIComponent(workspace)}:${encodeURIComponent(visitorId)}`;
}
