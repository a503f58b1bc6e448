/** Live audiences held in the process: for tests, the CLI and single-process demos. */
import { defaultLiveAudiences } from './default-audiences.js';
import { builtInDeleteConflict, insertionIndex, reorderProblem, toStored } from './live-order.js';
import { storedLiveAudience } from './stored-live-audience.js';
import type { LiveAudience, LiveAudienceRepository } from './types.js';

interface Space {
  order: string[];
  byId: Map<string, LiveAudience>;
  version: number;
}

export interface MemoryLiveAudienceRepositoryOptions {
  /** Stamps the defaults when a workspace is first used. */
  clock?: () => Date;
}

export class MemoryLiveAudienceRepository implements LiveAudienceRepository {
  private readonly spaces = new Map<string, Space>();
  private readonly clock: () => Date;

  constructor({ clock = () => new Date() }: MemoryLiveAudienceRepositoryOptions = {}) {
    this.clock = clock;
  }

  async list(workspace: string): Promise<LiveAudience[]> {
    const space = this.space(workspace);
    return space.order.map((id) => structuredClone(space.byId.get(id)!));
  }

  async get(workspace: string, id: string): Promise<LiveAudience | undefined> {
    const found = this.space(workspace).byId.get(id);
    return found ? structuredClone(found) : undefined;
  }

  async save(workspace: string, audience: LiveAudience, opts: { position?: number } = {}): Promise<LiveAudience> {
    const stored = toStored(storedLiveAudience(audience));
    const space = this.space(workspace);
    if (!space.byId.has(stored.id)) space.order.splice(insertionIndex(opts.position, space.order.length), 0, stored.id);
    space.byId.set(stored.id, stored);
    space.version += 1;
    return structuredClone(stored);
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    const space = this.space(workspace);
    const found = space.byId.get(id);
    if (!found) return false;
    if (found.builtIn) throw builtInDeleteConflict(found);
    space.byId.delete(id);
    space.order.splice(space.order.indexOf(id), 1);
    space.version += 1;
    return true;
  }

  async reorder(workspace: string, ids: string[]): Promise<LiveAudience[]> {
    const space = this.space(workspace);
    const problem = reorderProblem(space.order, ids);
    if (problem) throw problem;
    space.order = [...ids];
    space.version += 1;
    return this.list(workspace);
  }

  async version(workspace: string): Promise<number> {
    return this.space(workspace).version;
  }

  /** The version without seeding (0 for a workspace never used), for the memory visitor store's read. */
  peekVersion(workspace: string): number {
    return this.spaces.get(workspace)?.version ?? 0;
  }

  private space(workspace: string): Space {
    let space = this.spaces.get(workspace);
    if (!space) {
      const defaults = defaultLiveAudiences(this.clock());
      // Seeding counts as a write, as it does in Redis.
      space = { order: defaults.map((a) => a.id), byId: new Map(defaults.map((a) => [a.id, a])), version: 1 };
      this.spaces.set(workspace, space);
    }
    return space;
  }
}
