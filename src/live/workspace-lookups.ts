/**
 * One history snapshot per workspace the service answers for: the engine is found on the first
 * question about a workspace's visitors; see history-snapshot.ts for how answers are kept fresh.
 */
import type { AudienceEngine } from '../engine/types.js';
import { createHistorySnapshot } from './history-snapshot.js';
import type { ProfileLookup } from './types.js';

export interface WorkspaceLookupsOptions {
  /** The workspace's engine (AppError `not_found` when it is not served). */
  engineFor(workspace: string): Promise<AudienceEngine>;
  refreshMs: number;
  clock: () => Date;
}

export function workspaceLookups({ engineFor, refreshMs, clock }: WorkspaceLookupsOptions): (workspace: string) => ProfileLookup {
  const byWorkspace = new Map<string, ProfileLookup>();
  return (workspace) => {
    let lookup = byWorkspace.get(workspace);
    if (!lookup) {
      let snapshot: Promise<ProfileLookup> | undefined;
      lookup = {
        async evaluate(visitorId, conditions, now) {
          snapshot ??= engineFor(workspace).then((engine) => createHistorySnapshot(engine, { refreshMs, clock }), (err: unknown) => {
            snapshot = undefined;
            throw err;
          });
          return (await snapshot).evaluate(visitorId, conditions, now);
        },
      };
      byWorkspace.set(workspace, lookup);
    }
    return lookup;
  };
}
