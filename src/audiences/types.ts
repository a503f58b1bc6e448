/**
 * Saved audiences and where they live. The graph saves through this interface; the in-memory
 * repository serves tests and the CLI, a Redis one the service.
 */
import type { AudienceDefinition } from '../definition/schema.js';

export interface Audience {
  id: string;
  name: string;
  description: string;
  /** The conversation's words that built it (the first request and its refinements). */
  prompt: string;
  definition: AudienceDefinition;
  /** ISO 8601. */
  createdAt: string;
}

export interface AudienceRepository {
  /** Inserts or replaces the audience with this id in the workspace. */
  save(workspace: string, audience: Audience): Promise<Audience>;
  get(workspace: string, id: string): Promise<Audience | undefined>;
  /** Newest first. */
  list(workspace: string): Promise<Audience[]>;
  delete(workspace: string, id: string): Promise<boolean>;
}
