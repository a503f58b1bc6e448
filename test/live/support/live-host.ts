/**
 * The live service in a process of its own, as a deployment runs it, for the load test: the
 * shop workspace on Redis, one API key per tenant (`key-<tenant>`), the wall clock. Started with
 * one JSON argument (HostConfig); prints `READY <url>` when it listens and stops on SIGTERM.
 */
import { openWorkspace } from '../../../src/store/workspace.js';
import { startLiveService } from './live-service.js';

export interface LiveHostConfig {
  redis: { url: string; prefix: string };
  tenants: string[];
  /** The shop folder and the import cache (the bundled file cannot find them by its own path). */
  shop: { dir: string; home: string };
}

const config = JSON.parse(process.argv[2] ?? '{}') as LiveHostConfig;
const shop = await openWorkspace(config.shop);
const live = await startLiveService({ shop, redis: config.redis, tenants: config.tenants, wallClock: true });
process.stdout.write(`READY ${live.url}\n`);
process.once('SIGTERM', () => {
  void live.stop().then(() => shop.close()).finally(() => process.exit(0));
});
