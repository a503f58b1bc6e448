/**
 * The history conditions of a workspace's live audiences, answered for every visitor from a
 * snapshot the engine takes of each condition: its members over all profiles, and its answer
 * for a visitor who is not a profile (no history, no traits: "never purchased" holds). A
 * visitor's answers are then set lookups, so no SQL runs on the request path.
 *
 * Each condition's snapshot is taken the first time a list asks about it (those requests wait
 * for it once) and renewed in the background once it is `refreshMs` old, while the previous one
 * keeps answering: answers are at most that old, and a list that changes only computes its new
 * conditions. A failed renewal keeps the previous snapshot and is tried again on a later request.
 */
import { createHash } from 'node:crypto';
import type { HistoryCondition } from '../definition/schema.js';
import type { AudienceEngine } from '../engine/types.js';
import type { ProfileLookup } from './types.js';

export interface HistorySnapshotOptions {
  /** How old a snapshot may grow before it is renewed in the background. */
  refreshMs: number;
  clock: () => Date;
}

interface Snapshot {
  members: Set<string>;
  /** The answer for a visitor id that is not a profile. */
  forUnknown: boolean;
}

interface Entry {
  current: Promise<Snapshot>;
  takenAt: number;
  renewing: boolean;
}

/** An id no profile has, to ask the engine about a visitor without history. */
function unknownId(profiles: ReadonlySet<string>): string {
  let id = 'live-snapshot:unknown-visitor';
  while (profiles.has(id)) id += '~';
  return id;
}

export function createHistorySnapshot(engine: AudienceEngine, { refreshMs, clock }: HistorySnapshotOptions): ProfileLookup {
  const entries = new Map<string, Entry>();
  const keys = new WeakMap<HistoryCondition, string>();
  let profiles: { ids: Promise<Set<string>>; takenAt: number } | undefined;

  const keyOf = (c: HistoryCondition): string => {
    let key = keys.get(c);
    if (key === undefined) keys.set(c, (key = createHash('sha1').update(JSON.stringify(c)).digest('base64')));
    return key;
  };

  function profileIds(): Promise<Set<string>> {
    const now = clock().getTime();
    if (!profiles || now - profiles.takenAt >= refreshMs) {
      const previous = profiles;
      const ids = engine.profileIds().then((list) => new Set(list));
      profiles = { ids, takenAt: now };
      ids.catch(() => {
        profiles = previous;
      });
      // Keep answering from the previous set while the new one is read.
      if (previous) return previous.ids;
    }
    return profiles.ids;
  }

  async function take(c: HistoryCondition, now: Date): Promise<Snapshot> {
    const ids = await profileIds();
    const definition = { version: 1 as const, root: { type: 'group' as const, op: 'and' as const, conditions: [c] }, exclude: [] };
    const [members, [forUnknown]] = await Promise.all([
      engine.memberIds(definition, { now }),
      engine.evaluateFor(unknownId(ids), [c], { now }),
    ]);
    return { members: new Set(members), forUnknown: forUnknown === true };
  }

  function snapshotOf(c: HistoryCondition, now: Date): Promise<Snapshot> {
    const key = keyOf(c);
    const at = clock().getTime();
    const entry = entries.get(key);
    if (!entry) {
      const created: Entry = { current: take(c, now), takenAt: at, renewing: false };
      entries.set(key, created);
      created.current.catch(() => {
        if (entries.get(key) === created) entries.delete(key);
      });
      return created.current;
    }
    if (!entry.renewing && at - entry.takenAt >= refreshMs) {
      entry.renewing = true;
      take(c, now).then(
        (fresh) => {
          entry.current = Promise.resolve(fresh);
          entry.takenAt = clock().getTime();
        },
        () => undefined, // the previous snapshot keeps answering; a later request tries again
      ).finally(() => {
        entry.renewing = false;
      });
    }
    return entry.current;
  }

  return {
    async evaluate(visitorId, conditions, now) {
      const [snapshots, ids] = await Promise.all([Promise.all(conditions.map((c) => snapshotOf(c, now))), profileIds()]);
      const known = ids.has(visitorId);
      return snapshots.map((s) => s.members.has(visitorId) || (!known && s.forUnknown));
    },
  };
}
