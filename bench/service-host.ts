/**
 * A service in a process of its own, as a deployment runs it: the benchmark's client never
 * shares its event loop. Serves the audience builder over a workspace (turn latency) or the
 * hold graph (open streams), on Redis or the memory stores. Started by service-host-client.ts
 * with `--expose-gc` and an IPC channel: it says `ready` with its URL, answers `memory` with its
 * memory after a full collection (live memory, not garbage yet to be collected) and `stop` by
 * stopping.
 *
 *   node --expose-gc dist/bench/service-host.js '<HostConfig as JSON>'
 */
import { createOfflineInterpreter } from '../src/interpreter/offline/index.js';
import { audienceBuilderAssistant } from '../src/server/assistants/audience-builder.js';
import { openWorkspace, type Workspace } from '../src/store/workspace.js';
import { holdAssistant } from './service-hold-assistant.js';
import { startBenchService } from './service-stack.js';

export type HostGraph = { kind: 'hold'; holdMs: number } | { kind: 'audience-builder'; shop: string; home: string; now: string };

export interface HostConfig {
  /** Redis URL and key prefix; the memory stores when absent. */
  redis?: { url: string; prefix: string };
  graph: HostGraph;
}

export interface HostMemory {
  rss: number;
  heapUsed: number;
}

export type HostRequest = { kind: 'memory' } | { kind: 'stop' };
export type HostReply = { kind: 'ready'; url: string } | ({ kind: 'memory' } & HostMemory);

const config = JSON.parse(process.argv[2] ?? '{}') as HostConfig;
const send = (reply: HostReply) => process.send?.(reply);
const g = config.graph;
const workspace: Workspace | undefined = g.kind === 'audience-builder' ? await openWorkspace({ dir: g.shop, home: g.home }) : undefined;
const svc = await startBenchService({
  assistants: (repos) =>
    g.kind === 'hold'
      ? [holdAssistant(g.holdMs)]
      : [audienceBuilderAssistant({ interpreter: createOfflineInterpreter(), audiences: repos.audiences, glossary: repos.glossary })],
  ...(config.redis ? { redis: config.redis } : {}),
  ...(g.kind === 'audience-builder' && workspace ? { workspaces: { get: async () => workspace }, referenceTime: () => new Date(g.now) } : {}),
});

process.on('message', (m: HostRequest) => {
  if (m.kind === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    send({ kind: 'memory', rss, heapUsed });
  } else if (m.kind === 'stop') {
    void svc
      .stop()
      .then(() => workspace?.close())
      .finally(() => process.exit(0));
  }
});
// The benchmark going away (even killed) must not leave this process behind.
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready', url: svc.url });
