/**
 * A saved audience's destinations: connect a webhook or a file drop
 * (`POST /v1/audiences/:id/destinations`; the webhook's signing secret is shown once, here),
 * list them with what is still queued, disconnect one, and read its delivery log.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Destinations } from '../../destinations/destinations.js';
import { DestinationSettings, type Destination, type DestinationStore } from '../../destinations/types.js';
import { AppError } from '../../errors.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { AudienceParams } from '../schemas.js';

const DestinationParams = AudienceParams.extend({ destinationId: z.string().min(1).max(200) });
const LogQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

function withoutSecret(d: Destination): Omit<Destination, 'secret'> {
  if (d.type !== 'webhook') return d;
  const { secret: _secret, ...rest } = d;
  return rest;
}

export function destinationsRouter(ctx: ServerContext, { destinations, store }: { destinations: Destinations; store: DestinationStore }): Router {
  const router = Router();

  const requireAudience = async (tenant: string, id: string) => {
    const audience = await ctx.repos.audiences.get(tenant, id);
    if (!audience) throw new AppError('not_found', `There is no audience ${id}.`);
    return audience;
  };
  const requireDestination = async (tenant: string, audienceId: string, id: string) => {
    const found = await store.get(tenant, id);
    if (!found || found.audienceId !== audienceId) throw new AppError('not_found', `This audience has no destination ${id}.`);
    return found;
  };

  router.post('/v1/audiences/:id/destinations', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const settings = parseRequest(DestinationSettings, req.body ?? {}, 'body');
    const audience = await requireAudience(req.tenant, id);
    res.status(201).json(await destinations.connect(req.tenant, audience, settings));
  });

  router.get('/v1/audiences/:id/destinations', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    await requireAudience(req.tenant, id);
    const list = await store.ofAudience(req.tenant, id);
    res.json({ destinations: await Promise.all(list.map(async (d) => ({ ...withoutSecret(d), pending: await store.pending(d.id) }))) });
  });

  router.delete('/v1/audiences/:id/destinations/:destinationId', async (req, res) => {
    const { id, destinationId } = parseRequest(DestinationParams, req.params, 'params');
    await requireDestination(req.tenant, id, destinationId);
    await store.remove(req.tenant, destinationId);
    res.status(204).end();
  });

  router.get('/v1/audiences/:id/destinations/:destinationId/deliveries', async (req, res) => {
    const { id, destinationId } = parseRequest(DestinationParams, req.params, 'params');
    const { limit } = parseRequest(LogQuery, req.query, 'query');
    await requireDestination(req.tenant, id, destinationId);
    res.json({ destination_id: destinationId, pending: await store.pending(destinationId), deliveries: await store.deliveries(destinationId, limit) });
  });

  return router;
}
