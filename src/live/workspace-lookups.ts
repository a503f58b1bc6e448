/**
 * One cached history lookup per workspace the service answers for: the engine is found on the
 * first question about a workspace's visitors, and each visitor's answers are reused for a while.
 */
import type { AudienceEngine } from '../engine/types.js';
import { createCachedProfileLookup, createProfileLookup } from './profile-lookup.js';
import type { ProfileLookup } from './types.js';

export interface WorkspaceLookupsOptions {
  /** The workspace's engine (AppError `not_found` when it is not served). */
  engineFor(workspace: string): Promise<AudienceEngine>;
  ttlMs: number;
  maxVisitors: number;
  clock: () => Date;
}

export function workspaceLookups({ engineFor, ttlMs, maxVisitors, clock }: WorkspaceLookupsOptions): (workspace: string) => ProfileLookup {
  const byWorkspace = new Map<string, ProfileLookup>();
  return (workspace) => {
    let cached = byWorkspace.get(workspace);
    if (!cached) {
      let engine: Promise<ProfileLookup> | undefined;
      const lookup: ProfileLookup = {
        async evaluate(visitorId, conditions, now) {
          engine ??= engineFor(workspace).then(createProfileLookup, (err: unknown) => {
            engine = undefined;
            throw err;
          });
          return (await engine).evaluate(visitorId, conditions, now);
        },
      };
      cached = createCachedProfileLookup(lookup, { ttlMs, maxVisitors, clock });
      byWorkspace.set(workspace, cached);
    }
    return cached;
  };
}
