import { z } from 'zod';
import type { GlossaryEntry } from '../src/catalog/types.js';
import { toCatalogTool } from './catalog-tool.js';
import { ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const ReadGlossaryInput = z.object({
  term: z.string().max(200).optional().describe('A word to look up; leave out for the whole glossary'),
});
export type ReadGlossaryInput = z.infer<typeof ReadGlossaryInput>;

/** The team's own words (active, engaged…) and what they mean, including meanings saved from answers. */
export function readGlossary(deps: ToolDeps, input: ReadGlossaryInput): ToolOutcome<{ entries: GlossaryEntry[] }> {
  const all = deps.catalog.workspace.glossary;
  const term = input.term?.trim().toLowerCase();
  const entries = term ? all.filter((e) => e.term.toLowerCase() === term || term.includes(e.term.toLowerCase())) : all;
  const summary = term
    ? entries.length ? `Glossary: ${entries.map((e) => e.term).join(', ')}` : `"${input.term}" is not in the glossary`
    : `Read the glossary (${all.length} terms)`;
  return ok({ entries }, summary);
}

export function createReadGlossaryTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'read_glossary',
    description: "The workspace glossary: the team's own words and their agreed meanings. Check it before asking about a vague word.",
    schema: ReadGlossaryInput,
    run: (input) => readGlossary(deps, input),
  });
}
