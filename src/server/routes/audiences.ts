/** Saved audiences: list, read, rename or redefine, delete, export members (streamed) and SQL. */
import { Router, type Response } from 'express';
import type { Audience } from '../../audiences/types.js';
import { parseDefinition } from '../../definition/parse.js';
import { assertValid } from '../../definition/validate.js';
import { AppError } from '../../errors.js';
import type { ServerContext } from '../context.js';
import type { ServedWorkspace } from '../runs/assistant.js';
import { parseRequest } from '../http-errors.js';
import { AudienceParams, AudiencePatch, MembersQuery, SqlQuery } from '../schemas.js';
import { referenceTime, requireWorkspace } from './workspace-access.js';

async function write(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function audiencesRouter(ctx: ServerContext): Router {
  const router = Router();

  async function requireAudience(tenant: string, id: string): Promise<Audience> {
    const found = await ctx.repos.audiences.get(tenant, id);
    if (!found) throw new AppError('not_found', `There is no audience ${id}.`);
    return found;
  }

  /** Checked against the workspace as it is now before anything runs: a trait may have gone, a rule may be newer than the audience. */
  function assertComputable(audience: Audience, ws: ServedWorkspace, now: Date): void {
    assertValid(audience.definition, ws.catalog, { now, search: ws.search });
  }

  router.get('/v1/audiences', async (req, res) => {
    res.json({ audiences: await ctx.repos.audiences.list(req.tenant) });
  });

  router.get('/v1/audiences/:id', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    res.json(await requireAudience(req.tenant, id));
  });

  router.patch('/v1/audiences/:id', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const patch = parseRequest(AudiencePatch, req.body ?? {}, 'body');
    const audience = await requireAudience(req.tenant, id);
    const next: Audience = { ...audience };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.definition !== undefined) {
      const ws = await requireWorkspace(ctx, req);
      next.definition = parseDefinition(patch.definition);
      assertValid(next.definition, ws.catalog, { now: ctx.referenceTime(), search: ws.search });
    }
    res.json(await ctx.repos.audiences.save(req.tenant, next));
  });

  router.delete('/v1/audiences/:id', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    if (!(await ctx.repos.audiences.delete(req.tenant, id))) throw new AppError('not_found', `There is no audience ${id}.`);
    res.status(204).end();
  });

  router.get('/v1/audiences/:id/sql', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const q = parseRequest(SqlQuery, req.query, 'query');
    const audience = await requireAudience(req.tenant, id);
    const ws = await requireWorkspace(ctx, req);
    const now = referenceTime(ctx, q.now);
    assertComputable(audience, ws, now);
    res.json({ ...ws.engine.toSql(audience.definition, { now }), engine: ws.engine.name, now: now.toISOString() });
  });

  router.get('/v1/audiences/:id/members', async (req, res) => {
    const { id } = parseRequest(AudienceParams, req.params, 'params');
    const q = parseRequest(MembersQuery, req.query, 'query');
    const audience = await requireAudience(req.tenant, id);
    const ws = await requireWorkspace(ctx, req);
    const now = referenceTime(ctx, q.now);
    assertComputable(audience, ws, now);
    const members = ws.engine.streamMembers(audience.definition, { now })[Symbol.asyncIterator]();
    // The first id is fetched before the headers go out, so a failing query is still a clean error.
    let next = await members.next();
    const csv = q.format === 'csv';
    res.status(200).set({
      'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="audience-${id}.${csv ? 'csv' : 'jsonl'}"`,
    });
    try {
      if (csv) await write(res, 'user_id\n');
      while (!next.done && !res.destroyed) {
        await write(res, csv ? `${csvField(next.value)}\n` : `${JSON.stringify({ userId: next.value })}\n`);
        next = await members.next();
      }
      res.end();
    } catch (err) {
      // Mid-export the status is sent: cut the connection so the file is not taken as complete.
      req.log.error({ err }, 'member export failed');
      res.destroy(err instanceof Error ? err : undefined);
    }
  });

  return router;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
