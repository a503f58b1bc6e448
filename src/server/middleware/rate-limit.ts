/**
 * Per-key request rate limit: 429 `rate_limited` with `Retry-After` (seconds) when a key is over
 * (the header comes from the error's `retry_after_seconds`, see http-errors.ts). Some paths can
 * have a limit (and buckets) of their own: a site calls `/v1/match` on every page view, far more
 * often than anyone calls the rest of the API. The lean `/v1/match` path spends the same buckets
 * as the express routes, through the same `RateLimiter`.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { TokenBuckets } from '../token-bucket.js';

export interface RateLimitOptions {
  /** Requests a key may send at once. */
  burst: number;
  /** Sustained requests per second per key. */
  perSecond: number;
  now?: () => number;
}

export interface RateLimiter {
  /** Spends one request of `key`'s bucket; AppError `rate_limited` (with `retry_after_seconds`) when it is empty. */
  spend(key: string): void;
}

export function rateLimiter({ burst, perSecond, now }: RateLimitOptions): RateLimiter {
  const buckets = new TokenBuckets({ capacity: burst, refillPerSecond: perSecond, now });
  return {
    spend(key) {
      const waitMs = buckets.take(key);
      if (waitMs === 0) return;
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppError('rate_limited', `Too many requests with this API key. Try again in ${seconds} s.`, { retry_after_seconds: seconds });
    },
  };
}

/** The bucket a request spends: its API key, or without keys the local caller's address in its stead. */
export function rateLimitKey(apiKey: string, address: string | undefined): string {
  return apiKey ? `key:${apiKey}` : `ip:${address ?? ''}`;
}

export interface RateLimitByPathOptions {
  /** Paths (each with everything under it) whose requests spend buckets of their own. */
  paths: readonly string[];
  /** The limit of those paths, per key. */
  limit: RateLimiter;
  /** The limit of every other path, per key. */
  otherwise: RateLimiter;
}

export function rateLimitByPath({ paths, limit, otherwise }: RateLimitByPathOptions): RequestHandler {
  // Routing ignores case and a trailing slash, so the match does too.
  const prefixes = paths.map((p) => p.toLowerCase());
  return (req, _res, next) => {
    const path = req.path.toLowerCase();
    const limiter = prefixes.some((p) => path === p || path.startsWith(`${p}/`)) ? limit : otherwise;
    limiter.spend(rateLimitKey(req.apiKey, req.ip));
    next();
  };
}
