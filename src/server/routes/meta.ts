/**
 * What LangGraph clients ask first: `/info` (which parts of the protocol this server offers;
 * chat UIs ping it on load) and `/ok`; and the crons, which this service does not run, answered
 * "not implemented" as the official server answers them.
 */
import { createRequire } from 'node:module';
import { Router, type Request, type Response } from 'express';

function langgraphVersion(): string {
  try {
    return (createRequire(import.meta.url)('@langchain/langgraph/package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Public: they say nothing about any workspace. */
export function metaRouter(serviceVersion: string): Router {
  const router = Router();
  const info = {
    version: serviceVersion,
    langgraph_js_version: langgraphVersion(),
    context: 'js',
    flags: { assistants: true, crons: false, langsmith: false, langsmith_tracing_replicas: false },
  };
  router.get('/info', (_req, res) => void res.json(info));
  router.get('/ok', (_req, res) => void res.json({ ok: true }));
  return router;
}

/** 501, as a protocol route this service does not offer (not one of the error codes a user acts on). */
export function cronsRouter(): Router {
  const router = Router();
  const refuse = (_req: Request, res: Response) => {
    res.status(501).json({ error: { code: 'not_implemented', message: 'Scheduled runs (crons) are not offered by this service; /info says so with flags.crons false.', retryable: false } });
  };
  router.post(['/runs/crons', '/runs/crons/search', '/runs/crons/count', '/threads/:thread_id/runs/crons'], refuse);
  router.delete('/runs/crons/:cron_id', refuse);
  router.patch('/runs/crons/:cron_id', refuse);
  return router;
}
