/**
 * What the graph does differently for a live draft (conditions on the visit, or on traits only
 * visitors record): the traits visitors recorded, the durations offered when applying it, and
 * how it is counted — the SQL engine counts its history part, the known profiles who could match.
 */
import type { AudienceDefinition } from '../../src/definition/schema.js';
import type { AudienceResult } from '../../src/engine/types.js';
import type { Language } from '../../src/interpreter/types.js';
import { historyPart } from '../../src/live/history-part.js';
import type { MembershipDuration, VisitorTraitInfo } from '../../src/live/types.js';
import type { AudienceBuilderConfiguration } from './configuration.js';
import type { DurationChoice } from './interrupts.js';
import { phrases } from './phrases.js';

export const DEFAULT_DURATION: MembershipDuration = { unit: 'session' };

const SUGGESTED_DURATIONS: MembershipDuration[] = [
  DEFAULT_DURATION,
  { unit: 'days', amount: 1 },
  { unit: 'days', amount: 7 },
  { unit: 'days', amount: 30 },
  { unit: 'weeks', amount: 2 },
];

export function durationChoices(language: Language): DurationChoice[] {
  return SUGGESTED_DURATIONS.map((duration) => ({ label: phrases(language).duration(duration), duration }));
}

/** The traits visitors recorded in this workspace; none when the graph has no visitor store. */
export async function recordedVisitorTraits(cfg: AudienceBuilderConfiguration): Promise<VisitorTraitInfo[]> {
  return cfg.visitors ? cfg.visitors.traitCatalog(cfg.workspaceId) : [];
}

/**
 * The counts of a live definition: those of its history part, or of every known profile when
 * only the visit decides it (nothing to sample or break down then).
 */
export async function countLive(def: AudienceDefinition, visitorOnlyTraits: readonly string[], cfg: AudienceBuilderConfiguration): Promise<AudienceResult> {
  const part = historyPart(def, { visitorOnlyTraits });
  if (part) return cfg.engine.compute(part, { now: cfg.now, sampleSize: cfg.sampleSize });
  const everyone = cfg.catalog.profiles;
  return { size: everyone, totalProfiles: everyone, reachability: {}, samples: [], conditionSizes: [] };
}
