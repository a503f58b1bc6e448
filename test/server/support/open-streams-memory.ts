/**
 * Memory per open SSE stream: a service process (child, Redis stores) holding N rejoined streams
 * of one long run; its RSS and heap from /metrics before and after.
 *
 *   node <bundle of this file> [streams=1000]
 */
import { join } from 'node:path';
import { request } from 'node:http';
import { getTestRedis } from '../../helpers/redis.js';
import { bundleFixture, startChild } from './child-process.js';
import { postJson } from './raw-sse.js';

const N = Number(process.argv[2] ?? 1000);
const redis = await getTestRedis();
const file = await bundleFixture(join(import.meta.dirname, 'child-server.ts'));
const child = await startChild(file, JSON.stringify({ redis: { url: redis.url, prefix: redis.prefix }, timing: { prepareDelayMs: 120_000 }, settings: { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } } }));

async function memory(): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${child.url}/metrics`)).text();
  const num = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: num('process_resident_memory_bytes'), heap: num('nodejs_heap_size_used_bytes') };
}

const thread = (await (await postJson(`${child.url}/threads`, {})).json()) as { thread_id: string };
const run = (await (await postJson(`${child.url}/threads/${thread.thread_id}/runs`, { assistant_id: 'tiny', input: { prompt: 'long' } })).json()) as { run_id: string };
await new Promise((r) => setTimeout(r, 500));
const before = await memory();
const url = new URL(`${child.url}/threads/${thread.thread_id}/runs/${run.run_id}/stream`);
let open = 0;
const requests = [];
for (let i = 0; i < N; i++) {
  requests.push(
    new Promise<void>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { 'Last-Event-ID': '-1' }, agent: false }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
        res.once('data', () => {
          open++;
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    }),
  );
}
await Promise.all(requests);
await new Promise((r) => setTimeout(r, 1000));
const after = await memory();
const open_streams = Number(/^open_streams (\S+)$/m.exec(await (await fetch(`${child.url}/metrics`)).text())?.[1]);
console.log(`${open} streams open (server says ${open_streams})`);
console.log(`RSS ${(before.rss / 1e6).toFixed(1)} → ${(after.rss / 1e6).toFixed(1)} MB: ${((after.rss - before.rss) / N / 1024).toFixed(1)} KB per stream`);
console.log(`heap ${(before.heap / 1e6).toFixed(1)} → ${(after.heap / 1e6).toFixed(1)} MB: ${((after.heap - before.heap) / N / 1024).toFixed(1)} KB per stream`);
child.process.kill('SIGKILL');
await redis.stop();
process.exit(0);
