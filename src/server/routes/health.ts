/**
 * `/healthz`: the process answers (liveness). `/readyz`: it can serve (the store answers and the
 * workspace is open); 503 while not, so a load balancer sends traffic elsewhere.
 */
import { Router } from 'express';
import { toAppError } from '../../errors.js';
import type { ServerContext } from '../context.js';

export function healthRouter(ctx: ServerContext, isShuttingDown: () => boolean): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) return void res.status(503).json({ status: 'shutting_down' });
    try {
      await ctx.repos.ping();
      res.json({ status: 'ready', store: ctx.repos.kind, active_runs: ctx.executor.activeCount });
    } catch (err) {
      const e = toAppError(err);
      res.status(503).json({ status: 'not_ready', store: ctx.repos.kind, error: { code: e.code, message: e.message, retryable: e.retryable } });
    }
  });

  return router;
}
