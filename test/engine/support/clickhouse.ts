/**
 * The ClickHouse the tests run against: the real engine embedded in-process by the `chdb`
 * package (a dev dependency, ~570 MB), reached through the official `@clickhouse/client` over
 * chdb's connection, so the engine's own client code is what runs. Fails, saying so, without it.
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';

export async function createTestClickHouse(): Promise<ClickHouseClient> {
  let chdb: typeof import('chdb/connection');
  try {
    chdb = await import('chdb/connection');
  } catch (err) {
    throw new Error(`These tests need the chdb package (npm ci installs it as a dev dependency): ${err instanceof Error ? err.message : String(err)}`);
  }
  // chdb types its connection against its own copy of @clickhouse/client-common; the shapes match.
  type Connection = NonNullable<Parameters<typeof createClient>[0]>['connection'];
  return createClient({ connection: chdb.createChdbConnection({ path: ':memory:' }) as unknown as Connection });
}
