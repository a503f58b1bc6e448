import { z } from 'zod';
import { parseDefinition } from '../src/definition/parse.js';
import { assertValid } from '../src/definition/validate.js';
import type { ConditionSize } from '../src/engine/types.js';
import { toCatalogTool } from './catalog-tool.js';
import { ok, type ToolDeps, type ToolOutcome } from './deps.js';

export const PreviewAudienceInput = z.object({
  definition: z.record(z.string(), z.unknown()).describe('An audience definition in the same shape submit_audience takes'),
});
export type PreviewAudienceInput = z.infer<typeof PreviewAudienceInput>;

export interface AudiencePreview {
  size: number;
  totalProfiles: number;
  reachability: Record<string, number>;
  /** Size of each top-level condition alone: shows which one empties the audience. */
  conditionSizes: ConditionSize[];
}

/** Counts an audience without showing anyone in it: sizes only, never profiles. */
export async function previewAudience(deps: ToolDeps, input: PreviewAudienceInput): Promise<ToolOutcome<AudiencePreview>> {
  const def = parseDefinition(input.definition);
  assertValid(def, deps.catalog, { now: deps.now, personal: 'all' });
  const result = await deps.engine.compute(def, { now: deps.now, sampleSize: 0 });
  return ok(
    { size: result.size, totalProfiles: result.totalProfiles, reachability: result.reachability, conditionSizes: result.conditionSizes },
    `Counted ${result.size.toLocaleString('en-US')} people`,
  );
}

export function createPreviewAudienceTool(deps: ToolDeps) {
  return toCatalogTool({
    name: 'preview_audience',
    description: 'Count how many people an audience definition matches (and per top-level condition), without listing anyone.',
    schema: PreviewAudienceInput,
    run: (input) => previewAudience(deps, input),
  });
}
