/**
 * The LangGraph store API (`client.store`): JSON items under namespace paths, per workspace, in
 * Redis or in memory. Answers as the official server does: PUT and DELETE are 204, a missing
 * item is `null`, search and namespaces are wrapped in `{items}` / `{namespaces}`.
 */
import { Router } from 'express';
import { AppError } from '../../errors.js';
import { listNamespaces, searchItems } from '../../repositories/item-query.js';
import type { StoreItem } from '../../repositories/types.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { StoreDeleteItem, StoreGetItem, StoreListNamespaces, StorePutItem, StoreSearchItems } from '../schemas.js';

/** Items one workspace may keep: searches read them all in the process. */
export const MAX_STORE_ITEMS = 10_000;

function itemJson(item: StoreItem) {
  return { namespace: item.namespace, key: item.key, value: item.value, created_at: item.created_at, updated_at: item.updated_at };
}

export function storeRouter(ctx: ServerContext): Router {
  const router = Router();
  const items = ctx.repos.items;

  router.put('/store/items', async (req, res) => {
    const body = parseRequest(StorePutItem, req.body ?? {}, 'body');
    const existing = await items.get(req.tenant, body.namespace, body.key);
    if (!existing && (await items.count(req.tenant)) >= MAX_STORE_ITEMS) {
      throw new AppError('limit_exceeded', `This workspace's store holds ${MAX_STORE_ITEMS} items, its most: delete some before adding others.`);
    }
    const now = ctx.clock().toISOString();
    await items.put(req.tenant, { namespace: body.namespace, key: body.key, value: body.value, created_at: existing?.created_at ?? now, updated_at: now });
    res.status(204).end();
  });

  router.get('/store/items', async (req, res) => {
    const q = parseRequest(StoreGetItem, req.query, 'query');
    const found = await items.get(req.tenant, q.namespace === '' ? [] : q.namespace.split('.'), q.key);
    res.json(found ? itemJson(found) : null);
  });

  router.delete('/store/items', async (req, res) => {
    const body = parseRequest(StoreDeleteItem, req.body ?? {}, 'body');
    await items.delete(req.tenant, body.namespace, body.key);
    res.status(204).end();
  });

  router.post('/store/items/search', async (req, res) => {
    const q = parseRequest(StoreSearchItems, req.body ?? {}, 'body');
    const found = searchItems(await items.all(req.tenant), {
      prefix: q.namespace_prefix,
      ...(q.filter ? { filter: q.filter } : {}),
      ...(q.query ? { query: q.query } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    res.json({ items: found.map(itemJson) });
  });

  router.post('/store/namespaces', async (req, res) => {
    const q = parseRequest(StoreListNamespaces, req.body ?? {}, 'body');
    const namespaces = listNamespaces(await items.all(req.tenant), {
      ...(q.prefix ? { prefix: q.prefix } : {}),
      ...(q.suffix ? { suffix: q.suffix } : {}),
      ...(q.max_depth !== undefined ? { maxDepth: q.max_depth } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    res.json({ namespaces });
  });

  return router;
}
