/**
 * API keys → workspaces: `X-Api-Key: <key>` or `Authorization: Bearer <key>`. A request gets
 * the key's workspace as its tenant; without configured keys everything is the one local
 * workspace `default` (the service then listens on 127.0.0.1 only).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';

export const LOCAL_TENANT = 'default';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function keyFromRequest(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  if (apiKey) return apiKey.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return bearer?.[1]?.trim();
}

export function auth({ apiKeys }: { apiKeys: Record<string, string> }): RequestHandler {
  // Compared by digest in constant time: response timing says nothing about a key's prefix.
  const keys = Object.entries(apiKeys).map(([key, tenant]) => ({ key, tenant, digest: digest(key) }));
  return (req, _res, next) => {
    if (keys.length === 0) {
      req.tenant = LOCAL_TENANT;
      return next();
    }
    const given = keyFromRequest(req.get('authorization'), req.get('x-api-key'));
    if (!given) throw new AppError('unauthorized', 'Send your API key in the X-Api-Key header (or Authorization: Bearer <key>).');
    const d = digest(given);
    const match = keys.find((k) => timingSafeEqual(k.digest, d));
    if (!match) throw new AppError('unauthorized', 'This API key is not valid.');
    req.tenant = match.tenant;
    req.apiKey = match.key;
    next();
  };
}
