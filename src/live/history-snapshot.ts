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

/**
 * A value read from the engine once, then renewed in the background once it is `refreshMs` old
 * while the old one keeps answering. `get` gives the value itself once it has been read, so
 * visits after the first few never wait on a promise. A failed first read is forgotten (the next
 * call reads again); a failed renewal keeps the old value and is tried again on a later call.
 */
interface Renewable<T> {
  /** `read` is how to read it now (the request's reference time goes with it). */
  get(at: number, read: () => Promise<T>): T | Promise<T>;
}

function renewable<T>(refreshMs: number, clock: () => Date): Renewable<T> {
  let value: T | Promise<T> | undefined;
  let takenAt = 0;
  let renewing = false;
  const start = (read: () => Promise<T>): Promise<T> => {
    const reading = read();
    reading.then(
      (v) => {
        value = v;
        takenAt = clock().getTime();
      },
      () => {
        if (value === reading) value = undefined;
      },
    ).finally(() => {
      renewing = false;
    });
    return reading;
  };
  return {
    get(at, read) {
      if (value === undefined) {
        takenAt = at;
        value = start(read);
      } else if (!renewing && !(value instanceof Promise) && at - takenAt >= refreshMs) {
        renewing = true;
        void start(read);
      }
      return value;
    },
  };
}

const isSettled = <T>(v: T | Promise<T>): v is T => !(v instanceof Promise);

/** An id no profile has, to ask the engine about a visitor without history. */
function unknownId(profiles: ReadonlySet<string>): string {
  let id = 'live-snapshot:unknown-visitor';
  while (profiles.has(id)) id += '~';
  return id;
}

export function createHistorySnapshot(engine: AudienceEngine, { refreshMs, clock }: HistorySnapshotOptions): ProfileLookup {
  const entries = new Map<string, Renewable<Snapshot>>();
  const keys = new WeakMap<HistoryCondition, string>();
  const profiles = renewable<Set<string>>(refreshMs, clock);
  const profileIds = (at: number) => profiles.get(at, async () => new Set(await engine.profileIds()));

  const keyOf = (c: HistoryCondition): string => {
    let key = keys.get(c);
    if (key === undefined) keys.set(c, (key = createHash('sha1').update(JSON.stringify(c)).digest('base64')));
    return key;
  };

  /** A condition's members as of `now` (the reference time of the request that reads them). */
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
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = renewable<Snapshot>(refreshMs, clock)));
    return entry.get(at, () => take(c, now));
  }

  return {
    async evaluate(visitorId, conditions, now) {
      // Once every snapshot is taken (every visit but the first few), answers are set lookups without promises.
      const at = clock().getTime();
      const found = conditions.map((c) => snapshotOf(c, now, at));
      const current = profileIds(at);
      const ids = isSettled(current) ? current : await current;
      const snapshots = found.every(isSettled) ? found : await Promise.all(found);
      const known = ids.has(visitorId);
      return snapshots.map((s) => s.members.has(visitorId) || (!known && s.forUnknown));
    },
  };
}
