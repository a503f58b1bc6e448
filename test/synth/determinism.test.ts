import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace, type GenerateOptions } from '../../src/synth/generate.js';

const FILES = ['profiles.jsonl.gz', 'events.jsonl.gz', 'audiences.json', 'workspace.json'];
const NOW = '2026-11-01T00:00:00Z';

describe('generating a workspace from a seed', () => {
  let root: string;
  const generate = async (name: string, options: Partial<GenerateOptions> = {}): Promise<string> => {
    const dir = join(root, name);
    await generateWorkspace({ dir, profiles: 200, seed: 42, now: NOW, ...options });
    return dir;
  };
  const read = (dir: string, file: string): Promise<Buffer> => readFile(join(dir, file));

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'synth-seed-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the same bytes twice from the same seed', async () => {
    const first = await generate('a');
    const second = await generate('b');
    for (const file of FILES) expect((await read(first, file)).equals(await read(second, file)), file).toBe(true);
  });

  it('writes different profiles, events and lists from a different seed', async () => {
    const first = await generate('c');
    const other = await generate('d', { seed: 43 });
    for (const file of FILES.slice(0, 3)) expect((await read(first, file)).equals(await read(other, file)), file).toBe(false);
  });

  it('treats a text seed as its own seed, the same on every run', async () => {
    const first = await generate('e', { seed: 'spring' });
    const second = await generate('f', { seed: 'spring' });
    const numeric = await generate('g');
    const events = (dir: string): Promise<Buffer> => read(dir, 'events.jsonl.gz');
    expect((await events(first)).equals(await events(second))).toBe(true);
    expect((await events(first)).equals(await events(numeric))).toBe(false);
  });

  it('writes the same lines uncompressed when gzip is off', async () => {
    const zipped = await generate('h');
    const plain = await generate('i', { gzip: false });
    for (const name of ['profiles', 'events']) {
      const unzipped = gunzipSync(await read(zipped, `${name}.jsonl.gz`));
      expect(unzipped.equals(await read(plain, `${name}.jsonl`)), name).toBe(true);
    }
  });
});

describe('the demo data fingerprint', () => {
  it('stays the same unless the generator is changed on purpose (then update this fingerprint)', async () => {
    const { createHash } = await import('node:crypto');
    const dir = await mkdtemp(join(tmpdir(), 'synth-fingerprint-'));
    try {
      await generateWorkspace({ dir, profiles: 50, seed: 1, now: NOW, gzip: false });
      const hash = createHash('sha256');
      for (const file of ['profiles.jsonl', 'events.jsonl', 'audiences.json', 'workspace.json']) {
        hash.update(await readFile(join(dir, file)));
      }
      expect(hash.digest('hex')).toBe('efc8355d3f1e34e54e739dca9c159bcd47a762af9b34fc45df79671c676f8ec4');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
