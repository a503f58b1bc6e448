/**
 * API keys → workspaces: `X-Api-Key: <key>` or `Authorization: Bearer <key>`. A request gets
 * the key's workspace as its tenant; without configured keys everything is the one local
 * workspace `default` (the service then listens on 127.0.0.1 only). The express middleware and
 * the lean `/v1/match` path (match-fast-path.ts) both ask the same `callerResolver`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';

export const LOCAL_TENANT = 'default';

/** Who is calling: the key's workspace, and the key ('' when the service runs without keys). */
export interface Caller {
  tenant: string;
  apiKey: string;
}

/** The caller of a request from its `Authorization` and `X-Api-Key` headers; AppError `unauthorized` when the key is missing or unknown. */
export type CallerResolver = (authorization: string | undefined, apiKey: string | undefined) => Caller;

const digest = (s: string) => createHash('sha256').update(s).digest();

export function keyFromRequest(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  if (apiKey) return apiKey.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return bearer?.[1]?.trim();
}

export function callerResolver({ apiKeys }: { apiKeys: Record<string, string> }): CallerResolver {
  // Compared by digest in constant time: response timing says nothing about a key's prefix.
  const keys = Object.entries(apiKeys).map(([key, tenant]) => ({ caller: { tenant, apiKey: key }, digest: digest(key) }));
  const local: Caller = { tenant: LOCAL_TENANT, apiKey: '' };
  return (authorization, apiKey) => {
    if (keys.length === 0) return local;
    const given = keyFromRequest(authorization, apiKey);
    if (!given) throw new AppError('unauthorized', 'Send your API key in the X-Api-Key header (or Authorization: Bearer <key>).');
    const d = digest(given);
    const match = keys.find((k) => timingSafeEqual(k.digest, d));
    if (!match) throw new AppError('unauthorized', 'This API key is not valid.');
    return match.caller;
  };
}

export function auth(callerOf: CallerResolver): RequestHandler {
  return (req, _res, next) => {
    const { tenant, apiKey } = callerOf(req.get('authorization'), req.get('x-api-key'));
    req.tenant = tenant;
    req.apiKey = apiKey;
    next();
  };
}
