/**
 * The Redis the service benchmark runs against: REDIS_URL if configured, else 127.0.0.1:6379 if
 * it answers, else a throwaway `redis-server` on a free loopback port (no persistence) that
 * stops with the benchmark. Every key the benchmark writes is under its own prefix and deleted
 * at the end, so a shared Redis keeps nothing of it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/env.js';

export interface BenchRedis {
  url: string;
  /** Where it came from, printed with the figures. */
  origin: string;
  /** Unique to this run; no braces or spaces (RedisSaver's rule). */
  prefix: string;
  /** Deletes the run's keys and stops a throwaway server. */
  stop(): Promise<void>;
}

const LOCAL = 'redis://127.0.0.1:6379';

/** Stops redis-server once the benchmark process is gone, even after a crash or a signal. */
const WATCHDOG = `redis-server --port "$1" --bind 127.0.0.1 --save '' --appendonly no &
r=$!
trap 'kill $r 2>/dev/null; exit 0' TERM INT
while kill -0 "$2" 2>/dev/null && kill -0 $r 2>/dev/null; do sleep 0.5; done
kill $r 2>/dev/null`;

export async function findBenchRedis(log: (line: string) => void): Promise<BenchRedis> {
  const prefix = `bench:${process.pid}:${randomBytes(4).toString('hex')}`;
  const configured = loadConfig().redisUrl;
  if (configured) {
    if (!(await answersPing(configured))) throw new Error(`REDIS_URL=${configured} does not answer PING.`);
    return withCleanup(configured, 'REDIS_URL', prefix);
  }
  if (await answersPing(LOCAL)) return withCleanup(LOCAL, 'local 127.0.0.1:6379', prefix);
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  log(`no Redis at REDIS_URL or ${LOCAL}: starting redis-server on port ${port}`);
  const guard = spawn('sh', ['-c', WATCHDOG, 'sh', String(port), String(process.pid)], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(await answersPing(url))) {
    if (guard.exitCode !== null || Date.now() > deadline) {
      guard.kill('SIGTERM');
      throw new Error('No Redis: REDIS_URL is unset, 127.0.0.1:6379 does not answer and redis-server could not be started. Install Redis 7 or set REDIS_URL.');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const cleanup = withCleanup(url, `throwaway redis-server :${port}`, prefix);
  return {
    ...cleanup,
    async stop() {
      guard.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
    },
  };
}

function withCleanup(url: string, origin: string, prefix: string): BenchRedis {
  return { url, origin, prefix, stop: () => deleteKeys(url, `${prefix}:*`) };
}

export async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function deleteKeys(url: string, pattern: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
