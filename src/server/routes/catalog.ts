/** The workspace's catalog (events, properties, traits, tags, lists) and its typo-tolerant search. */
import { Router } from 'express';
import { rolesOf } from '../../vocabulary/roles.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { CatalogSearchQuery } from '../schemas.js';
import { requireWorkspace } from './workspace-access.js';

export function catalogRouter(ctx: ServerContext): Router {
  const router = Router();

  router.get('/v1/catalog', async (req, res) => {
    const { catalog } = await requireWorkspace(ctx, req);
    res.json({ ...catalog, roles: rolesOf(catalog) });
  });

  router.get('/v1/catalog/search', async (req, res) => {
    const q = parseRequest(CatalogSearchQuery, req.query, 'query');
    const ws = await requireWorkspace(ctx, req);
    res.json({ query: q.q, hits: ws.search.search(q.q, { limit: q.limit, ...(q.kind ? { kinds: [q.kind] } : {}) }) });
  });

  return router;
}
