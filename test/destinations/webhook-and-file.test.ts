/**
 * Destinations over real HTTP: a webhook on loopback gets the audience's first full sync, then
 * only who entered and who left, signed, batched, retried with backoff while it fails or is too
 * slow and delivered once it comes back, each change in one delivery; a file drop gets the same
 * as CSV files. Every attempt is in the delivery log.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/cli/commands/serve.js';
import type { DeliveryLogEntry } from '../../src/destinations/types.js';
import { api, eventually, freshHome, one, send, sizeOf, startIngesting } from '../ingest/support.js';
import { accepted, startReceiver, type Receiver } from './receiver.js';

let home: string;
let drop: string;
let svc: RunningService;
let receiver: Receiver;

beforeAll(async () => {
  home = freshHome();
  drop = mkdtempSync(join(tmpdir(), 'aa-drop-'));
  receiver = await startReceiver();
  svc = await startIngesting(home, { DELIVERY_ALLOW_PRIVATE_HOSTS: '1', DELIVERY_TIMEOUT_MS: '300', DELIVERY_BACKOFF_MS: '50', DELIVERY_MAX_BACKOFF_MS: '200', DELIVERY_BATCH_SIZE: '2', FILE_DROP_DIR: drop });
});

afterAll(async () => {
  await svc?.stop();
  await receiver?.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(drop, { recursive: true, force: true });
});

const icelanders = one({ type: 'trait', trait: 'country', op: 'eq', value: 'IS' });

let moves = 0;
/** Moves users to countries and waits until a compute sees all of it (a marker trait set with the move). */
async function moveTo(to: Record<string, string>, expectSize: number): Promise<void> {
  const marker = ++moves;
  await send(svc.url, '/v1/batch', { batch: Object.entries(to).map(([userId, country]) => ({ type: 'identify', userId, traits: { country, moved: marker } })) });
  await eventually('the moves', () => sizeOf(svc.url, one({ type: 'trait', trait: 'moved', op: 'eq', value: marker })), (n) => n === Object.keys(to).length);
  expect(await sizeOf(svc.url, icelanders)).toBe(expectSize);
}

const log = (audienceId: string, destinationId: string) =>
  api<{ pending: number; deliveries: DeliveryLogEntry[] }>(svc.url, `/v1/audiences/${audienceId}/destinations/${destinationId}/deliveries`).then((r) => r.body);

describe('an audience sent to a webhook and a file drop', () => {
  it('full sync first, then only changes, through failures and a slow receiver, each change delivered once', async () => {
    await moveTo({ u00021: 'IS', u00022: 'IS', u00023: 'IS' }, 3);
    const { body: audience } = await api<{ id: string }>(svc.url, '/v1/audiences', { name: 'Icelanders', definition: icelanders });
    const connected = await api<{ id: string; secret: string }>(svc.url, `/v1/audiences/${audience.id}/destinations`, { type: 'webhook', url: receiver.url });
    expect(connected.status).toBe(201);
    receiver.secret = connected.body.secret;
    const hook = connected.body.id;

    await api(svc.url, `/v1/audiences/${audience.id}/refresh`, {});
    const full = await eventually('the full sync', async () => accepted(receiver), (a) => a.length === 2);
    expect(full.map((d) => [d.body.sync, d.body.part, d.body.parts])).toEqual([['full', 1, 2], ['full', 2, 2]]);
    expect(full.flatMap((d) => d.body.entered).sort()).toEqual(['u00021', 'u00022', 'u00023']);
    expect(full.every((d) => d.signed && d.body.exited.length === 0 && d.body.audience.name === 'Icelanders')).toBe(true);

    receiver.mode = 'fail';
    await moveTo({ u00021: 'DE', u00024: 'IS' }, 3);
    await api(svc.url, `/v1/audiences/${audience.id}/refresh`, {});
    const failing = await eventually('failed attempts', () => log(audience.id, hook), (l) => l.deliveries.filter((d) => d.status === 'failed').length >= 2);
    expect(failing.pending).toBe(1);
    expect(failing.deliveries[0]).toMatchObject({ status: 'failed', httpStatus: 500, attempt: expect.any(Number), retryAt: expect.any(String) });

    receiver.mode = 'slow';
    await eventually('a timed-out attempt', () => log(audience.id, hook), (l) => l.deliveries.some((d) => d.status === 'failed' && d.httpStatus === undefined));

    receiver.mode = 'ok';
    const done = await eventually('the delivery once the receiver is back', () => log(audience.id, hook), (l) => l.pending === 0);
    expect(done.deliveries[0]).toMatchObject({ status: 'delivered', httpStatus: 204, entered: 1, exited: 1 });
    const changes = accepted(receiver).filter((d) => d.body.sync === 'changes');
    expect(changes.map((d) => [d.body.entered, d.body.exited])).toEqual([[['u00024'], ['u00021']]]);
    // Every attempt of that change carried the same delivery id: a receiver keeping ids takes it once.
    const attempts = receiver.received.filter((d) => d.body.sync === 'changes');
    expect(new Set(attempts.map((d) => d.deliveryId)).size).toBe(1);

    // A count that changes nothing sends nothing.
    await api(svc.url, `/v1/audiences/${audience.id}/refresh`, {});
    await new Promise((r) => setTimeout(r, 300));
    expect((await log(audience.id, hook)).pending).toBe(0);
    expect(accepted(receiver)).toHaveLength(3);

    const listed = await api<{ destinations: Record<string, unknown>[] }>(svc.url, `/v1/audiences/${audience.id}/destinations`);
    expect(listed.body.destinations).toEqual([expect.objectContaining({ id: hook, type: 'webhook', url: receiver.url, pending: 0 })]);
    expect(listed.body.destinations[0]).not.toHaveProperty('secret');

    // A file drop connected now gets the audience as it stands, as a CSV file.
    const file = await api<{ id: string }>(svc.url, `/v1/audiences/${audience.id}/destinations`, { type: 'file', format: 'csv' });
    expect(file.status).toBe(201);
    const folder = join(drop, 'acme', audience.id);
    const names = await eventually('the dropped files', async () => { try { return readdirSync(folder); } catch { return []; } }, (n) => n.length === 2);
    const rows = names.sort().flatMap((n) => readFileSync(join(folder, n), 'utf8').trim().split('\n').slice(1));
    expect(names.every((n) => /^000003-full-00[12]\.csv$/.test(n))).toBe(true);
    expect(rows.sort()).toEqual(['u00022,entered', 'u00023,entered', 'u00024,entered']);

    expect((await fetch(`${svc.url}/v1/audiences/${audience.id}/destinations/${hook}`, { method: 'DELETE', headers: { 'x-api-key': 'ak-acme' } })).status).toBe(204);
    expect((await api(svc.url, `/v1/audiences/${audience.id}/destinations/${hook}/deliveries`)).status).toBe(404);
  });

  it('refuses a destination that is not a webhook URL or a file format', async () => {
    const { body: audience } = await api<{ id: string }>(svc.url, '/v1/audiences', { name: 'Icelanders 2', definition: icelanders });
    expect((await api(svc.url, `/v1/audiences/${audience.id}/destinations`, { type: 'webhook', url: 'ftp://example.com' })).status).toBe(400);
    expect((await api(svc.url, `/v1/audiences/${audience.id}/destinations`, { type: 'file', format: 'xlsx' })).status).toBe(400);
    expect((await api(svc.url, `/v1/audiences/${audience.id}/destinations`, { type: 'email' })).status).toBe(400);
  });
});
