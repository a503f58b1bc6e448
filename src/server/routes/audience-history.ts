/**
 * Saved audiences kept current: save one from a definition (`POST /v1/audiences`), count one now (`POST /v1/audiences/:id/refresh`), read its
 * counts with who entered and left (`GET /v1/audiences/:id/history`), and set or clear the
 * schedule it is counted on (`PUT /v1/audiences/:id/schedule`).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AudienceKeeper } from '../../audiences/history/audience-keeper.js';
import type { AudienceHistoryStore } from '../../audiences/history/types.js';
import { parseDefinition } from '../../definition/parse.js';
import { assertValid } from '../../definition/validate.js';
import { AppError } from '../../errors.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { AudienceParams } from '../schemas.js';
import { requireWorkspace } from './workspace-access.js';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, seconds: 1_000 } as const;

const ScheduleBody = z.strictObject({
  /** How often the audience is counted; null stops counting it on a schedule. */
  every: z.strictObject({ amount: z.number().int().positive().max(10_000), unit: z.enum(['seconds', 'minutes', 'hours', 'days']) }).nullable(),
});

const NewAudience = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).default(''),
  /** The audience definition (version 1); validated against the catalog. */
  definition: z.record(z.string(), z.unknown()),
});

const HistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(100) });

export function audienceHistoryRouter(ctx: ServerContext, { keeper, history }: { keeper: AudienceKeeper; history: AudienceHistoryStore }): Router {
  const router = Router();

  const requireAudience = async (tenant: string, id: string) => {
    if (!(await ctx.repos.audiences.get(tenant, id))) throw new AppError('not_found', `There is no audience ${id}.`);
  };

  router.post('/v1/audiences', async (req, res) => {
    const body = parseRequest(NewAudience, req.body ?? {}, 'body');
    const definition = parseDefinition(body.definition);
    const ws = await requireWorkspace(ctx, req);
    assertValid(definition, ws.catalog, { now: ctx.referenceTime(), search: ws.search });
    const saved = await ctx.repos.audiences.save(req.tenant, { id: ctx.newId(), name: body.name, description: body.description, prompt: '', definition, createdAt: ctx.clock().toISOString() });
    res.status(201).json(saved);
  });

  router.post('/v1/audiences/:id/refresh', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    res.status(201).json(await keeper.recount(req.tenant, id, 'on_demand'));
  });

  router.get('/v1/audiences/:id/history', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const { limit } = parseRequest(HistoryQuery, req.query, 'query');
    await requireAudience(req.tenant, id);
    const [counts, schedule] = await Promise.all([history.counts(req.tenant, id, limit), history.schedule(req.tenant, id)]);
    res.json({ audience_id: id, schedule: schedule ?? null, counts });
  });

  router.get('/v1/audiences/:id/schedule', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    await requireAudience(req.tenant, id);
    res.json({ schedule: (await history.schedule(req.tenant, id)) ?? null });
  });

  router.put('/v1/audiences/:id/schedule', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const body = parseRequest(ScheduleBody, req.body ?? {}, 'body');
    const everyMs = body.every ? body.every.amount * UNIT_MS[body.every.unit] : undefined;
    res.json({ schedule: (await keeper.setSchedule(req.tenant, id, everyMs)) ?? null });
  });

  return router;
}
