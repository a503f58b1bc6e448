import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { generateWorkspace, type GenerateOptions, type GenerateProgress } from '../../src/synth/generate.js';

const NOW = '2026-11-01T00:00:00Z';

describe('the size of a generated workspace', () => {
  let root: string;
  let runs = 0;
  const generate = (options: Partial<GenerateOptions>) =>
    generateWorkspace({ dir: join(root, `run-${runs++}`), profiles: 1000, seed: 3, now: NOW, ...options });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'synth-size-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('comes to about the events per profile asked for', async () => {
    for (const eventsPerProfile of [8, 20, 60]) {
      const { profiles, events } = await generate({ eventsPerProfile });
      expect(profiles).toBe(1000);
      expect(events / profiles, `asked ${eventsPerProfile}`).toBeGreaterThan(eventsPerProfile * 0.8);
      expect(events / profiles, `asked ${eventsPerProfile}`).toBeLessThan(eventsPerProfile * 1.2);
    }
  });

  it('is shaped like the demo shop by default at its size (about 111 events per profile)', async () => {
    const { events } = await generate({ profiles: 500 });
    expect(events / 500).toBeGreaterThan(90);
    expect(events / 500).toBeLessThan(135);
  });

  it('grows with the number of profiles', async () => {
    const small = await generate({ profiles: 400, eventsPerProfile: 20 });
    const large = await generate({ profiles: 1600, eventsPerProfile: 20 });
    expect(large.events / small.events).toBeGreaterThan(3);
    expect(large.events / small.events).toBeLessThan(5);
    expect(large.bytes).toBeGreaterThan(small.bytes * 3);
  });

  it('reports progress through profiles and then every day of the year', async () => {
    const seen: GenerateProgress[] = [];
    const { events } = await generate({ profiles: 50, onProgress: (p) => seen.push(p) });
    expect(seen.filter((p) => p.phase === 'profiles').at(-1)).toEqual({ phase: 'profiles', done: 50, total: 50, events: 0 });
    const days = seen.filter((p) => p.phase === 'events');
    expect(days).toHaveLength(365);
    expect(days.at(-1)).toEqual({ phase: 'events', done: 365, total: 365, events });
  });

  it('refuses options it cannot honour with an invalid_input error and writes nothing', async () => {
    const dir = join(root, 'refused');
    for (const bad of [{ profiles: 0 }, { profiles: 1.5 }, { now: 'yesterday' }, { eventsPerProfile: -1 }, { gzipLevel: 12 }]) {
      const error = await generateWorkspace({ dir, profiles: 10, seed: 1, now: NOW, ...bad }).catch((e: unknown) => e);
      expect(error, JSON.stringify(bad)).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
    }
    await expect(readdir(dir)).rejects.toThrow();
  });
});

describe('a generation that stops or repeats', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'synth-stop-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('leaves no partial events file when it fails midway', async () => {
    const dir = join(root, 'failing');
    const stop = (p: GenerateProgress): void => {
      if (p.phase === 'events' && p.done === 10) throw new Error('stopped by the test');
    };
    await expect(generateWorkspace({ dir, profiles: 50, seed: 1, now: NOW, onProgress: stop })).rejects.toThrow('stopped by the test');
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('events'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('replaces a workspace written before in the other format', async () => {
    const dir = join(root, 'formats');
    await generateWorkspace({ dir, profiles: 20, seed: 1, now: NOW, gzip: false });
    await generateWorkspace({ dir, profiles: 20, seed: 1, now: NOW });
    expect((await readdir(dir)).sort()).toEqual(['audiences.json', 'events.jsonl.gz', 'profiles.jsonl.gz', 'workspace.json']);
  });
});
