/**
 * API keys → workspaces: `X-Api-Key: <key>` or `Authorization: Bearer <key>`. A request gets
 * the key's workspace as its tenant; without configured keys everything is the one local
 * workspace `default` (the service then listens on 127.0.0.1 only). The express middleware and
 * the lean `/v1/match` path (match-fast-path.ts) both ask the same `callerResolver`.
 *
 * Failed authentication is limited per client address: once an address has spent its failures
 * (a burst, then a few a second), its requests are 429 without any key being checked, so keys
 * cannot be guessed at speed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { TokenBuckets } from '../token-bucket.js';

export const LOCAL_TENANT = 'default';

/** Who is calling: the key's workspace, and the key ('' when the service runs without keys). */
export interface Caller {
  tenant: string;
  apiKey: string;
}

/**
 * The caller of a request from its `Authorization` and `X-Api-Key` headers and the client's
 * address; AppError `unauthorized` when the key is missing or unknown, `rate_limited` when the
 * address has failed too often.
 */
export type CallerResolver = (authorization: string | undefined, apiKey: string | undefined, address: string | undefined) => Caller;

export interface AuthFailureLimit {
  /** Failed attempts an address may make at once… */
  burst: number;
  /** …and then per second. */
  perSecond: number;
  now?: () => number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function keyFromRequest(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  if (apiKey) return apiKey.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return bearer?.[1]?.trim();
}

export const DEFAULT_AUTH_FAILURE_LIMIT: AuthFailureLimit = { burst: 20, perSecond: 1 };

function tooManyFailures(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('rate_limited', `Too many requests with a missing or wrong API key from this address. Try again in ${seconds} s.`, { retry_after_seconds: seconds });
}

export function callerResolver({ apiKeys, failures = DEFAULT_AUTH_FAILURE_LIMIT }: { apiKeys: Record<string, string>; failures?: AuthFailureLimit }): CallerResolver {
  // Compared by digest in constant time: response timing says nothing about a key's prefix.
  const keys = Object.entries(apiKeys).map(([key, tenant]) => ({ caller: { tenant, apiKey: key }, digest: digest(key) }));
  const local: Caller = { tenant: LOCAL_TENANT, apiKey: '' };
  const failed = new TokenBuckets({ capacity: failures.burst, refillPerSecond: failures.perSecond, now: failures.now });
  const fail = (address: string, err: AppError): never => {
    failed.take(address);
    throw err;
  };
  return (authorization, apiKey, address = '') => {
    if (keys.length === 0) return local;
    // An address out of failures is not answered whether a key is right.
    const waitMs = failed.wait(address);
    if (waitMs > 0) throw tooManyFailures(waitMs);
    const given = keyFromRequest(authorization, apiKey);
    if (!given) return fail(address, new AppError('unauthorized', 'Send your API key in the X-Api-Key header (or Authorization: Bearer <key>).'));
    const d = digest(given);
    const match = keys.find((k) => timingSafeEqual(k.digest, d));
    if (!match) return fail(address, new AppError('unauthorized', 'This API key is not valid.'));
    return match.caller;
  };
}

export function auth(callerOf: CallerResolver): RequestHandler {
  return (req, _res, next) => {
    // The socket's address, as the rate limits key it ('trust proxy' is never set).
    const { tenant, apiKey } = callerOf(req.get('authorization'), req.get('x-api-key'), req.socket.remoteAddress);
    req.tenant = tenant;
    req.apiKey = apiKey;
    next();
  };
}
