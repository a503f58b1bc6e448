/**
 * What `POST /v1/match` and `POST /v1/match/batch` do with a caller's parsed JSON body: validate
 * it (400 `invalid_input` naming the field) and ask the matcher. The express routes
 * (routes/live.ts) and the lean path in front of express (match-fast-path.ts) both call these.
 */
import type { MatchResult } from '../live/types.js';
import type { ServerContext } from './context.js';
import { parseRequest } from './http-errors.js';
import { MatchBatchRequest, MatchRequest } from './schemas.js';

/** Answers one match route for the caller's workspace, from the request's parsed body (undefined when it had none). */
export type MatchHandler = (tenant: string, body: unknown) => Promise<MatchResult | { results: MatchResult[] }>;

export interface MatchHandlers {
  match: MatchHandler;
  matchBatch: MatchHandler;
}

export function matchHandlers(ctx: Pick<ServerContext, 'live'>): MatchHandlers {
  // `ctx.live` is read on each request: a profiler may wrap the matcher after the app is built.
  return {
    async match(tenant, body) {
      const { visitor } = parseRequest(MatchRequest, body ?? {}, 'body');
      return ctx.live.match(tenant, visitor);
    },
    async matchBatch(tenant, body) {
      const { visitors } = parseRequest(MatchBatchRequest, body ?? {}, 'body');
      return { results: await ctx.live.matchMany(tenant, visitors) };
    },
  };
}
