import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';

export interface WrittenWorkspace {
  profileLines: string[];
  eventLines: string[];
  audiences: unknown;
  workspace: unknown;
}

async function lines(path: string, gzip: boolean): Promise<string[]> {
  const raw = await readFile(path);
  const text = (gzip ? gunzipSync(raw) : raw).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** Reads back a generated workspace folder as text lines and parsed JSON files. */
export async function readWorkspace(dir: string, gzip = true): Promise<WrittenWorkspace> {
  const ext = gzip ? '.jsonl.gz' : '.jsonl';
  return {
    profileLines: await lines(join(dir, `profiles${ext}`), gzip),
    eventLines: await lines(join(dir, `events${ext}`), gzip),
    audiences: JSON.parse(await readFile(join(dir, 'audiences.json'), 'utf8')),
    workspace: JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')),
  };
}
