/**
 * Per-key request rate limit: 429 `rate_limited` with `Retry-After` (seconds) when a key is over.
 * Some paths can have a limit (and buckets) of their own: a site calls `/v1/match` on every page
 * view, far more often than anyone calls the rest of the API.
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

export function rateLimit({ burst, perSecond, now }: RateLimitOptions): RequestHandler {
  const buckets = new TokenBuckets({ capacity: burst, refillPerSecond: perSecond, now });
  return (req, res, next) => {
    // Without keys, the local caller's address stands in for the key.
    const key = req.apiKey ? `key:${req.apiKey}` : `ip:${req.ip ?? ''}`;
    const waitMs = buckets.take(key);
    if (waitMs === 0) return next();
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    throw new AppError('rate_limited', `Too many requests with this API key. Try again in ${seconds} s.`, { retry_after_seconds: seconds });
  };
}

export interface RateLimitByPathOptions {
  /** Paths (each with everything under it) whose requests spend buckets of their own. */
  paths: readonly string[];
  /** The limit of those paths, per key. */
  limit: RateLimitOptions;
  /** The limit of every other path, per key. */
  otherwise: RateLimitOptions;
}

export function rateLimitByPath({ paths, limit, otherwise }: RateLimitByPathOptions): RequestHandler {
  const own = rateLimit(limit);
  const rest = rateLimit(otherwise);
  // Routing ignores case and a trailing slash, so the match does too.
  const prefixes = paths.map((p) => p.toLowerCase());
  return (req, res, next) => {
    const path = req.path.toLowerCase();
    return (prefixes.some((p) => path === p || path.startsWith(`${p}/`)) ? own : rest)(req, res, next);
  };
}
