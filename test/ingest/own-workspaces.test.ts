/**
 * Several workspaces on one service, each with a data folder of its own (WORKSPACE_DIRS): its
 * own store, catalog, glossary and write key. Another workspace's keys never see any of it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/cli/commands/serve.js';
import type { Catalog } from '../../src/catalog/types.js';
import { api, eventually, freshHome, one, OTHER_API_KEY, OTHER_WRITE_KEY, send, sizeOf, startIngesting, WRITE_KEY } from './support.js';

let home: string;
let svc: RunningService;

function writeGlobex(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'workspace.json'), JSON.stringify({ name: 'Globex SaaS', glossary: [{ term: 'power user', meaning: 'added 2 or more seats' }] }));
  writeFileSync(join(dir, 'profiles.jsonl'), ['g1', 'g2', 'g3'].map((userId, i) => JSON.stringify({ type: 'identify', userId, traits: { plan: i === 0 ? 'enterprise' : 'team' }, timestamp: '2026-10-01T00:00:00Z' })).join('\n'));
  writeFileSync(join(dir, 'events.jsonl'), ['g1', 'g1', 'g2'].map((userId, i) => JSON.stringify({ type: 'track', userId, event: 'Seat Added', messageId: `s${i}`, properties: { seats: i + 1 }, timestamp: '2026-10-20T00:00:00Z' })).join('\n'));
}

beforeAll(async () => {
  home = freshHome();
  const globex = join(home, 'globex-data');
  writeGlobex(globex);
  svc = await startIngesting(home, { WORKSPACE_DIRS: `globex:${globex}` });
});

afterAll(async () => {
  await svc?.stop();
  rmSync(home, { recursive: true, force: true });
});

const seatAdded = one({ type: 'event', events: ['Seat Added'], count: { op: 'gte', value: 1 } });

describe('a workspace with a data folder of its own', () => {
  it('has its own catalog and glossary, and computes over its own data only', async () => {
    const theirs = (await api<Catalog>(svc.url, '/v1/catalog', undefined, OTHER_API_KEY)).body;
    const ours = (await api<Catalog>(svc.url, '/v1/catalog')).body;
    expect(theirs.workspace.name).toBe('Globex SaaS');
    expect(theirs.profiles).toBe(3);
    expect(theirs.events.map((e) => e.name)).toEqual(['Seat Added']);
    expect(theirs.workspace.glossary).toEqual([{ term: 'power user', meaning: 'added 2 or more seats' }]);
    expect(ours.events.map((e) => e.name)).not.toContain('Seat Added');
    expect(ours.workspace.glossary).not.toContainEqual({ term: 'power user', meaning: 'added 2 or more seats' });
    expect(await sizeOf(svc.url, seatAdded, OTHER_API_KEY)).toBe(2);
    expect(await sizeOf(svc.url, seatAdded)).toBe(-1);
    expect(await sizeOf(svc.url, one({ type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 1 } }), OTHER_API_KEY)).toBe(-1);
  });

  it('takes data with its own write key into its own store, unseen by the other workspace', async () => {
    await send(svc.url, '/v1/track', { userId: 'g3', event: 'Plan Upgraded', properties: { to: 'enterprise' } }, OTHER_WRITE_KEY);
    await send(svc.url, '/v1/track', { userId: 'u00001', event: 'Coupon Printed' }, WRITE_KEY);
    await eventually('their event', () => sizeOf(svc.url, one({ type: 'event', events: ['Plan Upgraded'], count: { op: 'gte', value: 1 } }), OTHER_API_KEY), (n) => n === 1);
    await eventually('our event', () => sizeOf(svc.url, one({ type: 'event', events: ['Coupon Printed'], count: { op: 'gte', value: 1 } })), (n) => n === 1);
    expect(await sizeOf(svc.url, one({ type: 'event', events: ['Plan Upgraded'], count: { op: 'gte', value: 1 } }))).toBe(-1);
    expect(await sizeOf(svc.url, one({ type: 'event', events: ['Coupon Printed'], count: { op: 'gte', value: 1 } }), OTHER_API_KEY)).toBe(-1);
    const theirs = (await api<Catalog>(svc.url, '/v1/catalog', undefined, OTHER_API_KEY)).body;
    expect(theirs.events.map((e) => e.name).sort()).toEqual(['Plan Upgraded', 'Seat Added']);
  });
});
