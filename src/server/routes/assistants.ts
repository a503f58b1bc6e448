/** The graphs served, as the protocol's assistants (read-only: one per graph). */
import { Router } from 'express';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import type { ServedAssistant } from '../runs/assistant.js';
import { AssistantParams, AssistantSearch } from '../schemas.js';
import { pick } from './thread-access.js';

const EPOCH = new Date(0).toISOString();

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

export function assistantsRouter(ctx: ServerContext): Router {
  const router = Router();

  router.get('/assistants/:assistant_id', (req, res) => {
    const { assistant_id } = parseRequest(AssistantParams, req.params, 'params');
    res.json(assistantJson(ctx.assistants.get(assistant_id)));
  });

  router.post('/assistants/search', (req, res) => {
    const q = parseRequest(AssistantSearch, req.body ?? {}, 'body');
    const found = ctx.assistants
      .all()
      .filter((a) => (!q.graph_id || a.assistantId === q.graph_id) && (!q.name || a.name.toLowerCase().includes(q.name.toLowerCase())))
      .slice(q.offset, q.offset + q.limit);
    res.json(found.map((a) => pick(assistantJson(a), q.select)));
  });

  return router;
}
