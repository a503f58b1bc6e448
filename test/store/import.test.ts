import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkspace } from '../../src/store/import/importer.js';
import { openStore } from '../../src/store/store.js';
import { cachedContentHash, openWorkspace, workspaceContentHash } from '../../src/store/workspace.js';
import { AppError } from '../../src/errors.js';
import { SHOP_DIR } from '../helpers/shop.js';
import { tempDir, writeJsonl } from '../helpers/tmp.js';

const identify = (userId: string, traits: object, timestamp = '2026-01-01T00:00:00Z') => ({ type: 'identify', userId, traits, timestamp });
const track = (userId: string, event: string, properties: object, timestamp = '2026-02-01T00:00:00Z') => ({ type: 'track', userId, event, properties, timestamp });

function smallWorkspace(dir: string, events: (object | string)[], gzip = false): string {
  mkdirSync(dir, { recursive: true });
  writeJsonl(join(dir, `profiles.jsonl${gzip ? '.gz' : ''}`), [
    identify('u1', { country: 'DE', tags: ['Cat Lover'], age: 30, vip: true }),
    identify('u2', { country: 'US', email: 'b@example.com' }),
    identify('u1', { country: 'FR' }, '2026-03-01T00:00:00Z'),
  ], gzip);
  writeJsonl(join(dir, `events.jsonl${gzip ? '.gz' : ''}`), events, gzip);
  writeFileSync(join(dir, 'audiences.json'), JSON.stringify([{ name: 'VIPs', description: 'hand-picked', members: ['u2', 'u2', 'u9'] }]));
  return dir;
}

const cleanEvents = [
  track('u1', 'Order Completed', { total: 20, category: 'Beauty' }),
  track('u2', 'Order Completed', { total: 75.5, category: 'Toys', gift_wrap: true }),
  track('u3', 'Page Liked', {}),
];

async function tableCount(dbPath: string, sql: string): Promise<unknown[][]> {
  const store = await openStore(dbPath);
  try {
    return (await store.connection.runAndReadAll(sql)).getRowsJS();
  } finally {
    await store.close();
  }
}

describe('importing a workspace folder', () => {
  it('imports the shop workspace with every profile, event and list, and a catalog from the data', async () => {
    const dbPath = join(tempDir(), 'shop.duckdb');
    const report = await importWorkspace(SHOP_DIR, { dbPath });
    expect(report).toMatchObject({ profiles: 2000, events: 222770, lists: 3, malformed: 0 });
    const store = await openStore(dbPath);
    try {
      const orders = store.catalog.events.find((e) => e.name === 'Order Completed')!;
      expect(orders.volume).toBe(6385);
      expect(orders.description).toMatch(/purchase/i);
      expect(orders.properties.find((p) => p.name === 'total')).toMatchObject({ type: 'number' });
      expect(store.catalog.traits.find((t) => t.name === 'country')!.topValues[0]).toEqual({ value: 'US', count: 640 });
      expect(store.catalog.traits.find((t) => t.name === 'email')).toMatchObject({ pii: true, topValues: [] });
      expect(store.catalog.tags.map((t) => t.value)).toContain('Cat Lover');
      expect(store.catalog.lists.find((l) => l.name === 'Blocklist')?.size).toBe(50);
    } finally {
      await store.close();
    }
  });

  it('stages on disk within a small memory limit, spilling to the given folder, and leaves nothing there', async () => {
    const root = tempDir();
    const spillDir = join(root, 'spill');
    const report = await importWorkspace(SHOP_DIR, { dbPath: join(root, 'shop.duckdb'), memoryLimit: '128MB', spillDir });
    expect(report).toMatchObject({ profiles: 2000, events: 222770, lists: 3, malformed: 0 });
    expect(readdirSync(spillDir)).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['shop.duckdb', 'spill']);
  });

  it('reads gzipped and plain files alike, and later identify calls override earlier traits', async () => {
    const root = tempDir();
    const plain = await importWorkspace(smallWorkspace(join(root, 'plain'), cleanEvents), { dbPath: join(root, 'plain.duckdb') });
    const gz = await importWorkspace(smallWorkspace(join(root, 'gz'), cleanEvents, true), { dbPath: join(root, 'gz.duckdb') });
    expect(plain).toMatchObject({ profiles: 3, events: 3, malformed: 0 });
    expect(gz).toMatchObject({ profiles: 3, events: 3, malformed: 0 });
    for (const db of ['plain.duckdb', 'gz.duckdb']) {
      expect(await tableCount(join(root, db), "SELECT value_text FROM traits WHERE user_id = 'u1' AND name = 'country'")).toEqual([['FR']]);
      expect(await tableCount(join(root, db), "SELECT item FROM trait_items WHERE name = 'tags'")).toEqual([['Cat Lover']]);
    }
  });

  it('adds a typed column for a property the tracking plan does not list', async () => {
    const root = tempDir();
    const dbPath = join(root, 'ws.duckdb');
    await importWorkspace(smallWorkspace(join(root, 'ws'), cleanEvents), { dbPath });
    const store = await openStore(dbPath);
    try {
      const col = store.schema.propertyColumns.find((c) => c.property === 'gift_wrap');
      expect(col?.type).toBe('boolean');
      const orders = store.catalog.events.find((e) => e.name === 'Order Completed')!;
      expect(orders.properties.find((p) => p.name === 'gift_wrap')?.topValues).toEqual([{ value: true, count: 1 }]);
    } finally {
      await store.close();
    }
  });

  it('reports each malformed line with its file and line number and imports the rest', async () => {
    const root = tempDir();
    const events = [cleanEvents[0]!, '{not json', track('u2', 'Order Completed', { total: 5 }), { type: 'track', userId: 'u1' }, '', cleanEvents[2]!];
    const report = await importWorkspace(smallWorkspace(join(root, 'ws'), events), { dbPath: join(root, 'ws.duckdb') });
    expect(report.events).toBe(3);
    expect(report.malformed).toBe(2);
    expect(report.malformedLines).toEqual([
      { file: 'events.jsonl', line: 2, reason: 'not valid JSON' },
      expect.objectContaining({ file: 'events.jsonl', line: 4 }),
    ]);
  });

  it('with strict, refuses the whole import and leaves the previous import untouched', async () => {
    const root = tempDir();
    const dbPath = join(root, 'ws.duckdb');
    await importWorkspace(smallWorkspace(join(root, 'good'), cleanEvents), { dbPath });
    const bad = smallWorkspace(join(root, 'bad'), [cleanEvents[0]!, '{"type":"track"']);
    const error = await importWorkspace(bad, { dbPath, strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('import_failed');
    expect((error as AppError).message).toMatch(/events\.jsonl line 2/);
    expect(await tableCount(dbPath, 'SELECT CAST(COUNT(*) AS INTEGER) FROM events')).toEqual([[3]]);
    expect(await tableCount(dbPath, "SELECT CAST(COUNT(*) AS INTEGER) FROM list_members WHERE list_name = 'VIPs'")).toEqual([[2]]);
  });

  it('says clearly when a folder is not a workspace', async () => {
    const error = await importWorkspace(tempDir(), { dbPath: join(tempDir(), 'x.duckdb') }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('import_failed');
    expect((error as AppError).message).toMatch(/No profiles\.jsonl/);
  });

  it('opens an already imported folder from the cache without importing it again', async () => {
    const root = tempDir();
    const dir = smallWorkspace(join(root, 'ws'), cleanEvents);
    const imported: number[] = [];
    const first = await openWorkspace({ dir, home: root, onImported: (r) => imported.push(r.events) });
    await first.close();
    const second = await openWorkspace({ dir, home: root, onImported: (r) => imported.push(r.events) });
    expect(second.catalog.profiles).toBe(3);
    await second.close();
    expect(imported).toEqual([3]);
    const id = await workspaceContentHash(dir);
    expect(existsSync(join(root, 'workspaces', `${id}.duckdb`))).toBe(true);
    copyFileSync(join(dir, 'audiences.json'), join(dir, 'audiences.json.bak'));
    writeFileSync(join(dir, 'audiences.json'), '[]');
    expect(await workspaceContentHash(dir)).not.toBe(id);
  });

  it('reuses the content hash from its note while no file changed, and hashes again after any change', async () => {
    const root = tempDir();
    const dir = smallWorkspace(join(root, 'ws'), cleanEvents);
    const id = await cachedContentHash(dir, root);
    expect(id).toBe(await workspaceContentHash(dir));
    // The note is what answers: a note naming another id for the same files is believed.
    const notes = join(root, 'workspaces', 'fingerprints');
    const [name] = readdirSync(notes);
    const note = JSON.parse(readFileSync(join(notes, name!), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(notes, name!), JSON.stringify({ ...note, id: 'from-the-note' }));
    expect(await cachedContentHash(dir, root)).toBe('from-the-note');
    // Another content: the file's size and modification time moved, so the content is hashed again.
    writeFileSync(join(dir, 'audiences.json'), JSON.stringify([{ name: 'VIPs', description: 'hand-picked', members: ['u1'] }]));
    const changed = await cachedContentHash(dir, root);
    expect(changed).toBe(await workspaceContentHash(dir));
    expect(changed).not.toBe(id);
  });
});
