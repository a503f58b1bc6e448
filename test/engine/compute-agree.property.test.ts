/**
 * compute() on random definitions: size, reach per channel, each part's size, the total and the
 * sample ids must be what the reference evaluator says, the same on DuckDB and PostgreSQL, over
 * the demo workspace and over the tiny one with its awkward profiles.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineAudience } from '../../src/definition/parse.js';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { channelRules } from '../../src/engine/channels.js';
import type { AudienceResult } from '../../src/engine/types.js';
import { evaluateConditionFor, evaluateReference } from '../../src/reference/evaluate.js';
import { openEngines, type Engines } from './support/engines.js';
import { definitionArb } from './support/random-definitions.js';
import { SHOP_DIR, SHOP_NOW } from './support/shop.js';
import { TINY_NOW, writeTinyWorkspace } from './support/tiny-workspace.js';

type Counts = Pick<AudienceResult, 'size' | 'reachability' | 'totalProfiles'> & { partSizes: number[]; sampleIds: string[] };

/** What compute() must say, worked out profile by profile by the reference evaluator. */
function expectedCounts(engines: Engines, def: AudienceDefinition, now: Date): Counts {
  const data = engines.reference;
  const members = evaluateReference(def, data, now);
  const channels = channelRules(engines.store.catalog.workspace.channels, engines.store.schema.traitTypes);
  const sizeOf = (ids: Iterable<string>, test: (id: string) => boolean) => [...ids].filter(test).length;
  const parts = [...def.root.conditions, ...def.exclude.map((e) => e.root)];
  return {
    size: members.length,
    reachability: Object.fromEntries(channels.map((c) => [c.channel, sizeOf(members, (id) => evaluateConditionFor(c.rule, id, data, now))])),
    totalProfiles: data.profiles.size,
    partSizes: parts.map((p) => sizeOf(data.profiles.keys(), (id) => evaluateConditionFor(p, id, data, now))),
    sampleIds: members.slice(0, 10),
  };
}

function countsOf(r: AudienceResult): Counts {
  return {
    size: r.size,
    reachability: r.reachability,
    totalProfiles: r.totalProfiles,
    partSizes: r.conditionSizes.map((c) => c.size),
    sampleIds: r.samples.map((s) => s.userId),
  };
}

const workspaces = [
  { name: 'the demo workspace', runs: 60, now: SHOP_NOW, open: () => openEngines(SHOP_DIR, 'compute-agree') },
  { name: 'the tiny workspace', runs: 60, now: TINY_NOW, open: () => openEngines(writeTinyWorkspace(), 'compute-agree-tiny', { removeSource: true }) },
];

describe.each(workspaces)('compute() on $name', ({ runs, now, open }) => {
  let engines: Engines;
  beforeAll(async () => {
    engines = await open();
  }, 120_000);
  afterAll(async () => engines?.close());

  test(`agrees with the reference and across engines on ${runs} random definitions`, async () => {
    let reachable = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(definitionArb(engines.reference, now), async (input) => {
        const def = defineAudience(input);
        const duckdb = await engines.duckdb.compute(def, { now }).catch((err: unknown) => err as Error);
        if (duckdb instanceof Error) {
          // The generator can pair a value with a property of another type (the tiny plan has a
          // true/false property no event sets): both engines must refuse it the same way.
          refused++;
          expect(duckdb).toMatchObject({ code: 'type_mismatch' });
          await expect(engines.postgres.compute(def, { now })).rejects.toMatchObject({ code: 'type_mismatch', message: duckdb.message });
          return;
        }
        const postgres = await engines.postgres.compute(def, { now });
        const expected = expectedCounts(engines, def, now);
        expect(countsOf(duckdb)).toEqual(expected);
        expect(postgres).toEqual(duckdb);
        if (Object.values(expected.reachability).some((n) => n > 0 && n < expected.size)) reachable++;
      }),
      { numRuns: runs, seed: 20261123, endOnFailure: true },
    );
    // Reach must sometimes be neither 0 nor everyone, or agreement on it would prove little.
    expect(reachable).toBeGreaterThan(runs / 10);
    expect(refused).toBeLessThan(runs / 5);
  }, 180_000);
});
