/** The live stores held in the process: the shared contract, and answers expiring on the injected clock. */
import { expect, test } from 'vitest';
import { createMemoryRepositories } from '../../src/repositories/index.js';
import { CLOCK_START, freshWorkspace, liveStoreContract } from './support/live-store-contract.js';

liveStoreContract('memory', async ({ clock, traitTtlMs }) => {
  const repos = createMemoryRepositories({ clock, ...(traitTtlMs === undefined ? {} : { traitTtlMs }) });
  return { liveAudiences: repos.liveAudiences, visitors: repos.visitors, otherLiveAudiences: repos.liveAudiences, close: async () => undefined };
});

test('forgets a visitor\'s answers traitTtlMs after the last one', async () => {
  let now = CLOCK_START.getTime();
  const { visitors } = createMemoryRepositories({ clock: () => new Date(now), traitTtlMs: 10_000 });
  const ws = freshWorkspace();
  await visitors.recordTraits(ws, 'v1', { shopping_for: 'cat' });
  now += 9_000;
  await visitors.recordTraits(ws, 'v1', { budget: 40 });
  now += 9_999;
  expect((await visitors.read(ws, 'v1', now)).traits).toEqual({ shopping_for: 'cat', budget: 40 });
  now += 1;
  expect((await visitors.read(ws, 'v1', now)).traits).toEqual({});
  // The catalog outlives any one visitor's answers.
  expect((await visitors.traitCatalog(ws)).map((t) => t.name)).toEqual(['budget', 'shopping_for']);
});
