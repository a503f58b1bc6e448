/**
 * Live audiences: the workspace's ordered list (read, add, edit, reorder, delete), matching a
 * visitor (`POST /v1/match`, one or a batch) and recording a visitor's own answers
 * (self-segmentation) so definitions can use them.
 */
import { Router } from 'express';
import { explainDefinition } from '../../definition/explain.js';
import { parseDefinition } from '../../definition/parse.js';
import type { AudienceDefinition } from '../../definition/schema.js';
import { assertValid } from '../../definition/validate.js';
import { AppError } from '../../errors.js';
import type { LiveAudience } from '../../live/types.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import {
  AudienceParams, LiveAudienceCreate, LiveAudienceOrder, LiveAudiencePatch, VisitorParams, VisitorTraitsRecord,
} from '../schemas.js';
import type { MatchHandlers } from '../match-handlers.js';
import type { ServedWorkspace } from '../runs/assistant.js';
import { requireWorkspace } from './workspace-access.js';

/** A live audience as the API shows it: with its 1-based place in the order and its conditions in words. */
export interface LiveAudienceView extends LiveAudience {
  position: number;
  explanation: string[];
}

export function liveRouter(ctx: ServerContext, match: MatchHandlers): Router {
  const router = Router();

  function view(audience: LiveAudience, position: number, ws: ServedWorkspace): LiveAudienceView {
    return { ...audience, position, explanation: explainDefinition(audience.definition, { currency: ws.catalog.workspace.currency }) };
  }

  function views(list: LiveAudience[], ws: ServedWorkspace): LiveAudienceView[] {
    return list.map((a, i) => view(a, i + 1, ws));
  }

  /** The audience as saved, with its place in the order. */
  async function viewOf(tenant: string, saved: LiveAudience, ws: ServedWorkspace): Promise<LiveAudienceView> {
    const list = await ctx.repos.liveAudiences.list(tenant);
    return view(saved, list.findIndex((a) => a.id === saved.id) + 1, ws);
  }

  async function requireLiveAudience(tenant: string, id: string): Promise<LiveAudience> {
    const found = await ctx.repos.liveAudiences.get(tenant, id);
    if (!found) throw new AppError('not_found', `There is no live audience ${id}.`);
    return found;
  }

  /** Checks a definition against the catalog and the traits visitors have recorded about themselves. */
  async function validDefinition(tenant: string, input: unknown, ws: ServedWorkspace): Promise<AudienceDefinition> {
    const definition = parseDefinition(input);
    const visitorTraits = await ctx.repos.visitors.traitCatalog(tenant);
    assertValid(definition, ws.catalog, { now: ctx.referenceTime(), search: ws.search, visitorTraits });
    return definition;
  }

  router.get('/v1/live-audiences', async (req, res) => {
    const ws = await requireWorkspace(ctx, req);
    res.json({ audiences: views(await ctx.repos.liveAudiences.list(req.tenant), ws) });
  });

  router.post('/v1/live-audiences', async (req, res) => {
    const body = parseRequest(LiveAudienceCreate, req.body ?? {}, 'body');
    const ws = await requireWorkspace(ctx, req);
    const definition = await validDefinition(req.tenant, body.definition, ws);
    const at = ctx.clock().toISOString();
    const audience: LiveAudience = {
      id: ctx.newId(),
      name: body.name,
      description: body.description,
      definition,
      duration: body.duration,
      enabled: body.enabled,
      builtIn: false,
      createdAt: at,
      updatedAt: at,
    };
    const saved = await ctx.repos.liveAudiences.save(req.tenant, audience, { position: body.position });
    res.status(201).json(await viewOf(req.tenant, saved, ws));
  });

  // Before /:id, so "order" is not taken for an id.
  router.put('/v1/live-audiences/order', async (req, res) => {
    const { ids } = parseRequest(LiveAudienceOrder, req.body ?? {}, 'body');
    const ws = await requireWorkspace(ctx, req);
    res.json({ audiences: views(await ctx.repos.liveAudiences.reorder(req.tenant, ids), ws) });
  });

  router.get('/v1/live-audiences/:id', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const ws = await requireWorkspace(ctx, req);
    res.json(await viewOf(req.tenant, await requireLiveAudience(req.tenant, id), ws));
  });

  router.patch('/v1/live-audiences/:id', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const patch = parseRequest(LiveAudiencePatch, req.body ?? {}, 'body');
    const ws = await requireWorkspace(ctx, req);
    const next: LiveAudience = { ...(await requireLiveAudience(req.tenant, id)), updatedAt: ctx.clock().toISOString() };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.duration !== undefined) next.duration = patch.duration;
    if (patch.enabled !== undefined) next.enabled = patch.enabled;
    if (patch.definition !== undefined) next.definition = await validDefinition(req.tenant, patch.definition, ws);
    res.json(await viewOf(req.tenant, await ctx.repos.liveAudiences.save(req.tenant, next), ws));
  });

  router.delete('/v1/live-audiences/:id', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    if (!(await ctx.repos.liveAudiences.delete(req.tenant, id))) throw new AppError('not_found', `There is no live audience ${id}.`);
    res.status(204).end();
  });

  // Most matches are answered in front of express (match-fast-path.ts); these take the rest
  // (other spellings of the path, other body encodings) with the same handlers.
  router.post('/v1/match', async (req, res) => void res.json(await match.match(req.tenant, req.body)));
  router.post('/v1/match/batch', async (req, res) => void res.json(await match.matchBatch(req.tenant, req.body)));

  router.put('/v1/visitors/:id/traits', async (req, res) => {
    const { id } = parseRequest(VisitorParams, req.params, 'params');
    const { traits } = parseRequest(VisitorTraitsRecord, req.body ?? {}, 'body');
    res.json({ traits: await ctx.repos.visitors.recordTraits(req.tenant, id, traits) });
  });

  return router;
}
