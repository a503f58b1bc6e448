import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkspace, type ImportReport } from '../../src/store/import/importer.js';
import { openStore } from '../../src/store/store.js';
import { tempDir, writeJsonl } from '../helpers/tmp.js';

const identify = (userId: string, traits: object, timestamp = '2026-01-01T00:00:00Z') => ({ type: 'identify', userId, traits, timestamp });
const track = (userId: string, event: string, properties: object, timestamp = '2026-02-01T00:00:00Z') => ({ type: 'track', userId, event, properties, timestamp });

const plan = {
  name: 'Fast path',
  trackingPlan: {
    events: [
      { name: 'Order Completed', properties: [{ name: 'total', type: 'number' }, { name: 'category', type: 'string' }, { name: 'gift', type: 'boolean' }, { name: 'shipped_at', type: 'datetime' }] },
      { name: 'Product Viewed', properties: [{ name: 'category', type: 'string' }] },
    ],
    traits: [
      { name: 'country', type: 'string' },
      { name: 'age', type: 'number' },
      { name: 'vip', type: 'boolean' },
      { name: 'birthday', type: 'date' },
      { name: 'tags', type: 'string[]' },
    ],
  },
};

function workspace(dir: string, profiles: (object | string)[], events: (object | string)[]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'workspace.json'), JSON.stringify(plan));
  writeJsonl(join(dir, 'profiles.jsonl'), profiles);
  writeJsonl(join(dir, 'events.jsonl'), events);
  return dir;
}

async function imported(dir: string): Promise<{ report: ImportReport; dbPath: string }> {
  const dbPath = `${dir}.duckdb`;
  return { report: await importWorkspace(dir, { dbPath }), dbPath };
}

async function query(dbPath: string, sql: string): Promise<unknown[][]> {
  const store = await openStore(dbPath);
  try {
    return (await store.connection.runAndReadAll(sql)).getRowsJS();
  } finally {
    await store.close();
  }
}

const profiles = [
  identify('u1', { country: 'DE', age: 30, vip: true, birthday: '1990-05-01', tags: ['Cat Lover', 'Newsletter'], nickname: 'Annie' }),
  identify('u1', { country: 'FR', tags: ['Dog Lover'] }, '2026-03-01T00:00:00Z'),
  identify('u2', { country: 'US', age: 41, vip: false, tags: [], nickname: null }),
];

const events = [
  track('u1', 'Order Completed', { total: 20, category: 'Beauty', gift: true, shipped_at: '2026-02-02T10:00:00+02:00', channel: 'web' }, '2026-02-01T09:00:00Z'),
  track('u2', 'Order Completed', { total: 75.5, category: 'Toys', gift: false, coupon: null }, '2026-02-01T08:00:00Z'),
  track('u3', 'Product Viewed', { category: 'Toys', channel: 'app' }, '2026-01-15T00:00:00Z'),
  track('u1', 'Product Viewed', {}, '2026-01-20T00:00:00Z'),
  track('u2', 'Order Completed', { total: 5, category: '' }, '2026-02-01T08:00:00Z'),
];

const TABLES = {
  profiles: 'SELECT user_id FROM profiles ORDER BY ALL',
  traits: 'SELECT user_id, name, value_text, value_num, value_bool, CAST(value_time AS VARCHAR) FROM traits ORDER BY ALL',
  trait_items: 'SELECT user_id, name, item FROM trait_items ORDER BY ALL',
  events: 'SELECT * EXCLUDE (ts), CAST(ts AS VARCHAR) FROM events ORDER BY ALL',
};

describe('the fast import path', () => {
  it('stores the same rows as the precise path for the same messages', async () => {
    const root = tempDir();
    const fast = await imported(workspace(join(root, 'clean'), profiles, events));
    // One malformed line sends the import down the precise path; everything else is the same.
    const precise = await imported(workspace(join(root, 'dirty'), profiles, [...events, '{"type":"track"']));
    expect(fast.report).toMatchObject({ malformed: 0, events: 5, profiles: 3 });
    expect(precise.report).toMatchObject({ malformed: 1, events: 5, profiles: 3 });
    for (const sql of Object.values(TABLES)) {
      expect(await query(fast.dbPath, sql)).toEqual(await query(precise.dbPath, sql));
    }
    const schema = async (dbPath: string) => (await openStore(dbPath).then(async (s) => (await s.close(), s.schema)));
    expect(await schema(fast.dbPath)).toEqual(await schema(precise.dbPath));
  });

  it('gives unplanned properties and traits typed columns and keeps the latest non-empty trait values', async () => {
    const { dbPath } = await imported(workspace(join(tempDir(), 'ws'), profiles, events));
    const store = await openStore(dbPath);
    await store.close();
    expect(store.schema.propertyColumns.find((c) => c.property === 'channel')?.type).toBe('string');
    expect(store.schema.traitTypes.nickname).toBe('string');
    expect(await query(dbPath, "SELECT user_id, value_text FROM traits WHERE name = 'country' ORDER BY user_id")).toEqual([['u1', 'FR'], ['u2', 'US']]);
    expect(await query(dbPath, "SELECT item FROM trait_items WHERE user_id = 'u1' ORDER BY item")).toEqual([['Dog Lover']]);
    expect(await query(dbPath, "SELECT value_text, CAST(value_time AS VARCHAR) FROM traits WHERE name = 'birthday'")).toEqual([['1990-05-01', '1990-05-01 00:00:00']]);
  });

  it('stores events ordered by event, then time, then user', async () => {
    const { dbPath } = await imported(workspace(join(tempDir(), 'ws'), profiles, events));
    const rows = await query(dbPath, 'SELECT event, CAST(ts AS VARCHAR), user_id FROM events ORDER BY rowid');
    expect(rows).toEqual([
      ['Order Completed', '2026-02-01 08:00:00', 'u2'],
      ['Order Completed', '2026-02-01 08:00:00', 'u2'],
      ['Order Completed', '2026-02-01 09:00:00', 'u1'],
      ['Product Viewed', '2026-01-15 00:00:00', 'u3'],
      ['Product Viewed', '2026-01-20 00:00:00', 'u1'],
    ]);
  });

  it('counts a value that does not fit its property or trait type as a conflict and keeps the message', async () => {
    const { report, dbPath } = await imported(
      workspace(join(tempDir(), 'ws'), [...profiles, identify('u4', { age: 'old' })], [...events, track('u4', 'Order Completed', { total: 'lots', gift: 'maybe', shipped_at: 'soon' })]),
    );
    expect(report).toMatchObject({ malformed: 0, events: 6, typeConflicts: 4 });
    expect(await query(dbPath, "SELECT p_0, p_2, p_3 FROM events WHERE user_id = 'u4'")).toEqual([[null, null, null]]);
    expect(await query(dbPath, "SELECT COUNT(*) FROM traits WHERE user_id = 'u4'")).toEqual([[0n]]);
  });

  it('lets an identify call in the events file override the profiles file', async () => {
    // The overriding call is the events file's first line, the overridden one the profiles file's last.
    const moreProfiles = [identify('u7', { country: 'NL' }), identify('u8', { country: 'NL' }), ...profiles];
    const { dbPath } = await imported(workspace(join(tempDir(), 'ws'), moreProfiles, [identify('u2', { country: 'JP' }, '2026-04-01T00:00:00Z'), ...events]));
    expect(await query(dbPath, "SELECT value_text FROM traits WHERE user_id = 'u2' AND name = 'country'")).toEqual([['JP']]);
  });

  it('counts page and screen messages as skipped and ignores blank lines', async () => {
    const { report } = await imported(workspace(join(tempDir(), 'ws'), profiles, [events[0]!, '   ', { type: 'page', userId: 'u1', name: 'Home' }, '', events[1]!]));
    expect(report).toMatchObject({ malformed: 0, skipped: 1, events: 2 });
  });

  it('reports a line that is JSON but not an object as malformed, with its line number', async () => {
    const { report } = await imported(workspace(join(tempDir(), 'ws'), profiles, [events[0]!, '[1, 2]', events[1]!]));
    expect(report.malformed).toBe(1);
    expect(report.malformedLines).toEqual([expect.objectContaining({ file: 'events.jsonl', line: 2 })]);
  });

  it('imports into a file named like the staging database', async () => {
    const dir = workspace(join(tempDir(), 'ws'), profiles, events);
    const report = await importWorkspace(dir, { dbPath: join(tempDir(), 'staging') });
    expect(report).toMatchObject({ malformed: 0, events: 5 });
  });

  it('types a trait named like an object property from its values', async () => {
    const { dbPath } = await imported(workspace(join(tempDir(), 'ws'), [identify('u1', { constructor: 'Acme', toString: 3 })], [events[0]!]));
    expect(await query(dbPath, 'SELECT name, value_text, value_num FROM traits ORDER BY name')).toEqual([
      ['constructor', 'Acme', null],
      ['toString', null, 3],
    ]);
  });
});
