/**
 * The history conditions of live audiences answered for one visitor: one engine query per
 * visitor, and a cache in front so a visitor who comes back within `ttlMs` costs no query.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { HistoryCondition } from '../definition/schema.js';
import type { AudienceEngine } from '../engine/types.js';
import type { ProfileLookup } from './types.js';

export function createProfileLookup(engine: AudienceEngine): ProfileLookup {
  return {
    evaluate: (visitorId, conditions, now) => engine.evaluateFor(visitorId, conditions, { now }),
  };
}

export interface CachedProfileLookupOptions {
  /** How long a visitor's answers are reused, from when they arrived; 0 turns the cache off. */
  ttlMs: number;
  /** Visitors kept at most (least recently asked go first); 0 turns the cache off. */
  maxVisitors: number;
  clock?: () => Date;
}

interface Entry {
  results: Promise<boolean[]>;
  /** Epoch ms; infinite while the query runs, so concurrent misses share it. */
  expiresAt: number;
}

/**
 * Answers are keyed by visitor and the condition list's content, so a list compiled again
 * unchanged still finds them. Concurrent misses for one visitor share one query; a failed
 * query is not kept.
 */
export function createCachedProfileLookup(lookup: ProfileLookup, { ttlMs, maxVisitors, clock = () => new Date() }: CachedProfileLookupOptions): ProfileLookup {
  if (ttlMs <= 0 || maxVisitors <= 0) return lookup;
  const cache = new LRUCache<string, Entry>({ max: maxVisitors });
  // Hashed once per condition object: a compiled list hands the same objects on every request.
  const hashes = new WeakMap<HistoryCondition, string>();
  const hashOf = (c: HistoryCondition): string => {
    let hash = hashes.get(c);
    if (hash === undefined) hashes.set(c, (hash = sha1(JSON.stringify(c))));
    return hash;
  };
  const signatureOf = (conditions: readonly HistoryCondition[]): string => sha1(conditions.map(hashOf).join(','));

  return {
    evaluate(visitorId, conditions, now) {
      const key = `${signatureOf(conditions)} ${visitorId}`;
      const hit = cache.get(key);
      if (hit && hit.expiresAt > clock().getTime()) return hit.results.then((r) => [...r]);
      const entry: Entry = { results: lookup.evaluate(visitorId, conditions, now), expiresAt: Number.POSITIVE_INFINITY };
      cache.set(key, entry);
      void entry.results.then(
        () => {
          entry.expiresAt = clock().getTime() + ttlMs;
        },
        () => {
          if (cache.peek(key) === entry) cache.delete(key);
        },
      );
      return entry.results.then((r) => [...r]);
    },
  };
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
