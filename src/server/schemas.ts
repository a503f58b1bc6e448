/**
 * Every request the service accepts, as zod schemas: routes parse with these, and
 * /openapi.json is generated from them. Objects are strict, so a misspelt field is an error
 * naming it rather than silently ignored. Field names follow the LangGraph protocol
 * (snake_case) where the SDK sends them.
 */
import { z } from 'zod';
import { MembershipDurationSchema } from '../live/stored-live-audience.js';
import { VisitorInput } from '../live/visitor.js';

const Json = z.record(z.string(), z.unknown());
/** A name the client passes back to us (checkpoint ids, node names, fields to select). */
const Name = z.string().max(128);

/** Ids that are safe in URLs, logs and Redis keys (UUIDs, which the SDK sends, fit). */
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1–128 letters, digits, ".", "_", ":" or "-"');

export const ThreadParams = z.object({ thread_id: Id });
export const RunParams = z.object({ thread_id: Id, run_id: Id });
export const AudienceParams = z.object({ id: Id });
export const AssistantParams = z.object({ assistant_id: z.string().min(1).max(128) });

export const ThreadStatus = z.enum(['idle', 'busy', 'interrupted', 'error']);

export const ThreadCreate = z.strictObject({
  thread_id: Id.optional(),
  metadata: Json.optional(),
  /** `raise` (409 when the id is taken, the default) or `do_nothing` (return the existing thread). */
  if_exists: z.enum(['raise', 'do_nothing']).optional(),
}).meta({ id: 'ThreadCreate' });

export const ThreadPatch = z.strictObject({ metadata: Json.optional() }).meta({ id: 'ThreadPatch' });

const Limit = (max: number, def: number) => z.number().int().min(1).max(max).default(def);

export const ThreadSearch = z.strictObject({
  metadata: Json.optional(),
  values: Json.optional(),
  ids: z.array(Id).max(1000).optional(),
  status: ThreadStatus.optional(),
  limit: Limit(1000, 10),
  offset: z.number().int().min(0).default(0),
  sort_by: z.enum(['thread_id', 'status', 'created_at', 'updated_at']).default('updated_at'),
  sort_order: z.enum(['asc', 'desc']).default('desc'),
  select: z.array(Name).max(20).optional(),
}).meta({ id: 'ThreadSearch' });

const CheckpointRef = z.strictObject({
  thread_id: Name.optional(),
  checkpoint_ns: Name.optional(),
  checkpoint_id: Name.optional(),
  checkpoint_map: Json.nullable().optional(),
});

export const ThreadHistory = z.strictObject({
  limit: Limit(1000, 10),
  /** Only checkpoints older than this one. */
  before: z.union([Name, CheckpointRef]).optional(),
  metadata: Json.optional(),
  checkpoint: CheckpointRef.optional(),
  select: z.array(Name).max(20).optional(),
}).meta({ id: 'ThreadHistory' });
export type ThreadHistory = z.infer<typeof ThreadHistory>;

export const StateQuery = z.object({ subgraphs: z.enum(['true', 'false', '1', '0']).optional() });

/** Stream modes of the LangGraph protocol this service can produce. */
export const StreamMode = z.enum(['values', 'updates', 'messages-tuple', 'messages', 'custom', 'debug', 'checkpoints', 'tasks', 'tools']);
export type StreamMode = z.infer<typeof StreamMode>;

export const MultitaskStrategy = z.enum(['reject', 'enqueue', 'interrupt']);

export const RunCommand = z.strictObject({
  /** The answer to the pending question (an option's text or free text) or to the draft. */
  resume: z.unknown().optional(),
  /** Values to write to the thread's state first: only what the assistant takes, checked like its own state. */
  update: z.union([Json, z.array(z.tuple([Name, z.unknown()])).max(50)]).nullable().optional(),
  /** A step of the assistant to go to, when the thread's state allows it. */
  goto: z.union([Name, z.array(Name).max(10)]).nullable().optional(),
}).refine((c) => c.resume !== undefined || c.update != null || c.goto != null, { message: 'needs resume, update or goto' });

const InterruptAt = z.union([z.literal('*'), z.array(Name).max(20)]);

/** Fewer steps than LangGraph's default would stop an ordinary turn half-way. */
export const MIN_RECURSION_LIMIT = 25;

export const RunCreate = z.strictObject({
  assistant_id: z.string().min(1).max(128),
  /** The graph input, e.g. `{"messages":[{"type":"human","content":"…"}]}`; null continues from the last checkpoint. */
  input: z.unknown().optional(),
  command: RunCommand.nullable().optional(),
  config: z.object({
    configurable: Json.optional(),
    tags: z.array(Name).max(20).optional(),
    metadata: Json.optional(),
    recursion_limit: z.number().int().min(MIN_RECURSION_LIMIT, `must be at least ${MIN_RECURSION_LIMIT}, the steps a turn may take`).max(1000).optional(),
  }).optional(),
  /** Accepted for compatibility; the service decides the run's context. */
  context: z.unknown().optional(),
  metadata: Json.optional(),
  stream_mode: z.union([StreamMode, z.array(StreamMode).max(8)]).optional(),
  stream_subgraphs: z.boolean().optional(),
  stream_resumable: z.boolean().optional(),
  interrupt_before: InterruptAt.optional(),
  interrupt_after: InterruptAt.optional(),
  checkpoint: CheckpointRef.nullable().optional(),
  checkpoint_id: Name.optional(),
  strict_resume: z.boolean().optional(),
  multitask_strategy: MultitaskStrategy.optional(),
  on_completion: z.enum(['delete', 'keep']).optional(),
  /** `continue` (default): the run goes on and can be rejoined; `cancel`: it stops with the client. */
  on_disconnect: z.enum(['cancel', 'continue']).optional(),
  if_not_exists: z.enum(['create', 'reject']).optional(),
  checkpoint_during: z.boolean().optional(),
  durability: z.enum(['sync', 'async', 'exit']).optional(),
}).refine((r) => !(r.command && r.input !== undefined && r.input !== null), {
  message: 'send either input or command, not both',
  path: ['command'],
}).meta({ id: 'RunCreate' });
export type RunCreate = z.infer<typeof RunCreate>;

const QueryFlag = z.enum(['true', 'false', '1', '0']);
const QueryList = z.union([Name, z.array(Name).max(20)]);

export const JoinQuery = z.object({
  stream_mode: QueryList.optional(),
  cancel_on_disconnect: QueryFlag.optional(),
  namespace: QueryList.optional(),
  checkpoint_id: Name.optional(),
});

export const StreamQuery = z.object({ namespace: QueryList.optional() });

export const RunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(10),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(['pending', 'running', 'success', 'error', 'interrupted']).optional(),
  select: QueryList.optional(),
});

export const CancelQuery = z.object({
  wait: QueryFlag.optional(),
  action: z.enum(['interrupt']).optional(),
  reason: z.string().max(500).optional(),
});

export const AssistantSearch = z.strictObject({
  graph_id: Name.optional(),
  name: Name.optional(),
  metadata: Json.optional(),
  limit: Limit(1000, 10),
  offset: z.number().int().min(0).default(0),
  sort_by: Name.optional(),
  sort_order: z.enum(['asc', 'desc']).optional(),
  select: z.array(Name).max(20).optional(),
}).meta({ id: 'AssistantSearch' });

export const AssistantCount = z.strictObject({
  graph_id: Name.optional(),
  name: Name.optional(),
  metadata: Json.optional(),
}).meta({ id: 'AssistantCount' });

export const AssistantVersions = z.strictObject({
  limit: Limit(1000, 10),
  offset: z.number().int().min(0).default(0),
  metadata: Json.optional(),
}).meta({ id: 'AssistantVersions' });

export const GraphQuery = z.object({ xray: z.union([QueryFlag, z.coerce.number().int().min(0).max(10)]).optional() });

export const SubgraphParams = AssistantParams.extend({ namespace: Name.optional() });
export const SubgraphQuery = z.object({ recurse: QueryFlag.optional() });

export const ThreadCount = z.strictObject({
  metadata: Json.optional(),
  values: Json.optional(),
  status: ThreadStatus.optional(),
}).meta({ id: 'ThreadCount' });

export const ThreadStateUpdate = z.strictObject({
  /** Values to write, checked like `command.update` of a run: only what the assistant takes. */
  values: z.union([Json, z.array(Json).max(50)]).nullable().optional(),
  as_node: Name.optional(),
  checkpoint: CheckpointRef.nullable().optional(),
  checkpoint_id: Name.optional(),
}).meta({ id: 'ThreadStateUpdate' });

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(10),
  before: Name.optional(),
});

export const ThreadStreamQuery = z.object({ stream_mode: QueryList.optional() });

/** A namespace label of the store: no dots (the SDK joins labels with them in query strings). */
const NamespaceLabel = z.string().min(1).max(128).regex(/^[^.]+$/, 'must not contain "."');
const Namespace = z.array(NamespaceLabel).max(10);
const ItemKey = z.string().min(1).max(256);

export const StorePutItem = z.strictObject({
  namespace: Namespace.min(1),
  key: ItemKey,
  value: Json,
  /** Accepted for compatibility: no embeddings are configured, so nothing is indexed. */
  index: z.unknown().optional(),
  ttl: z.number().nullable().optional(),
}).meta({ id: 'StorePutItem' });

export const StoreDeleteItem = z.strictObject({ namespace: Namespace.default([]), key: ItemKey }).meta({ id: 'StoreDeleteItem' });

export const StoreGetItem = z.object({
  /** Labels joined with ".". */
  namespace: z.string().max(1400).default(''),
  key: ItemKey,
  refresh_ttl: QueryFlag.optional(),
});

export const StoreSearchItems = z.strictObject({
  namespace_prefix: Namespace.default([]),
  filter: Json.nullable().optional(),
  limit: Limit(1000, 10),
  offset: z.number().int().min(0).default(0),
  /** Words every returned item's value contains (no embeddings are configured). */
  query: z.string().max(500).nullable().optional(),
  refresh_ttl: z.boolean().nullable().optional(),
}).meta({ id: 'StoreSearchItems' });

export const StoreListNamespaces = z.strictObject({
  prefix: Namespace.optional(),
  suffix: Namespace.optional(),
  max_depth: z.number().int().min(1).max(10).optional(),
  limit: Limit(1000, 100),
  offset: z.number().int().min(0).default(0),
}).meta({ id: 'StoreListNamespaces' });

export const AudiencePatch = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(500).optional(),
  /** A new definition (the audience definition schema); validated against the catalog. */
  definition: z.unknown().optional(),
}).refine((p) => p.name !== undefined || p.description !== undefined || p.definition !== undefined, {
  message: 'send at least one of name, description, definition',
}).meta({ id: 'AudiencePatch' });

/** A copy of a saved audience; without a name it is the original's with " (copy)". */
export const AudienceCopy = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
}).meta({ id: 'AudienceCopy' });

export const ComputeRequest = z.strictObject({
  /** An audience definition (version 1). */
  definition: z.record(z.string(), z.unknown()),
  /** Reference time (default: the service's). */
  now: z.iso.datetime({ offset: true }).optional(),
  sample_size: z.number().int().min(0).max(50).optional(),
}).meta({ id: 'ComputeRequest' });

export const CatalogSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  kind: z.enum(['event', 'property', 'trait', 'value', 'tag', 'list', 'glossary']).optional(),
});

export const MembersQuery = z.object({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  now: z.iso.datetime({ offset: true }).optional(),
});

export const SqlQuery = z.object({ now: z.iso.datetime({ offset: true }).optional() });

export const MembershipDuration = MembershipDurationSchema.meta({ id: 'MembershipDuration' });

const LiveAudienceName = z.string().trim().min(1).max(120);
const LiveAudienceDescription = z.string().trim().max(500);

export const LiveAudienceCreate = z.strictObject({
  name: LiveAudienceName,
  description: LiveAudienceDescription.default(''),
  /** An audience definition (version 1); context conditions (device, page, campaign…) allowed. */
  definition: z.record(z.string(), z.unknown()),
  duration: MembershipDuration.default({ unit: 'session' }),
  /** Disabled audiences keep their place but never match. */
  enabled: z.boolean().default(true),
  /** Where it goes in the order: 0 = top (the default); past the end = bottom. */
  position: z.number().int().min(0).default(0),
}).meta({ id: 'LiveAudienceCreate' });

export const LiveAudiencePatch = z.strictObject({
  name: LiveAudienceName.optional(),
  description: LiveAudienceDescription.optional(),
  definition: z.record(z.string(), z.unknown()).optional(),
  duration: MembershipDuration.optional(),
  enabled: z.boolean().optional(),
}).refine((p) => Object.values(p).some((v) => v !== undefined), {
  message: 'send at least one of name, description, definition, duration, enabled',
}).meta({ id: 'LiveAudiencePatch' });

export const LiveAudienceOrder = z.strictObject({
  /** Every live audience id of the workspace, once each, top first. */
  ids: z.array(Id).min(1).max(1000),
}).meta({ id: 'LiveAudienceOrder' });

const Visitor = VisitorInput.meta({ id: 'Visitor' });
export const MAX_BATCH_VISITORS = 100;

export const MatchRequest = z.strictObject({ visitor: Visitor }).meta({ id: 'MatchRequest' });

export const MatchBatchRequest = z.strictObject({
  visitors: z.array(Visitor).min(1).max(MAX_BATCH_VISITORS),
}).meta({ id: 'MatchBatchRequest' });

export const VisitorParams = z.object({ id: VisitorInput.shape.id });

export const VisitorTraitsRecord = z.strictObject({
  /** The visitor's own answers ("shopping_for": "cat"); they can then be used in live audience definitions. */
  traits: VisitorInput.shape.traits.unwrap().refine((t) => Object.keys(t).length > 0, 'must name at least one trait'),
}).meta({ id: 'VisitorTraitsRecord' });

export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    retryable: z.boolean(),
    details: Json.optional(),
  }),
}).meta({ id: 'Error' });
