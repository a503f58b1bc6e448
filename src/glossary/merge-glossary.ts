import type { Catalog, GlossaryEntry } from '../catalog/types.js';
import { glossaryKey } from './types.js';

/**
 * The catalog as interpreters and tools should see it: workspace.json's glossary plus the
 * meanings the team saved, a saved meaning replacing a built-in one of the same term.
 */
export function withSavedGlossary(catalog: Catalog, saved: GlossaryEntry[]): Catalog {
  if (!saved.length) return catalog;
  const savedKeys = new Set(saved.map((e) => glossaryKey(e.term)));
  const glossary = [...catalog.workspace.glossary.filter((e) => !savedKeys.has(glossaryKey(e.term))), ...saved];
  return { ...catalog, workspace: { ...catalog.workspace, glossary } };
}
