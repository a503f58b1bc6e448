/**
 * What the service needs of a graph to serve it under an `assistant_id`: any compiled LangGraph
 * graph, plus how a run gets its dependencies (`configurable`) and how a request's input becomes
 * the graph's input. The run machinery knows nothing else about the graph.
 */
import type { RunnableConfig } from '@langchain/core/runnables';
import type { BaseCheckpointSaver, CheckpointListOptions } from '@langchain/langgraph-checkpoint';
import type { StateSnapshot } from '@langchain/langgraph';
import type { Catalog, CatalogSearch } from '../../catalog/types.js';
import type { AudienceEngine } from '../../engine/types.js';
import { AppError } from '../../errors.js';

/** What the service uses of a workspace: its catalog, search and engine. */
export interface ServedWorkspace {
  catalog: Catalog;
  search: CatalogSearch;
  engine: AudienceEngine;
}

/** The part of a compiled graph the service calls. */
export interface ServableGraph {
  /** By node name (`__start__` and the graph's own steps). */
  readonly nodes: Record<string, unknown>;
  stream(input: unknown, options?: Record<string, unknown>): Promise<AsyncIterable<unknown>>;
  getState(config: RunnableConfig, options?: { subgraphs?: boolean }): Promise<StateSnapshot>;
  getStateHistory(config: RunnableConfig, options?: CheckpointListOptions): AsyncIterableIterator<StateSnapshot>;
  /** Writes values to the thread as if `asNode` had returned them; the new checkpoint's config. */
  updateState(config: RunnableConfig, values: unknown, asNode?: string): Promise<RunnableConfig>;
  /** The drawable graph (`xray`: subgraphs drawn inside their nodes). */
  getGraphAsync(config: RunnableConfig & { xray?: boolean | number }): Promise<{ toJSON(): Record<string, unknown> }>;
}

/** JSON Schemas of a graph's input, output, state and configuration. */
export interface GraphSchemas {
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  state: Record<string, unknown>;
  config: Record<string, unknown>;
}

export interface RunContext {
  /** The workspace (tenant) of the API key. */
  tenant: string;
  /** The tenant's workspace (AppError `not_found` when this service does not serve it). */
  workspace(): Promise<ServedWorkspace>;
  threadId: string;
  runId: string;
  /** The reference time of computations ("last 30 days" counts back from it). */
  now: Date;
}

/** A thread as a run finds it. */
export interface ThreadView {
  /** Whether anything was checkpointed yet. */
  saved: boolean;
  values: Record<string, unknown>;
  /** The nodes that would run next. */
  next: string[];
  /** The questions the thread waits on (interrupts), with their ids. */
  interrupts: { id: string; value: unknown }[];
}

/** A run's `command`, normalised: `update` as an object, `goto` as a list. */
export interface ClientCommand {
  resume?: unknown;
  update?: Record<string, unknown>;
  goto?: string[];
}

export interface AssistantDefinition {
  assistantId: string;
  name: string;
  description?: string;
  /** Compiles the graph with the service's checkpointer. */
  createGraph(checkpointer: BaseCheckpointSaver): ServableGraph;
  /** Dependencies of one run, merged into `configurable` (with `thread_id`). */
  configurable(ctx: RunContext): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The graph input for a request's `input`; throws AppError `invalid_input` for a wrong shape. */
  toInput?(input: unknown): unknown;
  /**
   * A message sent while the thread waits on a question, as the command answering that question
   * (what a person typing into a chat box means); undefined to run it as new input.
   */
  answerWith?(input: unknown, thread: ThreadView): ClientCommand | undefined;
  /**
   * Checks a run's command against the thread before it runs, and returns the command to send:
   * an update must be state the graph could have produced (with definitions parsed and
   * validated), goto a node the graph may enter with that state, resume an answer the waiting
   * question takes. Throws AppError (4xx). Without it, an assistant takes only `resume`.
   */
  checkCommand?(command: ClientCommand, thread: ThreadView, ctx: RunContext): Promise<ClientCommand>;
  /** A short thread title from the first input. */
  title?(input: unknown): string | undefined;
  /** The graph's schemas; without them an assistant answers with open objects. */
  schemas?(): GraphSchemas;
}

export interface ServedAssistant extends AssistantDefinition {
  graph: ServableGraph;
}

export class AssistantRegistry {
  private readonly byId = new Map<string, ServedAssistant>();

  constructor(definitions: AssistantDefinition[], checkpointer: BaseCheckpointSaver) {
    if (definitions.length === 0) throw new Error('The service needs at least one assistant (graph) to serve.');
    for (const d of definitions) this.byId.set(d.assistantId, { ...d, graph: d.createGraph(checkpointer) });
  }

  get(assistantId: string): ServedAssistant {
    const found = this.byId.get(assistantId);
    if (!found) {
      throw new AppError('not_found', `There is no assistant "${assistantId}". Use one of: ${[...this.byId.keys()].join(', ')}.`);
    }
    return found;
  }

  /** The assistant of a thread: the one it last ran, else the first registered. */
  forThread(metadata: Record<string, unknown>): ServedAssistant {
    const id = metadata.assistant_id;
    return (typeof id === 'string' && this.byId.get(id)) || this.all()[0]!;
  }

  all(): ServedAssistant[] {
    return [...this.byId.values()];
  }
}

/** The workspaces the service answers for, by tenant (the workspace name of an API key). */
export interface WorkspaceDirectory {
  get(tenant: string): Promise<ServedWorkspace | undefined>;
}

/** The tenant's workspace, or AppError `not_found` when this service does not serve it. */
export async function servedWorkspace(workspaces: WorkspaceDirectory, tenant: string): Promise<ServedWorkspace> {
  const ws = await workspaces.get(tenant);
  if (!ws) throw new AppError('not_found', `The workspace "${tenant}" is not available on this service.`);
  return ws;
}
