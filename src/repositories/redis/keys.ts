/**
 * Key names of the service's own records (checkpoints have theirs in src/checkpoint/keys.ts).
 * Ids are percent-encoded, so they never contain the braces of a hash tag; the keys that one
 * Lua script touches share a `{…}` tag, which keeps them in one Redis Cluster slot.
 *
 * `<thread>` is the thread's key, `<workspace>/<id>` (thread-key.ts): ids are per workspace.
 *
 *   <p>:t:{<thread>}:rec     hash    thread record, one JSON value per field
 *   <p>:t:{<thread>}:runs    zset    run ids by creation time
 *   <p>:t:{<thread>}:lock    string  the run holding the thread (PX expiry, renewed)
 *   <p>:t:{<thread>}:line    zset    runs waiting for the thread, by arrival
 *   <p>:t:{<thread>}:lease   zset    the same runs, by the time their place lapses
 *   <p>:r:{<run>}:rec        hash    run record, one JSON value per field
 *   <p>:r:{<run>}:events     list    the run's event log; entry n has event id n
 *   <p>:unfinished-runs      set     ids of runs created and not yet seen to finish (a member
 *                                    whose run has finished or expired is dropped when read)
 *   <p>:w:{<workspace>}:threads    zset  the workspace's thread ids by creation time
 *   <p>:w:{<workspace>}:audiences  hash  audience id → JSON
 *   <p>:w:{<workspace>}:glossary   hash  term key → JSON
 *   <p>:w:{<workspace>}:items      hash  JSON [namespace…, key] → JSON store item
 *   <p>:w:{<workspace>}:live            hash    live audience id → JSON
 *   <p>:w:{<workspace>}:live:order      list    live audience ids in evaluation order
 *   <p>:w:{<workspace>}:live:version    string  counter, INCR on every write to the live list
 *   <p>:w:{<workspace>}:visitor-traits  hash    recorded visitor trait name → JSON {type, values}
 *   <p>:v:{<workspace>:<visitor>}:memberships  hash  audience id → JSON {until, session?};
 *                                                    PEXPIRE when the last membership ends
 *   <p>:v:{<workspace>:<visitor>}:traits       hash  trait name → JSON value; PEXPIRE traitTtlMs
 *
 * Visitor keys have a tag of their own, so a busy workspace's visitors spread over a cluster's
 * slots; a visitor's read is a script over its two keys sent together with a GET of the
 * workspace's `live:version` (one round trip on one Redis; each command stays in one slot).
 */
import type { ThreadKey } from '../thread-key.js';

export const DEFAULT_PREFIX = 'audience-agent';

const tag = (id: string) => `{${encodeURIComponent(id)}}`;

export function assertValidRecordPrefix(prefix: string): void {
  if (prefix === '' || /[{}\s]/.test(prefix)) {
    throw new Error(`Invalid Redis key prefix "${prefix}": it must be non-empty, without braces or spaces.`);
  }
}

export function threadKeys(prefix: string, thread: ThreadKey) {
  const base = `${prefix}:t:${tag(thread)}`;
  return { rec: `${base}:rec`, runs: `${base}:runs`, lock: `${base}:lock`, line: `${base}:line`, lease: `${base}:lease` };
}

export function runKeys(prefix: string, runId: string) {
  const base = `${prefix}:r:${tag(runId)}`;
  return { rec: `${base}:rec`, events: `${base}:events` };
}

/** The ids of runs not yet seen to finish, across threads (a key of its own slot). */
export function unfinishedRunsKey(prefix: string): string {
  return `${prefix}:unfinished-runs`;
}

export function workspaceKeys(prefix: string, workspace: string) {
  const base = `${prefix}:w:${tag(workspace)}`;
  return {
    threads: `${base}:threads`,
    audiences: `${base}:audiences`,
    glossary: `${base}:glossary`,
    items: `${base}:items`,
    live: `${base}:live`,
    liveOrder: `${base}:live:order`,
    liveVersion: `${base}:live:version`,
    visitorTraits: `${base}:visitor-traits`,
  };
}

export function visitorKeys(prefix: string, workspace: string, visitorId: string) {
  const base = `${prefix}:v:{${encodeURIComponent(workspace)}:${encodeURIComponent(visitorId)}}`;
  return { memberships: `${base}:memberships`, traits: `${base}:traits` };
}
