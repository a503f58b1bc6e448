/**
 * The graphs served, as the protocol's assistants (read-only: one per graph, one version each):
 * get, search, count, the drawable graph, schemas, subgraphs and versions.
 */
import { Router } from 'express';
import { isDeepStrictEqual } from 'node:util';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import type { ServedAssistant } from '../runs/assistant.js';
import { AssistantCount, AssistantParams, AssistantSearch, AssistantVersions, GraphQuery, SubgraphParams, SubgraphQuery } from '../schemas.js';
import { setPagination } from './pagination.js';
import { pick } from './thread-access.js';

const EPOCH = new Date(0).toISOString();
const OPEN_OBJECT = { type: 'object', additionalProperties: true };

function assistantJson(a: ServedAssistant) {
  return {
    assistant_id: a.assistantId,
    graph_id: a.assistantId,
    name: a.name,
    description: a.description ?? null,
    config: {},
    context: {},
    metadata: {},
    version: 1,
    created_at: EPOCH,
    updated_at: EPOCH,
  };
}

type AssistantJson = ReturnType<typeof assistantJson>;

function matches(a: AssistantJson, q: { graph_id?: string; name?: string; metadata?: Record<string, unknown> }): boolean {
  if (q.graph_id && a.graph_id !== q.graph_id) return false;
  if (q.name && !a.name.toLowerCase().includes(q.name.toLowerCase())) return false;
  return Object.entries(q.metadata ?? {}).every(([k, v]) => isDeepStrictEqual((a.metadata as Record<string, unknown>)[k], v));
}

function isTrue(flag: string | undefined): boolean {
  return flag === 'true' || flag === '1';
}

export function assistantsRouter(ctx: ServerContext): Router {
  const router = Router();
  const all = () => ctx.assistants.all().map(assistantJson);

  router.get('/assistants/:assistant_id', (req, res) => {
    const { assistant_id } = parseRequest(AssistantParams, req.params, 'params');
    res.json(assistantJson(ctx.assistants.get(assistant_id)));
  });

  router.post('/assistants/search', (req, res) => {
    const q = parseRequest(AssistantSearch, req.body ?? {}, 'body');
    const field = (q.sort_by ?? 'created_at') as keyof AssistantJson;
    const sign = q.sort_order === 'asc' ? 1 : -1;
    const found = all()
      .filter((a) => matches(a, q))
      .sort((a, b) => sign * (String(a[field] ?? '').localeCompare(String(b[field] ?? '')) || a.assistant_id.localeCompare(b.assistant_id)))
      .slice(q.offset, q.offset + q.limit);
    setPagination(res, { offset: q.offset, returned: found.length, limit: q.limit });
    res.json(found.map((a) => pick(a, q.select)));
  });

  router.post('/assistants/count', (req, res) => {
    const q = parseRequest(AssistantCount, req.body ?? {}, 'body');
    res.json(all().filter((a) => matches(a, q)).length);
  });

  router.get('/assistants/:assistant_id/graph', async (req, res) => {
    const { assistant_id } = parseRequest(AssistantParams, req.params, 'params');
    const { xray } = parseRequest(GraphQuery, req.query, 'query');
    const depth = xray === undefined ? undefined : typeof xray === 'number' ? xray : isTrue(xray);
    const drawable = await ctx.assistants.get(assistant_id).graph.getGraphAsync({ ...(depth !== undefined ? { xray: depth } : {}) });
    res.json(drawable.toJSON());
  });

  router.get('/assistants/:assistant_id/schemas', (req, res) => {
    const { assistant_id } = parseRequest(AssistantParams, req.params, 'params');
    const assistant = ctx.assistants.get(assistant_id);
    const s = assistant.schemas?.() ?? { input: OPEN_OBJECT, output: OPEN_OBJECT, state: OPEN_OBJECT, config: OPEN_OBJECT };
    res.json({ graph_id: assistant.assistantId, input_schema: s.input, output_schema: s.output, state_schema: s.state, config_schema: s.config, context_schema: s.config });
  });

  // The graphs served have no subgraphs.
  router.get(['/assistants/:assistant_id/subgraphs', '/assistants/:assistant_id/subgraphs/:namespace'], (req, res) => {
    const { assistant_id } = parseRequest(SubgraphParams, req.params, 'params');
    parseRequest(SubgraphQuery, req.query, 'query');
    ctx.assistants.get(assistant_id);
    res.json({});
  });

  router.post('/assistants/:assistant_id/versions', (req, res) => {
    const { assistant_id } = parseRequest(AssistantParams, req.params, 'params');
    const q = parseRequest(AssistantVersions, req.body ?? {}, 'body');
    const version = assistantJson(ctx.assistants.get(assistant_id));
    res.json([version].filter((v) => matches(v, q)).slice(q.offset, q.offset + q.limit));
  });

  return router;
}
