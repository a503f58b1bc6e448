import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputFile } from '../../src/synth/output-file.js';

describe('an output file of lines', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'synth-output-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const fill = async (file: OutputFile, lines: string[]): Promise<void> => {
    for (const line of lines) {
      const wait = file.writeLine(line);
      if (wait) await wait;
    }
  };
  // Several megabytes in lines of varied length, one far longer than a buffer, some not ASCII.
  const lines = [
    ...Array.from({ length: 60_000 }, (_, k) => `{"n":${k},"pad":"${'x'.repeat(k % 200)}"}\n`),
    `${'y'.repeat(3_000_000)}\n`,
    'Zoë café 東京\n',
  ];

  it('writes every line in order, gzipped, and leaves no partial file behind', async () => {
    const path = join(dir, 'lines.jsonl.gz');
    const file = OutputFile.open(path, { gzip: true, level: 1 });
    await fill(file, lines);
    await file.close();
    expect(await readdir(dir)).toEqual(['lines.jsonl.gz']);
    expect(gunzipSync(await readFile(path)).toString('utf8')).toBe(lines.join(''));
  });

  it('writes the same lines uncompressed, and removes them when aborted', async () => {
    const path = join(dir, 'plain.jsonl');
    const file = OutputFile.open(path, { gzip: false, level: 1 });
    await fill(file, lines);
    await file.close();
    expect(await readFile(path, 'utf8')).toBe(lines.join(''));

    const aborted = OutputFile.open(join(dir, 'aborted.jsonl'), { gzip: true, level: 1 });
    await fill(aborted, lines.slice(0, 1000));
    await aborted.abort();
    expect((await readdir(dir)).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });
});
