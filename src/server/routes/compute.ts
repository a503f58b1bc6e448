/**
 * Computing a definition without a conversation (editing conditions by hand): size,
 * reachability, samples, per-condition sizes and the plain-language explanation.
 */
import { Router } from 'express';
import { parseDefinition } from '../../definition/parse.js';
import { assertValid } from '../../definition/validate.js';
import { explainDefinition } from '../../definition/explain.js';
import type { ServerContext } from '../context.js';
import { parseRequest } from '../http-errors.js';
import { ComputeRequest } from '../schemas.js';
import { referenceTime, requireWorkspace } from './workspace-access.js';

export function computeRouter(ctx: ServerContext): Router {
  const router = Router();

  router.post('/v1/compute', async (req, res) => {
    const body = parseRequest(ComputeRequest, req.body ?? {}, 'body');
    const definition = parseDefinition(body.definition);
    const ws = await requireWorkspace(ctx, req);
    const now = referenceTime(ctx, body.now);
    assertValid(definition, ws.catalog, { now, search: ws.search });
    const result = await ws.engine.compute(definition, { now, ...(body.sample_size !== undefined ? { sampleSize: body.sample_size } : {}) });
    res.json({ definition, explanation: explainDefinition(definition, { currency: ws.catalog.workspace.currency }), now: now.toISOString(), ...result });
  });

  return router;
}
