import { storedAudience } from './stored-audience.js';
import type { Audience, AudienceRepository } from './types.js';

/** Audiences held in the process: for tests, the CLI and single-process demos. */
export class InMemoryAudienceRepository implements AudienceRepository {
  private readonly byWorkspace = new Map<string, Map<string, Audience>>();

  async save(workspace: string, audience: Audience): Promise<Audience> {
    const stored = structuredClone(storedAudience(audience));
    this.space(workspace).set(stored.id, stored);
    return structuredClone(stored);
  }

  async get(workspace: string, id: string): Promise<Audience | undefined> {
    const found = this.byWorkspace.get(workspace)?.get(id);
    return found ? structuredClone(found) : undefined;
  }

  async list(workspace: string): Promise<Audience[]> {
    const all = [...(this.byWorkspace.get(workspace)?.values() ?? [])];
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).map((a) => structuredClone(a));
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    return this.byWorkspace.get(workspace)?.delete(id) ?? false;
  }

  private space(workspace: string): Map<string, Audience> {
    let space = this.byWorkspace.get(workspace);
    if (!space) this.byWorkspace.set(workspace, (space = new Map()));
    return space;
  }
}
