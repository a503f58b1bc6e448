import type { Request } from 'express';
import type { ServerContext } from '../context.js';
import { servedWorkspace, type ServedWorkspace } from '../runs/assistant.js';

export function requireWorkspace(ctx: ServerContext, req: Request): Promise<ServedWorkspace> {
  return servedWorkspace(ctx.workspaces, req.tenant);
}

/** A request's reference time: `now` when given, else the service's. */
export function referenceTime(ctx: ServerContext, now: string | undefined): Date {
  return now ? new Date(now) : ctx.referenceTime();
}
