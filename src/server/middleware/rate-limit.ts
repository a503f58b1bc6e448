/** Per-key request rate limit: 429 `rate_limited` with `Retry-After` (seconds) when a key is over. */
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
