/** What a destination is sent for a count: everything first, then only changes, in batches. */
import { describe, expect, it } from 'vitest';
import { planDeliveries, type PlanInput } from '../../src/destinations/plan-deliveries.js';

let n = 0;
const base: Omit<PlanInput, 'members' | 'given'> = { destinationId: 'd1', workspace: 'acme', audienceId: 'a1', audienceName: 'VIP', countSeq: 4, batchSize: 2, newId: () => `job-${++n}`, at: new Date('2026-11-01T00:00:00Z') };

describe('planning deliveries', () => {
  it('sends every member as entered on the first sync, in batches', () => {
    const jobs = planDeliveries({ ...base, members: ['u1', 'u2', 'u3'], given: undefined });
    expect(jobs.map((j) => [j.sync, j.part, j.parts, j.entered, j.exited])).toEqual([['full', 1, 2, ['u1', 'u2'], []], ['full', 2, 2, ['u3'], []]]);
  });

  it('sends an empty first sync, so the receiver learns the audience is empty', () => {
    expect(planDeliveries({ ...base, members: [], given: undefined }).map((j) => [j.sync, j.entered])).toEqual([['full', []]]);
  });

  it('then sends only who entered and who left since what the destination was given, and nothing when nothing changed', () => {
    const jobs = planDeliveries({ ...base, members: ['u2', 'u4'], given: new Set(['u1', 'u2']) });
    expect(jobs.map((j) => [j.sync, j.entered, j.exited])).toEqual([['changes', ['u4'], ['u1']]]);
    expect(planDeliveries({ ...base, members: ['u2'], given: new Set(['u2']) })).toEqual([]);
  });
});
