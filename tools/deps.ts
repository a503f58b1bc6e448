/**
 * What every catalog tool needs, and what a tool run gives back: data for the model, a short
 * user-facing summary for the live tool feed, or a recoverable error the model can act on.
 */
import type { Catalog, CatalogSearch } from '../src/catalog/types.js';
import type { AudienceEngine } from '../src/engine/types.js';

export interface ToolDeps {
  /** The workspace catalog; its glossary already holds the terms the team saved. */
  catalog: Catalog;
  search: CatalogSearch;
  engine: AudienceEngine;
  now: Date;
}

export type ToolOutcome<T> =
  | { ok: true; data: T; summary: string }
  | { ok: false; message: string; summary: string };

/** Carried on the ToolMessage (`artifact`) so callers can show the summary without parsing content. */
export interface ToolArtifact {
  ok: boolean;
  summary: string;
}

export function ok<T>(data: T, summary: string): ToolOutcome<T> {
  return { ok: true, data, summary };
}

export function fail(message: string, summary: string): ToolOutcome<never> {
  return { ok: false, message, summary };
}
