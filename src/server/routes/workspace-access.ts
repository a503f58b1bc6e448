import type { Request } from 'express';
import { AppError } from '../../errors.js';
import type { ServerContext } from '../context.js';
import type { ServedWorkspace } from '../runs/assistant.js';

export async function requireWorkspace(ctx: ServerContext, req: Request): Promise<ServedWorkspace> {
  const ws = await ctx.workspaces.get(req.tenant);
  if (!ws) throw new AppError('not_found', `The workspace "${req.tenant}" is not available on this service.`);
  return ws;
}

/** A request's reference time: `now` when given, else the service's. */
export function referenceTime(ctx: ServerContext, now: string | undefined): Date {
  return now ? new Date(now) : ctx.referenceTime();
}
