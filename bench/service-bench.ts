/**
 * The service section of the benchmark: turn latency through HTTP + Redis against the graph
 * in-process, RedisSaver against MemorySaver, and memory per open SSE stream against the idle
 * process. Returns its Markdown; progress goes to `log`.
 */
import { existsSync } from 'node:fs';
import { openWorkspace } from '../src/store/workspace.js';
import { benchCheckpointer } from './service-checkpoint.js';
import { findBenchRedis } from './service-redis.js';
import { checkpointNote, checkpointTable, streamsNote, streamsTable, turnNote, turnTable } from './service-report.js';
import { benchOpenStreams } from './service-streams.js';
import { benchTurns } from './service-turns.js';

export interface ServiceBenchOptions {
  /** The shop workspace folder. */
  shop: string;
  /** Where its import is cached. */
  home: string;
  now: Date;
  turns: number;
  warmupTurns: number;
  /** Samples of each checkpointer operation, at least. */
  checkpointOps: number;
  streams: number;
}

export async function benchService(o: ServiceBenchOptions, log: (line: string) => void): Promise<string> {
  if (!existsSync(o.shop)) throw new Error(`no shop workspace at ${o.shop}: the service benchmark needs it (--shop <dir>)`);
  const redis = await findBenchRedis(log);
  log(`service: Redis ${redis.url} (${redis.origin}), keys under ${redis.prefix}:`);
  const workspace = await openWorkspace({ dir: o.shop, home: o.home });
  const out: string[] = [];
  try {
    log(`service: ${o.turns} turns each way (+${o.warmupTurns} warm-up) on ${o.shop}`);
    const turns = await benchTurns({ workspace, shop: o.shop, home: o.home, redis, now: o.now, turns: o.turns, warmup: o.warmupTurns }, log);
    log('service: checkpointer');
    const checkpoints = await benchCheckpointer({ workspace, redis, now: o.now, minOps: o.checkpointOps }, log);
    log(`service: ${o.streams} open streams`);
    const streams = await benchOpenStreams({ redis, streams: o.streams }, log);
    out.push(
      `Redis: ${redis.origin} (loopback). Workspace: ${o.shop} (${workspace.catalog.profiles.toLocaleString('en-US')} profiles, ${workspace.catalog.eventsTotal.toLocaleString('en-US')} events), DuckDB engine, offline interpreter, now = ${o.now.toISOString()}.`,
      '',
      '### Turn latency through the service',
      '',
      turnTable(turns),
      '',
      turnNote(turns),
      '',
      '### Checkpointer: RedisSaver against MemorySaver',
      '',
      checkpointTable(checkpoints),
      '',
      checkpointNote(checkpoints),
      '',
      '### Open SSE streams held by one service process',
      '',
      streamsTable(streams),
      '',
      streamsNote(streams),
    );
  } finally {
    await workspace.close();
    await redis.stop();
  }
  return out.join('\n');
}
