/**
 * A workspace cut down to every n-th profile (with all of their events and list memberships),
 * for running the reference evaluator where the whole workspace cannot be loaded into memory.
 * Profiles are drawn independently by the generator, so every n-th one is a fair sample.
 */
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { readLines } from '../src/store/import/lines.js';
import { messageFiles } from './import-bench.js';

const USER_ID = /"userId":"([^"]*)"/;

class GzipLines {
  private readonly gzip = createGzip({ level: 1 });
  private readonly done: Promise<unknown>;
  private batch: string[] = [];
  private batchLength = 0;

  constructor(path: string) {
    const file = createWriteStream(path);
    this.gzip.pipe(file);
    this.done = once(file, 'close');
  }

  async write(line: string): Promise<void> {
    this.batch.push(line);
    this.batchLength += line.length + 1;
    if (this.batchLength >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = `${this.batch.join('\n')}\n`;
    this.batch = [];
    this.batchLength = 0;
    if (!this.gzip.write(text)) await once(this.gzip, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.gzip.end();
    await this.done;
  }
}

export interface SubsetResult {
  profiles: number;
  events: number;
}

export async function writeSubset(srcDir: string, destDir: string, every: number): Promise<SubsetResult> {
  await mkdir(destDir, { recursive: true });
  const [profilesFile, eventsFile] = messageFiles(srcDir);
  if (!profilesFile || !eventsFile) throw new Error(`${srcDir} has no profiles and events files`);
  const kept = new Set<string>();
  const profilesOut = new GzipLines(join(destDir, 'profiles.jsonl.gz'));
  let index = 0;
  for await (const line of readLines(profilesFile)) {
    const userId = USER_ID.exec(line)?.[1];
    if (userId === undefined) continue;
    if (index++ % every !== 0) continue;
    kept.add(userId);
    await profilesOut.write(line);
  }
  await profilesOut.close();

  const eventsOut = new GzipLines(join(destDir, 'events.jsonl.gz'));
  let events = 0;
  for await (const line of readLines(eventsFile)) {
    const userId = USER_ID.exec(line)?.[1];
    if (userId === undefined || !kept.has(userId)) continue;
    events++;
    await eventsOut.write(line);
  }
  await eventsOut.close();

  const lists = JSON.parse(await readFile(join(srcDir, 'audiences.json'), 'utf8')) as { members: string[] }[];
  for (const list of lists) list.members = list.members.filter((m) => kept.has(m));
  await writeFile(join(destDir, 'audiences.json'), `${JSON.stringify(lists)}\n`);
  await copyFile(join(srcDir, 'workspace.json'), join(destDir, 'workspace.json'));
  return { profiles: kept.size, events };
}
