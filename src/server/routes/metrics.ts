/** Prometheus text exposition of the instance's metrics. */
import { Router } from 'express';
import type { ServerContext } from '../context.js';

export function metricsRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
  return router;
}
