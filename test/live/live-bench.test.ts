import { describe, expect, it } from 'vitest';
import { benchLive } from '../../bench/live-bench.js';
import { benchLiveAudiences } from '../../bench/live-audiences.js';
import { validateDefinition } from '../../src/definition/validate.js';
import { tinyCatalog } from '../catalog/tiny-catalog.js';

describe('the live bench', () => {
  it('times 50 audiences a workspace could save', () => {
    const catalog = tinyCatalog({
      events: [{ name: 'Order Completed', volume: 10, profiles: 5, firstSeen: null, lastSeen: null, properties: [], planned: true }],
      traits: [{ name: 'plan', type: 'string', profiles: 5, distinct: 3, topValues: [], pii: false }],
      lists: [{ name: 'VIP', size: 3 }],
    });
    const visitorTraits = [{ name: 'shopping_for', type: 'string' as const, values: ['cat'] }];
    const audiences = benchLiveAudiences();
    expect(audiences).toHaveLength(50);
    for (const a of audiences) expect(validateDefinition(a.definition, catalog, { now: new Date('2026-11-01T00:00:00Z'), visitorTraits })).toEqual([]);
  });

  it('compares evaluators that give the same answers for every visitor', () => {
    const result = benchLive({ visitors: 300, rounds: 1, now: new Date('2026-11-01T00:00:00Z') }, () => {});
    expect(result.disagreements).toBe(0);
    expect(result.historyConditions).toBe(3);
    expect(result.compiled.p99Micros).toBeGreaterThan(0);
    expect(result.naive.visitorsPerSecond).toBeGreaterThan(0);
  });
});
