import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { loadReferenceData } from '../../src/reference/load.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aa-ref-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const lines = (...msgs: object[]) => msgs.map((m) => JSON.stringify(m)).join('\n');

describe('loadReferenceData', () => {
  test('reads gzipped files and merges identify calls, later values winning', () => {
    const dir = folder({
      'profiles.jsonl.gz': gzipSync(lines(
        { type: 'identify', userId: 'a', traits: { country: 'DE', age: 30 } },
        { type: 'identify', userId: 'a', traits: { country: 'FR' } },
      )),
      'events.jsonl.gz': gzipSync(lines({ type: 'track', userId: 'a', event: 'Signed Up', properties: { method: 'email' }, timestamp: '2026-01-01T00:00:00Z' })),
    });
    const data = loadReferenceData(dir);
    expect(data.profiles.get('a')).toEqual({ country: 'FR', age: 30 });
    expect(data.events.get('a')?.get('Signed Up')).toEqual([{ event: 'Signed Up', ts: Date.parse('2026-01-01T00:00:00Z'), properties: { method: 'email' } }]);
  });

  test('counts someone seen only in events as a profile, and reads identify calls from the events file', () => {
    const dir = folder({
      'profiles.jsonl': lines({ type: 'identify', userId: 'a', traits: {} }),
      'events.jsonl': lines(
        { type: 'track', userId: 'b', event: 'Session Started', properties: {}, timestamp: '2026-01-01T00:00:00Z' },
        { type: 'identify', userId: 'c', traits: { plan: 'pro' } },
        { type: 'page', userId: 'd', name: 'Home' },
      ),
    });
    expect([...loadReferenceData(dir).profiles.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  test('takes types from the tracking plan, else from the first value seen', () => {
    const dir = folder({
      'workspace.json': JSON.stringify({ trackingPlan: { traits: [{ name: 'zip', type: 'string' }], events: [{ name: 'Paid', properties: [{ name: 'amount', type: 'number' }] }] } }),
      'profiles.jsonl': lines({ type: 'identify', userId: 'a', traits: { zip: 10115, joined: '2026-01-01', seen: '2026-01-01T10:00:00Z', vip: true, tags: ['x'] } }),
      'events.jsonl': lines({ type: 'track', userId: 'a', event: 'Paid', properties: { amount: 'lots', note: 3 }, timestamp: '2026-01-01T00:00:00Z' }),
    });
    const data = loadReferenceData(dir);
    expect(data.traitTypes).toEqual({ zip: 'string', joined: 'date', seen: 'datetime', vip: 'boolean', tags: 'string[]' });
    expect(data.propertyTypes).toEqual({ amount: 'number', note: 'number' });
    // A number in a text trait is text; text in a number property is no value, as the store keeps them.
    expect(data.profiles.get('a')!.zip).toBe('10115');
    expect(data.events.get('a')!.get('Paid')![0]!.properties).toEqual({ note: 3 });
  });

  test('drops empty values and empty lists, and keeps list members that are text', () => {
    const dir = folder({
      'profiles.jsonl': lines({ type: 'identify', userId: 'a', traits: { tags: ['', 'x', 3], notes: '', nick: null, pets: [] } }),
      'audiences.json': JSON.stringify([{ name: 'VIP', members: ['a', 7, 'zz'] }]),
    });
    const data = loadReferenceData(dir);
    expect(data.profiles.get('a')).toEqual({ tags: ['x'] });
    expect([...data.lists.get('VIP')!]).toEqual(['a', 'zz']);
  });
});
