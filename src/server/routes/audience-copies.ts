/** Duplicating a saved audience: the same definition and description under a new id and name. */
import { Router } from 'express';
import { AppError } from '../../errors.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { AudienceCopy, AudienceParams } from '../schemas.js';

/** "Buyers" → "Buyers (copy)", kept within the name limit. */
export function copyName(name: string, max = 120): string {
  const suffix = ' (copy)';
  return name.length + suffix.length <= max ? `${name}${suffix}` : `${name.slice(0, max - suffix.length - 1)}…${suffix}`;
}

export function audienceCopiesRouter(ctx: ServerContext): Router {
  const router = Router();

  router.post('/v1/audiences/:id/copies', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const body = parseRequest(AudienceCopy, req.body ?? {}, 'body');
    const source = await ctx.repos.audiences.get(req.tenant, id);
    if (!source) throw new AppError('not_found', `There is no audience ${id}.`);
    const copy = await ctx.repos.audiences.save(req.tenant, {
      ...source,
      id: ctx.newId(),
      name: body.name ?? copyName(source.name),
      createdAt: ctx.clock().toISOString(),
    });
    res.status(201).json(copy);
  });

  return router;
}
