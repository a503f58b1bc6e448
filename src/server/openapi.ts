/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with, so the
 * document cannot drift from what the service accepts.
 */
import { z } from 'zod';
import { AudienceDefinition } from '../definition/schema.js';
import * as S from './schemas.js';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Path parameters other than plain ids. */
  params?: z.ZodObject;
  /** The response is an SSE stream. */
  stream?: boolean;
  noContent?: boolean;
  /** Answers 201 Created. */
  created?: boolean;
  /** Public: no API key needed. */
  open?: boolean;
}

const OPERATIONS: Operation[] = [
  { method: 'post', path: '/threads', summary: 'Create a thread', tag: 'threads', body: S.ThreadCreate },
  { method: 'post', path: '/threads/search', summary: 'List and search threads of the workspace (X-Pagination-Total / X-Pagination-Next)', tag: 'threads', body: S.ThreadSearch },
  { method: 'post', path: '/threads/count', summary: 'Count threads by metadata, values and status', tag: 'threads', body: S.ThreadCount },
  { method: 'get', path: '/threads/{thread_id}', summary: 'Get a thread', tag: 'threads' },
  { method: 'patch', path: '/threads/{thread_id}', summary: "Update a thread's metadata", tag: 'threads', body: S.ThreadPatch },
  { method: 'delete', path: '/threads/{thread_id}', summary: 'Delete a thread, its runs and checkpoints', tag: 'threads', noContent: true },
  { method: 'get', path: '/threads/{thread_id}/state', summary: 'Latest state of a thread (values, next, pending interrupts)', tag: 'threads', query: S.StateQuery },
  { method: 'post', path: '/threads/{thread_id}/state', summary: "Write to a thread's state (only what a run's command.update may write), as a node when as_node is given", tag: 'threads', body: S.ThreadStateUpdate },
  { method: 'post', path: '/threads/{thread_id}/copy', summary: 'Copy a thread with its checkpoints', tag: 'threads' },
  { method: 'post', path: '/threads/{thread_id}/history', summary: 'Past states of a thread, newest first', tag: 'threads', body: S.ThreadHistory },
  { method: 'get', path: '/threads/{thread_id}/history', summary: 'Past states of a thread, newest first', tag: 'threads', query: S.HistoryQuery },
  { method: 'get', path: '/threads/{thread_id}/stream', summary: "Join the thread's current (else latest) run stream from Last-Event-ID", tag: 'runs', query: S.ThreadStreamQuery, stream: true },
  { method: 'post', path: '/threads/{thread_id}/runs/stream', summary: 'Send a message (input) or an answer (command.resume) and stream the run', tag: 'runs', body: S.RunCreate, stream: true },
  { method: 'post', path: '/threads/{thread_id}/runs', summary: 'Start a run in the background', tag: 'runs', body: S.RunCreate },
  { method: 'post', path: '/threads/{thread_id}/runs/wait', summary: "Start a run and answer with its last values when it ends ({__error__} when it failed)", tag: 'runs', body: S.RunCreate },
  { method: 'post', path: '/runs/stream', summary: 'A run on a thread of its own (deleted after unless on_completion is keep), streamed', tag: 'runs', body: S.RunCreate, stream: true },
  { method: 'post', path: '/runs/wait', summary: 'A run on a thread of its own, answered with its last values', tag: 'runs', body: S.RunCreate },
  { method: 'post', path: '/runs', summary: 'A run on a thread of its own, in the background', tag: 'runs', body: S.RunCreate },
  { method: 'get', path: '/threads/{thread_id}/runs', summary: 'List runs of a thread', tag: 'runs', query: S.RunListQuery },
  { method: 'get', path: '/threads/{thread_id}/runs/{run_id}', summary: 'Get a run', tag: 'runs' },
  { method: 'get', path: '/threads/{thread_id}/runs/{run_id}/stream', summary: 'Rejoin a run stream (Last-Event-ID: the last event id received; -1 = from the start)', tag: 'runs', query: S.JoinQuery, stream: true },
  { method: 'post', path: '/threads/{thread_id}/runs/{run_id}/cancel', summary: 'Cancel a run', tag: 'runs', query: S.CancelQuery, noContent: true },
  { method: 'get', path: '/threads/{thread_id}/runs/{run_id}/join', summary: 'Wait for a run to end; returns its last values', tag: 'runs' },
  { method: 'get', path: '/assistants/{assistant_id}', summary: 'Get an assistant (audience-builder)', tag: 'assistants' },
  { method: 'post', path: '/assistants/search', summary: 'List assistants', tag: 'assistants', body: S.AssistantSearch },
  { method: 'post', path: '/assistants/count', summary: 'Count assistants', tag: 'assistants', body: S.AssistantCount },
  { method: 'get', path: '/assistants/{assistant_id}/graph', summary: 'The drawable graph (nodes and edges)', tag: 'assistants', query: S.GraphQuery, params: S.AssistantParams },
  { method: 'get', path: '/assistants/{assistant_id}/schemas', summary: "JSON Schemas of the graph's input, output, state and configuration", tag: 'assistants', params: S.AssistantParams },
  { method: 'get', path: '/assistants/{assistant_id}/subgraphs', summary: 'Subgraphs (none)', tag: 'assistants', query: S.SubgraphQuery, params: S.AssistantParams },
  { method: 'post', path: '/assistants/{assistant_id}/versions', summary: "The assistant's versions (one)", tag: 'assistants', body: S.AssistantVersions, params: S.AssistantParams },
  { method: 'put', path: '/store/items', summary: 'Store an item (JSON under a namespace and a key)', tag: 'store', body: S.StorePutItem, noContent: true },
  { method: 'get', path: '/store/items', summary: 'Get an item (null when there is none)', tag: 'store', query: S.StoreGetItem },
  { method: 'delete', path: '/store/items', summary: 'Delete an item', tag: 'store', body: S.StoreDeleteItem, noContent: true },
  { method: 'post', path: '/store/items/search', summary: 'Search items under a namespace prefix (filter, words)', tag: 'store', body: S.StoreSearchItems },
  { method: 'post', path: '/store/namespaces', summary: 'List namespaces', tag: 'store', body: S.StoreListNamespaces },
  { method: 'get', path: '/info', summary: 'What this server offers (flags.crons false)', tag: 'operations', open: true },
  { method: 'get', path: '/ok', summary: 'Liveness, as LangGraph clients ask it', tag: 'operations', open: true },
  { method: 'get', path: '/v1/catalog', summary: "The workspace's events, properties, traits, tags, lists and the roles its events and traits play (purchase, activity, sign-up, channels, country…)", tag: 'catalog' },
  { method: 'get', path: '/v1/catalog/search', summary: 'Search the catalog (typo-tolerant)', tag: 'catalog', query: S.CatalogSearchQuery },
  { method: 'post', path: '/v1/compute', summary: 'Compute a definition: size, reachability, samples, explanation', tag: 'audiences', body: S.ComputeRequest },
  { method: 'get', path: '/v1/audiences', summary: 'List saved audiences', tag: 'audiences' },
  { method: 'get', path: '/v1/audiences/{id}', summary: 'Get a saved audience', tag: 'audiences' },
  { method: 'patch', path: '/v1/audiences/{id}', summary: "Rename or redefine a saved audience", tag: 'audiences', body: S.AudiencePatch },
  { method: 'post', path: '/v1/audiences/{id}/copies', summary: 'Duplicate a saved audience (same definition, new id and name)', tag: 'audiences', body: S.AudienceCopy, created: true },
  { method: 'delete', path: '/v1/audiences/{id}', summary: 'Delete a saved audience', tag: 'audiences', noContent: true },
  { method: 'get', path: '/v1/audiences/{id}/members', summary: 'Stream the members as CSV or JSONL', tag: 'audiences', query: S.MembersQuery },
  { method: 'get', path: '/v1/audiences/{id}/sql', summary: 'The member query as SQL with its parameters', tag: 'audiences', query: S.SqlQuery },
  { method: 'get', path: '/v1/live-audiences', summary: 'The ordered live audiences (first match wins), with position and explanation', tag: 'live' },
  { method: 'post', path: '/v1/live-audiences', summary: 'Add a live audience (context, behaviour and profile conditions; membership duration)', tag: 'live', body: S.LiveAudienceCreate, created: true },
  { method: 'put', path: '/v1/live-audiences/order', summary: 'Set the order of the live audiences (every id once, top first)', tag: 'live', body: S.LiveAudienceOrder },
  { method: 'get', path: '/v1/live-audiences/{id}', summary: 'Get a live audience', tag: 'live' },
  { method: 'patch', path: '/v1/live-audiences/{id}', summary: 'Rename, redefine, change the duration of, enable or disable a live audience', tag: 'live', body: S.LiveAudiencePatch },
  { method: 'delete', path: '/v1/live-audiences/{id}', summary: 'Delete a live audience (built-in ones can only be disabled)', tag: 'live', noContent: true },
  { method: 'post', path: '/v1/match', summary: "A visitor's live audience now: the first match, the reasons and until when (audience null: the default experience)", tag: 'live', body: S.MatchRequest },
  { method: 'post', path: '/v1/match/batch', summary: `Match up to ${S.MAX_BATCH_VISITORS} visitors at once`, tag: 'live', body: S.MatchBatchRequest },
  { method: 'put', path: '/v1/visitors/{id}/traits', summary: "Record a visitor's own answers (self-segmentation), usable in live audience definitions", tag: 'live', body: S.VisitorTraitsRecord, params: S.VisitorParams },
  { method: 'get', path: '/healthz', summary: 'Liveness', tag: 'operations', open: true },
  { method: 'get', path: '/readyz', summary: 'Readiness (store reachable)', tag: 'operations', open: true },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', tag: 'operations', open: true },
];

type JsonSchema = Record<string, unknown>;
type ToSchema = (schema: z.ZodType) => JsonSchema;

/**
 * A converter that moves named schemas (`.meta({ id })`) and recursive parts into `components`
 * and points references there; generated names are made unique per conversion.
 */
function schemaConverter(components: Record<string, JsonSchema>): ToSchema {
  let conversions = 0;
  return (schema) => {
    const { $schema: _drop, $defs, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const n = conversions++;
    const named = (name: string) => (name.startsWith('__') ? `${name}_${n}` : name);
    const rewrite = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/"#\/\$defs\/([^"]+)"/g, (_m, name: string) => `"#/components/schemas/${named(name)}"`)) as JsonSchema;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[named(name)] = rewrite(def);
    return rewrite(rest);
  };
}

function parameters(op: Operation, toSchema: ToSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const name of op.path.match(/\{(\w+)\}/g) ?? []) {
    const param = name.slice(1, -1);
    out.push({ name: param, in: 'path', required: true, schema: toSchema((op.params?.shape[param] as z.ZodType | undefined) ?? S.Id) });
  }
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
    const f = field as z.ZodType;
    out.push({ name, in: 'query', required: !f.safeParse(undefined).success, schema: toSchema(f) });
  }
  if (op.path.endsWith('/stream') && op.method === 'get') out.push({ name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } });
  return out;
}

function responses(op: Operation): JsonSchema {
  const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const ok = op.noContent
    ? { 204: { description: 'Done' } }
    : op.stream
      ? { 200: { description: 'Server-sent events: metadata, values, updates, messages, custom, error; numbered ids', content: { 'text/event-stream': { schema: { type: 'string' } } } } }
      : { [op.created ? 201 : 200]: { description: op.created ? 'Created' : 'OK', content: { 'application/json': { schema: {} } } } };
  return { ...ok, 400: error, 401: error, 404: error, 409: error, 413: error, 422: error, 429: error, 503: error };
}

export function buildOpenApi(version: string): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const toSchema = schemaConverter(components);
  toSchema(S.ErrorEnvelope);
  components.AudienceDefinition = toSchema(AudienceDefinition);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) {
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.open ? { security: [] } : {}),
      parameters: parameters(op, toSchema),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body) } } } } : {}),
      responses: responses(op),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'audience-agent', version, description: 'Plain-language audiences over your customer data: the LangGraph protocol for conversations, plain REST under /v1.' },
    paths,
    components: {
      schemas: components,
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' }, bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ apiKey: [] }, { bearer: [] }],
  };
}
