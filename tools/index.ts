/** Every catalog tool, built for one workspace and one moment (`now`). */
import type { ToolDeps } from './deps.js';
import { createEventPropertiesTool } from './event-properties.js';
import { createListStaticListsTool } from './list-static-lists.js';
import { createMeasureDistributionTool } from './measure-distribution.js';
import { createPreviewAudienceTool } from './preview-audience.js';
import { createPropertyValuesTool } from './property-values.js';
import { createReadGlossaryTool } from './read-glossary.js';
import { createSearchEventsTool } from './search-events.js';
import { createSearchTagsTool } from './search-tags.js';
import { createSearchTraitsTool } from './search-traits.js';
import { createTraitValuesTool } from './trait-values.js';

export type { ToolArtifact, ToolDeps, ToolOutcome } from './deps.js';
export { searchEvents, createSearchEventsTool } from './search-events.js';
export { eventProperties, createEventPropertiesTool } from './event-properties.js';
export { propertyValues, createPropertyValuesTool } from './property-values.js';
export { searchTraits, createSearchTraitsTool } from './search-traits.js';
export { traitValues, createTraitValuesTool } from './trait-values.js';
export { searchTags, createSearchTagsTool } from './search-tags.js';
export { listStaticLists, createListStaticListsTool } from './list-static-lists.js';
export { readGlossary, createReadGlossaryTool } from './read-glossary.js';
export { previewAudience, createPreviewAudienceTool } from './preview-audience.js';
export { measureDistribution, createMeasureDistributionTool } from './measure-distribution.js';

export function createCatalogTools(deps: ToolDeps) {
  return [
    createSearchEventsTool(deps),
    createEventPropertiesTool(deps),
    createPropertyValuesTool(deps),
    createSearchTraitsTool(deps),
    createTraitValuesTool(deps),
    createSearchTagsTool(deps),
    createListStaticListsTool(deps),
    createReadGlossaryTool(deps),
    createPreviewAudienceTool(deps),
    createMeasureDistributionTool(deps),
  ];
}

export type CatalogTool = ReturnType<typeof createCatalogTools>[number];
