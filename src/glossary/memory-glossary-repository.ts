import type { GlossaryEntry } from '../catalog/types.js';
import { glossaryKey, type GlossaryRepository } from './types.js';

/** Saved glossary meanings held in the process: for tests, the CLI and single-process demos. */
export class InMemoryGlossaryRepository implements GlossaryRepository {
  private readonly byWorkspace = new Map<string, Map<string, GlossaryEntry>>();

  async list(workspace: string): Promise<GlossaryEntry[]> {
    const all = [...(this.byWorkspace.get(workspace)?.values() ?? [])];
    return all.sort((a, b) => a.term.localeCompare(b.term)).map((e) => ({ ...e }));
  }

  async get(workspace: string, term: string): Promise<GlossaryEntry | undefined> {
    const found = this.byWorkspace.get(workspace)?.get(glossaryKey(term));
    return found ? { ...found } : undefined;
  }

  async save(workspace: string, entry: GlossaryEntry): Promise<void> {
    let space = this.byWorkspace.get(workspace);
    if (!space) this.byWorkspace.set(workspace, (space = new Map()));
    space.set(glossaryKey(entry.term), { term: entry.term.trim(), meaning: entry.meaning.trim() });
  }

  async delete(workspace: string, term: string): Promise<boolean> {
    return this.byWorkspace.get(workspace)?.delete(glossaryKey(term)) ?? false;
  }
}
