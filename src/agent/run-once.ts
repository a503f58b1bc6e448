/**
 * One description in, one result out, with no conversation: the contract of
 * `audience-agent build` and of the evaluation. It runs the same graph as a chat; where a chat
 * would pause to ask, the result is `needs_clarification` with the question and its options.
 * A live draft (conditions on the visit) says `kind: "live"`, with its note; a list draft's line
 * is as it always was.
 */
import { MemorySaver } from '@langchain/langgraph';
import { randomUUID } from 'node:crypto';
import { createAudienceBuilderGraph } from '../../graphs/audience-builder/graph.js';
import type { AudienceBuilderDeps } from '../../graphs/audience-builder/configuration.js';
import type { AudienceBuilderInterrupt } from '../../graphs/audience-builder/interrupts.js';
import type { AudienceBuilderStateType } from '../../graphs/audience-builder/state.js';
import { InMemoryAudienceRepository } from '../audiences/memory-audience-repository.js';
import type { Catalog, CatalogSearch } from '../catalog/types.js';
import type { AudienceDefinition } from '../definition/schema.js';
import type { AudienceEngine } from '../engine/types.js';
import { toAppError, type ErrorCode } from '../errors.js';
import type { Interpreter } from '../interpreter/types.js';
import type { VisitorStateStore } from '../live/types.js';

export interface BuildOnceInput {
  /** Echoed back (batch lines carry one); '' when absent. */
  id?: string;
  prompt: string;
  workspace: { catalog: Catalog; search: CatalogSearch; engine: AudienceEngine };
  now: Date;
  interpreter: Interpreter;
  /** Also list the member ids (ordered by user id); a live draft has none before a visit. */
  members?: boolean;
  /** The traits visitors recorded, when the caller keeps them. */
  visitors?: Pick<VisitorStateStore, 'traitCatalog'>;
}

/** Exactly one line of `audience-agent build` output. */
export interface BuildResult {
  id: string;
  status: 'ok' | 'needs_clarification' | 'error';
  /** Only for a live draft: decided when a visitor arrives; `count` is then the known profiles who could match. */
  kind?: 'live';
  definition?: AudienceDefinition;
  explanation?: string[];
  count?: number;
  /** Only for a live draft: what its count means. */
  note?: string;
  members?: string[];
  /** Words of the description the draft does not use. */
  notUnderstood?: string[];
  /** Misspelt words read as others ("purchace" → purchase). */
  readAs?: Array<{ from: string; to: string }>;
  question?: string;
  options?: string[];
  error?: { code: ErrorCode; message: string };
}

function pendingInterrupt(tasks: { interrupts: { value?: unknown }[] }[]): AudienceBuilderInterrupt | undefined {
  return tasks.flatMap((t) => t.interrupts).map((i) => i.value as AudienceBuilderInterrupt | undefined).find(Boolean);
}

export async function buildOnce(input: BuildOnceInput): Promise<BuildResult> {
  const id = input.id ?? '';
  try {
    const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
    const deps: AudienceBuilderDeps = {
      ...input.workspace,
      interpreter: input.interpreter,
      audiences: new InMemoryAudienceRepository(),
      now: input.now,
      sampleSize: 0,
      ...(input.visitors ? { visitors: input.visitors } : {}),
    };
    const config = { configurable: { thread_id: randomUUID(), ...deps } };
    await graph.invoke({ prompt: input.prompt }, config);
    const snapshot = await graph.getState(config);
    const state = snapshot.values as AudienceBuilderStateType;
    const pending = pendingInterrupt(snapshot.tasks);
    if (state.error) return { id, status: 'error', error: { code: state.error.code, message: state.error.message } };
    if (pending?.type === 'question') return { id, status: 'needs_clarification', question: pending.question, options: pending.options };
    const draft = state.currentDraft;
    if (!draft) return { id, status: 'error', error: { code: 'internal', message: 'No draft was produced.' } };
    if (draft.kind === 'live') {
      return { id, status: 'ok', kind: 'live', definition: draft.definition, explanation: draft.explanation, count: draft.size, ...(draft.note ? { note: draft.note } : {}) };
    }
    const result: BuildResult = { id, status: 'ok', definition: draft.definition, explanation: draft.explanation, count: draft.size };
    if (draft.notUnderstood.length) result.notUnderstood = draft.notUnderstood;
    if (draft.readAs?.length) result.readAs = draft.readAs;
    if (input.members) result.members = await input.workspace.engine.memberIds(draft.definition, { now: input.now });
    return result;
  } catch (err) {
    const e = toAppError(err);
    return { id, status: 'error', error: { code: e.code, message: e.message } };
  }
}
