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
  /** `current` once it has resolved: visits read it without waiting on a promise. */
  settled?: Snapshot;
  takenAt: number;
  renewing: boolean;
}

interface ProfileSet {
  ids: Promise<Set<string>>;
  settled?: Set<string>;
  /** The set before this one, answering while this one is read. */
  previous?: Set<string>;
  takenAt: number;
}

const isSettled = (s: Snapshot | Promise<Snapshot>): s is Snapshot => !(s instanceof Promise);

/** An id no profile has, to ask the engine about a visitor without history. */
function unknownId(profiles: ReadonlySet<string>): string {
  let id = 'live-snapshot:unknown-visitor';
  while (profiles.has(id)) id += '~';
  return id;
}

export function createHistorySnapshot(engine: AudienceEngine, { refreshMs, clock }: HistorySnapshotOptions): ProfileLookup {
  const entries = new Map<string, Entry>();
  const keys = new WeakMap<HistoryCondition, string>();
  let profiles: ProfileSet | undefined;

  const keyOf = (c: HistoryCondition): string => {
    let key = keys.get(c);
    if (key === undefined) keys.set(c, (key = createHash('sha1').update(JSON.stringify(c)).digest('base64')));
    return key;
  };

  function profileIds(at: number): Set<string> | Promise<Set<string>> {
    if (!profiles || at - profiles.takenAt >= refreshMs) {
      const previous = profiles;
      const fresh: ProfileSet = { ids: engine.profileIds().then((list) => new Set(list)), takenAt: at };
      const before = previous?.settled ?? previous?.previous;
      if (before) fresh.previous = before;
      profiles = fresh;
      fresh.ids.then(
        (ids) => {
          fresh.settled = ids;
          delete fresh.previous;
        },
        () => {
          profiles = previous;
        },
      );
    }
    // Keep answering from the previous set while the new one is read.
    return profiles.settled ?? profiles.previous ?? profiles.ids;
  }

  async function take(c: HistoryCondition, now: Date): Promise<Snapshot> {
    const ids = await profileIds(clock().getTime());
    const definition = { version: 1 as const, root: { type: 'group' as const, op: 'and' as const, conditions: [c] }, exclude: [] };
    const [members, [forUnknown]] = await Promise.all([
      engine.memberIds(definition, { now }),
      engine.evaluateFor(unknownId(ids), [c], { now }),
    ]);
    return { members: new Set(members), forUnknown: forUnknown === true };
  }

  function snapshotOf(c: HistoryCondition, now: Date, at: number): Snapshot | Promise<Snapshot> {
    const key = keyOf(c);
    const entry = entries.get(key);
    if (!entry) {
      const created: Entry = { current: take(c, now), takenAt: at, renewing: false };
      entries.set(key, created);
      created.current.then(
        (snapshot) => {
          created.settled = snapshot;
        },
        () => {
          if (entries.get(key) === created) entries.delete(key);
        },
      );
      return created.current;
    }
    if (!entry.renewing && at - entry.takenAt >= refreshMs) {
      entry.renewing = true;
      take(c, now).then(
        (fresh) => {
          entry.current = Promise.resolve(fresh);
          entry.settled = fresh;
          entry.takenAt = clock().getTime();
        },
        () => undefined, // the previous snapshot keeps answering; a later request tries again
      ).finally(() => {
        entry.renewing = false;
      });
    }
    return entry.settled ?? entry.current;
  }

  return {
    async evaluate(visitorId, conditions, now) {
      // Once every snapshot is taken (every visit but the first few), answers are set lookups without promises.
      const at = clock().getTime();
      const found = conditions.map((c) => snapshotOf(c, now, at));
      const current = profileIds(at);
      const ids = current instanceof Set ? current : await current;
      const snapshots = found.every(isSettled) ? found : await Promise.all(found);
      const known = ids.has(visitorId);
      return snapshots.map((s) => s.members.has(visitorId) || (!known && s.forUnknown));
    },
  };
}
