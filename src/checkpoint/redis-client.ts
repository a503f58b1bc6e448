import { Redis, type RedisOptions } from 'ioredis';
import { AppError } from '../errors.js';

/**
 * ioredis clients for a request path: a command fails within `commandTimeoutMs` instead of
 * waiting through ioredis' default 20 reconnect attempts, and nothing is queued while Redis is
 * away (a queued command would run late, after the caller already answered the user). The
 * client keeps reconnecting in the background, so the store recovers when Redis comes back.
 */
export interface RedisClientOptions {
  /** A command that gets no answer in this time fails (default 2000 ms). */
  commandTimeoutMs?: number;
  /** Giving up on opening the TCP connection (default 2000 ms). */
  connectTimeoutMs?: number;
  /** Retries of one command across reconnects (default 1). */
  maxRetriesPerRequest?: number;
  /** Longest pause between reconnect attempts (default 2000 ms). */
  maxReconnectDelayMs?: number;
  /** Connection errors the client reports in the background (commands still reject). */
  onError?: (err: Error) => void;
  /** Anything else for ioredis; wins over the defaults above. */
  redisOptions?: RedisOptions;
}

export const STORE_UNAVAILABLE_MESSAGE = 'Conversation storage is unreachable. Try again in a moment.';

export function createRedisClient(url: string, opts: RedisClientOptions = {}): Redis {
  const maxDelay = opts.maxReconnectDelayMs ?? 2000;
  const client = new Redis(url, {
    maxRetriesPerRequest: opts.maxRetriesPerRequest ?? 1,
    commandTimeout: opts.commandTimeoutMs ?? 2000,
    connectTimeout: opts.connectTimeoutMs ?? 2000,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(times * 100, maxDelay),
    ...opts.redisOptions,
  });
  // Without a listener ioredis prints every failed reconnect as an "Unhandled error event".
  client.on('error', (err: Error) => opts.onError?.(err));
  return client;
}

/**
 * A client that is ready to take commands. With the offline queue off, commands sent before the
 * first connection is up would fail, so start-up waits for it here.
 */
export async function connectRedisClient(url: string, opts: RedisClientOptions = {}): Promise<Redis> {
  const client = createRedisClient(url, { ...opts, redisOptions: { lazyConnect: true, ...opts.redisOptions } });
  try {
    await client.connect();
    return client;
  } catch (err) {
    client.disconnect();
    throw toStoreError(err);
  }
}

/**
 * Replies that mean "Redis is there but cannot serve now" (loading, failover, cluster healing,
 * out of memory) are as retryable for the user as a refused connection.
 */
const UNAVAILABLE_REPLIES = /^(LOADING|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|BUSY|OOM|NOREPLICAS)\b/;

/**
 * What a failed Redis command means for the user. Transport failures (refused, closed,
 * timed out, offline) become `store_unavailable`; any other reply error is a bug in how the
 * store is used and is passed on unchanged.
 */
export function toStoreError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const isReply = err instanceof Error && err.name === 'ReplyError';
  if (isReply && !UNAVAILABLE_REPLIES.test(err.message)) return err;
  return new AppError('store_unavailable', STORE_UNAVAILABLE_MESSAGE, {
    cause: err instanceof Error ? err.message : String(err),
  });
}
