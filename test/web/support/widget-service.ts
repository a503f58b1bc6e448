/**
 * The real service for browser tests: G's createApp with the audience builder graph (offline
 * interpreter), in-memory stores, the shop workspace (now = 2026-11-01) and the widget mounted
 * as a public route, listening on 127.0.0.1.
 */
import { MemorySaver } from '@langchain/langgraph';
import { pino } from 'pino';
import { createOfflineInterpreter } from '../../../src/interpreter/offline/index.js';
import { createMemoryRepositories } from '../../../src/repositories/index.js';
import type { Repositories } from '../../../src/repositories/types.js';
import { createApp } from '../../../src/server/app.js';
import { audienceBuilderAssistant } from '../../../src/server/assistants/audience-builder.js';
import type { ServerSettings } from '../../../src/server/context.js';
import { listen, type RunningServer } from '../../../src/server/listen.js';
import { createWidgetRouter } from '../../../src/web/router.js';
import { AudienceKeeper } from '../../../src/audiences/history/audience-keeper.js';
import { MemoryAudienceHistoryStore } from '../../../src/audiences/history/memory-history-store.js';
import { audienceHistoryRouter } from '../../../src/server/routes/audience-history.js';
import { openShop, SHOP_NOW, type OpenShop } from './shop.js';

export interface WidgetService {
  url: string;
  repositories: Repositories;
  server: RunningServer;
  /** The workspace the service answers for: the one passed in, or the shop opened for it. */
  shop: OpenShop;
  stop(): Promise<void>;
}

export async function startWidgetService(settings: Partial<ServerSettings> = {}, shop?: OpenShop): Promise<WidgetService> {
  const workspace = shop ?? (await openShop());
  const repositories = createMemoryRepositories();
  const workspaces = { get: async (tenant: string) => (tenant === 'default' ? workspace : undefined) };
  // Saved audiences keep their counts, as `serve` has them (counted on demand here, no schedule running).
  const history = new MemoryAudienceHistoryStore();
  const keeper = new AudienceKeeper({ history, audiences: repositories.audiences, workspaces, referenceTime: () => SHOP_NOW, logger: pino({ level: 'silent' }) });
  const service = createApp({
    assistants: [audienceBuilderAssistant({
      interpreter: createOfflineInterpreter(),
      audiences: repositories.audiences,
      glossary: repositories.glossary,
      liveAudiences: repositories.liveAudiences,
      visitors: repositories.visitors,
    })],
    checkpointer: new MemorySaver(),
    repositories,
    workspaces,
    logger: pino({ level: 'silent' }),
    referenceTime: () => SHOP_NOW,
    settings: { pollMs: 50, livenessMs: 500, ...settings },
    publicRoutes: [createWidgetRouter()],
    routes: [(ctx) => audienceHistoryRouter(ctx, { keeper, history })],
  });
  const server = await listen(service, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    repositories,
    server,
    shop: workspace,
    async stop() {
      await server.close(500);
      if (!shop) await workspace.dispose();
    },
  };
}
