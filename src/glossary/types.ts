/**
 * The meanings a team saved for its own words ("high-spending" = total spend over $1,240), on top
 * of the glossary in workspace.json. Saved after a clarifying answer so the next request using
 * the word needs no question.
 */
import type { GlossaryEntry } from '../catalog/types.js';

export interface GlossaryRepository {
  /** Saved entries of the workspace, by term (alphabetical). */
  list(workspace: string): Promise<GlossaryEntry[]>;
  get(workspace: string, term: string): Promise<GlossaryEntry | undefined>;
  /** Inserts or replaces the meaning of a term (terms compare case-insensitively). */
  save(workspace: string, entry: GlossaryEntry): Promise<void>;
  delete(workspace: string, term: string): Promise<boolean>;
}

/** Terms compare without case or surrounding spaces ("High-spending " = "high-spending"). */
export function glossaryKey(term: string): string {
  return term.trim().toLowerCase();
}
