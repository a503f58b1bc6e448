/**
 * `audience-agent serve`: opens the workspace, picks its stores from the configuration, says
 * where it listens and on what, and serves the audience builder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from '@langchain/langgraph-sdk';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { loadConfig } from '../../src/config/env.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { SHOP_DIR } from '../graph/shop-workspace.js';

let home: string;
let redis: TestRedis;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'aa-serve-'));
  redis = await getTestRedis();
});

afterAll(async () => {
  rmSync(home, { recursive: true, force: true });
  await redis?.stop();
});

function capture() {
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { msg: string });
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

async function ask(client: Client, prompt: string) {
  const thread = await client.threads.create();
  let last: unknown;
  for await (const p of client.runs.stream(thread.thread_id, 'audience-builder', { input: { messages: [{ type: 'human', content: prompt }] } })) if (p.event === 'values') last = p.data;
  return (last as { __interrupt__?: { value: { type: string; draft?: { size: number } } }[] }).__interrupt__?.[0]?.value;
}

describe('the serve command', () => {
  it('without keys or Redis: listens on 127.0.0.1 only, in memory, and says both', async () => {
    const { lines, logger } = capture();
    const config = loadConfig({ AUDIENCE_AGENT_HOME: home, PORT: '0', LOG_LEVEL: 'info' });
    const svc = await serveCommand({ data: SHOP_DIR, now: '2026-11-01T00:00:00Z' }, config, { logger, handleSignals: false });
    try {
      expect(svc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const said = lines.map((l) => l.msg).join('\n');
      expect(said).toMatch(/127\.0\.0\.1 only/);
      expect(said).toMatch(/REDIS_URL is not set/);
      expect(lines.find((l) => l.msg.startsWith('audience-agent listening'))).toMatchObject({ store: 'memory', engine: 'duckdb', interpreter: 'offline', now: '2026-11-01T00:00:00.000Z' });
      expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
      const draft = await ask(new Client({ apiUrl: svc.url, apiKey: null }), 'Gold tier members in Japan');
      expect(draft).toMatchObject({ type: 'confirm', draft: { size: 26 } });
    } finally {
      await svc.stop();
    }
  });

  it('without keys but asked for every address (a container): refuses to start, naming API_KEYS and ALLOW_OPEN', async () => {
    const { logger } = capture();
    const config = loadConfig({ AUDIENCE_AGENT_HOME: home, PORT: '0', HOST: '0.0.0.0' });
    await expect(serveCommand({ data: SHOP_DIR }, config, { logger, handleSignals: false })).rejects.toThrow(/API_KEYS is not set.*ALLOW_OPEN=1/);
  });

  it('with API keys and REDIS_URL: requires a key and keeps threads in Redis', async () => {
    const { lines, logger } = capture();
    const config = loadConfig({ AUDIENCE_AGENT_HOME: home, PORT: '0', REDIS_URL: redis.url, API_KEYS: 'k-acme:acme' });
    const svc = await serveCommand({ data: SHOP_DIR, now: '2026-11-01T00:00:00Z', host: '127.0.0.1' }, config, { logger, handleSignals: false, redisPrefix: redis.prefix });
    try {
      expect((await fetch(`${svc.url}/threads`, { method: 'POST' })).status).toBe(401);
      const client = new Client({ apiUrl: svc.url, apiKey: 'k-acme' });
      const draft = await ask(client, 'Gold tier members in Japan');
      expect(draft).toMatchObject({ type: 'confirm', draft: { size: 26 } });
      expect(lines.find((l) => l.msg.startsWith('audience-agent listening'))).toMatchObject({ store: 'redis' });
      expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
    } finally {
      await svc.stop();
    }
  });
});
