import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { answersPing, deleteKeys, freePort } from '../../bench/service-redis.js';

/**
 * A Redis for tests: $REDIS_URL if set, else 127.0.0.1:6379 if it answers PING, else a throwaway
 * `redis-server` from PATH on a free port (no persistence), stopped when its last user stops.
 *
 * Every call gets its own `prefix`: test files run in parallel against the same server, so keys
 * must be namespaced, and `stop()` deletes the keys under that prefix.
 */
export interface TestRedis {
  url: string;
  /** Unique to this call; put it in front of every key (no braces, no spaces). */
  prefix: string;
  stop(): Promise<void>;
}

/** A redis-server of the test's own, e.g. to stop it under a client and start it again. */
export interface RedisServer {
  url: string;
  port: number;
  /** Of the redis-server process, e.g. to SIGSTOP it and see how clients cope with a hung server. */
  pid: number;
  stop(): Promise<void>;
}

let throwaway: { server: RedisServer; users: number } | undefined;
let lookup: Promise<string> | undefined;

export async function getTestRedis(): Promise<TestRedis> {
  const url = await findRedis();
  const prefix = `test:${process.pid}:${randomBytes(4).toString('hex')}`;
  return {
    url,
    prefix,
    async stop() {
      await deleteKeys(url, `${prefix}:*`).catch(() => undefined);
      if (throwaway?.server.url === url) {
        throwaway.users -= 1;
        if (throwaway.users === 0) {
          const { server } = throwaway;
          throwaway = undefined;
          await server.stop();
        }
      }
    },
  };
}

/**
 * Runs redis-server under a small shell watchdog that stops it once this process is gone: vitest
 * may end a worker with a signal, and no 'exit' handler runs then.
 */
const WATCHDOG = `redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no &
r=$!
trap 'kill $r 2>/dev/null; exit 0' TERM INT
while kill -0 "$PARENT" 2>/dev/null && kill -0 $r 2>/dev/null; do sleep 0.5; done
kill $r 2>/dev/null`;

/** Starts `redis-server` (from PATH, no persistence) on `port`, or on a free port. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const url = `redis://127.0.0.1:${chosen}`;
  const guard = spawn('sh', ['-c', WATCHDOG], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(chosen), PARENT: String(process.pid) },
  });
  let stderr = '';
  guard.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => guard.once('exit', () => resolve()));
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (guard.exitCode !== null) {
      throw new Error(`redis-server could not be started (${stderr.trim() || `exit ${guard.exitCode}`}). Install Redis 7 or set REDIS_URL.`);
    }
    if (await answersPing(url)) {
      const pid = await serverPid(url);
      return {
        url,
        port: chosen,
        pid,
        async stop() {
          try {
            process.kill(pid, 'SIGTERM');
          } catch {
            // already gone
          }
          await Promise.race([exited, sleep(3000)]);
        },
      };
    }
    await sleep(100);
  }
  guard.kill('SIGTERM');
  throw new Error(`A redis-server started on port ${chosen} did not answer PING within 5 s.`);
}

async function serverPid(url: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    const match = /process_id:(\d+)/.exec(await client.info('server'));
    if (!match?.[1]) throw new Error(`redis-server at ${url} did not report its process id.`);
    return Number(match[1]);
  } finally {
    client.disconnect();
  }
}

async function findRedis(): Promise<string> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    if (await answersPing(fromEnv)) return fromEnv;
    throw new Error(`REDIS_URL=${fromEnv} does not answer PING. Start that Redis or unset REDIS_URL.`);
  }
  // Concurrent callers in one worker share one lookup (and at most one throwaway server).
  lookup ??= lookUpLocalOrStart().finally(() => {
    lookup = undefined;
  });
  const url = await lookup;
  if (throwaway?.server.url === url) throwaway.users += 1;
  return url;
}

async function lookUpLocalOrStart(): Promise<string> {
  if (throwaway) return throwaway.server.url;
  const local = 'redis://127.0.0.1:6379';
  if (await answersPing(local)) return local;
  try {
    throwaway = { server: await startRedisServer(), users: 0 };
    return throwaway.server.url;
  } catch (err) {
    throw new Error(
      `No Redis for the tests: REDIS_URL is unset, 127.0.0.1:6379 does not answer PING and ${(err as Error).message}`,
    );
  }
}

export { freePort };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
