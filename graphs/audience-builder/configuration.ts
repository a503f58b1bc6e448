/**
 * What the graph needs to run, read from `config.configurable` on every invocation: a graph
 * holds no workspace, engine or model of its own, so one compiled graph serves any workspace
 * and a thread can be resumed by a process that did not start it.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { randomUUID } from 'node:crypto';
import type { AudienceRepository } from '../../src/audiences/types.js';
import type { Catalog, CatalogSearch } from '../../src/catalog/types.js';
import type { AudienceEngine } from '../../src/engine/types.js';
import { AppError } from '../../src/errors.js';
import type { GlossaryRepository } from '../../src/glossary/types.js';
import type { Interpreter } from '../../src/interpreter/types.js';
import type { LiveAudienceRepository, VisitorStateStore } from '../../src/live/types.js';

export interface AudienceBuilderDeps {
  interpreter: Interpreter;
  catalog: Catalog;
  search: CatalogSearch;
  engine: AudienceEngine;
  audiences: AudienceRepository;
  /** Where meanings of the team's words are kept; without it no glossary offer is made. */
  glossary?: GlossaryRepository;
  /**
   * Where live drafts (conditions on the visit: device, page, campaign) are saved, at the top of
   * the workspace's order; without it such a draft is counted and explained but cannot be applied.
   */
  liveAudiences?: LiveAudienceRepository;
  /** The traits visitors recorded about themselves, usable like profile traits; none without it. */
  visitors?: Pick<VisitorStateStore, 'traitCatalog'>;
  /** Key of the workspace in the repositories (default: the workspace name). */
  workspaceId?: string;
  /** The reference time; a function is called once per node run. Default: the clock. */
  now?: Date | string | (() => Date);
  newId?: () => string;
  /** Questions per turn before giving up (default 4). */
  maxClarifyRounds?: number;
  /** Sample members shown with a draft (default 5). */
  sampleSize?: number;
}

/** The deps with every default filled in and `now` resolved for this node run. */
type OptionalDeps = 'glossary' | 'liveAudiences' | 'visitors';
export type AudienceBuilderConfiguration = Required<Omit<AudienceBuilderDeps, OptionalDeps | 'now'>> & Pick<AudienceBuilderDeps, OptionalDeps> & { now: Date };

const REQUIRED = ['interpreter', 'catalog', 'search', 'engine', 'audiences'] as const;

function resolveNow(now: AudienceBuilderDeps['now']): Date {
  const value = typeof now === 'function' ? now() : now === undefined ? new Date() : new Date(now);
  if (Number.isNaN(value.getTime())) throw new AppError('invalid_input', 'The reference time (now) is not a valid date.');
  return value;
}

export function ensureConfiguration(config: LangGraphRunnableConfig | undefined): AudienceBuilderConfiguration {
  const c = (config?.configurable ?? {}) as Partial<AudienceBuilderDeps>;
  const missing = REQUIRED.filter((k) => c[k] === undefined || c[k] === null);
  if (missing.length) {
    throw new AppError('internal', 'The audience builder is not configured.', { missing });
  }
  const deps = c as AudienceBuilderDeps;
  return {
    interpreter: deps.interpreter,
    catalog: deps.catalog,
    search: deps.search,
    engine: deps.engine,
    audiences: deps.audiences,
    ...(deps.glossary ? { glossary: deps.glossary } : {}),
    ...(deps.liveAudiences ? { liveAudiences: deps.liveAudiences } : {}),
    ...(deps.visitors ? { visitors: deps.visitors } : {}),
    workspaceId: deps.workspaceId ?? deps.catalog.workspace.name,
    now: resolveNow(deps.now),
    newId: deps.newId ?? randomUUID,
    maxClarifyRounds: deps.maxClarifyRounds ?? 4,
    sampleSize: deps.sampleSize ?? 5,
  };
}
