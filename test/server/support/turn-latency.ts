/**
 * Turn latency of the service, measured: one turn = POST /threads/:id/runs/stream with a
 * description, read to the end of the stream (the draft to confirm), through HTTP + Redis with
 * the real audience builder (offline interpreter, shop workspace). Baseline: the same turn
 * through the graph in-process with MemorySaver. Prints p50/p99 of each.
 *
 *   node <bundle of this file> [turns=200] [memory]   (bundle with support/child-process.ts bundleFixture)
 *
 * With `memory` the service uses its in-memory stores: the difference to the Redis figures is
 * the cost of Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MemorySaver } from '@langchain/langgraph';
import { createAudienceBuilderGraph } from '../../../graphs/audience-builder/graph.js';
import { InMemoryAudienceRepository } from '../../../src/audiences/memory-audience-repository.js';
import { createOfflineInterpreter } from '../../../src/interpreter/offline/index.js';
import { audienceBuilderAssistant } from '../../../src/server/assistants/audience-builder.js';
import { openWorkspace } from '../../../src/store/workspace.js';
import { SHOP_DIR } from '../../graph/shop-workspace.js';
import { getTestRedis } from '../../helpers/redis.js';
import { frames, postJson } from './raw-sse.js';
import { startTestService } from './test-service.js';

const TURNS = Number(process.argv[2] ?? 200);
const PROMPTS = ['Gold tier members in Japan', 'Customers who bought in the last 30 days', 'High-spending customers'];
const NOW = new Date('2026-11-01T00:00:00Z');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms (n=${xs.length})`;

const home = mkdtempSync(join(tmpdir(), 'aa-latency-'));
const shop = await openWorkspace({ dir: SHOP_DIR, home });
const redis = await getTestRedis();
const interpreter = createOfflineInterpreter();
const svc = await startTestService({
  assistants: (repos) => [audienceBuilderAssistant({ interpreter, audiences: repos.audiences, glossary: repos.glossary })],
  ...(process.argv[3] === 'memory' ? {} : { redis }),
  workspaces: { get: async () => shop },
  deps: { referenceTime: () => NOW },
  settings: { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } },
});

const total: number[] = [];
const headers: number[] = [];
const firstGraphEvent: number[] = [];
for (let i = 0; i < TURNS + 10; i++) {
  const thread = (await (await postJson(`${svc.url}/threads`, {})).json()) as { thread_id: string };
  const t0 = performance.now();
  const res = await postJson(`${svc.url}/threads/${thread.thread_id}/runs/stream`, { assistant_id: 'audience-builder', input: { prompt: PROMPTS[i % PROMPTS.length] }, stream_mode: ['values', 'custom'] });
  const t1 = performance.now();
  let first = 0;
  for await (const f of frames(res)) if (!first && f.event !== 'metadata') first = performance.now();
  const t2 = performance.now();
  if (i < 10) continue; // warm-up
  headers.push(t1 - t0);
  firstGraphEvent.push(first - t0);
  total.push(t2 - t0);
}

const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
const inProcess: number[] = [];
for (let i = 0; i < TURNS + 10; i++) {
  const t0 = performance.now();
  const stream = await graph.stream(
    { prompt: PROMPTS[i % PROMPTS.length]! },
    { configurable: { thread_id: randomUUID(), interpreter, catalog: shop.catalog, search: shop.search, engine: shop.engine, audiences: new InMemoryAudienceRepository(), workspaceId: 'bench', now: NOW }, streamMode: ['values', 'custom'] },
  );
  for await (const _ of stream) {
    // drain
  }
  if (i >= 10) inProcess.push(performance.now() - t0);
}

console.log(`turn through HTTP + ${process.argv[3] === 'memory' ? 'memory stores' : 'Redis'}: ${fmt(total)}`);
console.log(`  response headers:        ${fmt(headers)}`);
console.log(`  first graph event:       ${fmt(firstGraphEvent)}`);
console.log(`same turn in-process, MemorySaver: ${fmt(inProcess)}`);
console.log(`service overhead (p50 ratio): ${(pct(total, 50) / pct(inProcess, 50)).toFixed(2)}x`);

await svc.stop();
await redis.stop();
await shop.close();
rmSync(home, { recursive: true, force: true });
process.exit(0);
