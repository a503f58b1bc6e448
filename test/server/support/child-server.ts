/**
 * A service in a process of its own (for the SIGKILL test): the tiny graph on Redis. Started
 * with one JSON argument (redis url and prefix, port, timing); prints `READY <url>` when it
 * listens.
 */
import type { ServerSettings } from '../../../src/server/context.js';
import { startTestService } from './test-service.js';
import { tinyAssistant, type TinyTiming } from './tiny-assistant.js';

interface ChildConfig {
  redis: { url: string; prefix: string };
  timing: TinyTiming;
  settings?: Partial<ServerSettings>;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const svc = await startTestService({ assistants: [tinyAssistant(config.timing)], redis: config.redis, settings: config.settings });
process.stdout.write(`READY ${svc.url}\n`);
process.once('SIGTERM', () => void svc.stop(10_000).then(() => process.exit(0)));
