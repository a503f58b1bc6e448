/**
 * Import throughput against its floor: the same files read by a plain Node loop that only
 * gunzips, splits lines and JSON.parses them — what any importer written on the Node side pays
 * before it stores a single row.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { importWorkspace, type ImportReport } from '../src/store/import/importer.js';
import { loadAverage1 } from './environment.js';
import { timed } from './stats.js';

export interface ParseBaseline {
  messages: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export interface ImportBench {
  workspace: string;
  profiles: number;
  events: number;
  baseline: ParseBaseline;
  import: Pick<ImportReport, 'seconds' | 'eventsPerSecond'>;
  /** When the figures were measured (ISO), and the 1-minute load average then. */
  measuredAt: string;
  loadAverage: number;
}

export function messageFiles(dir: string): string[] {
  const files: string[] = [];
  for (const base of ['profiles', 'events']) {
    const gz = join(dir, `${base}.jsonl.gz`);
    const plain = join(dir, `${base}.jsonl`);
    if (existsSync(gz)) files.push(gz);
    else if (existsSync(plain)) files.push(plain);
  }
  return files;
}

async function parseFile(path: string): Promise<{ messages: number; events: number }> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const input = path.endsWith('.gz') ? file.pipe(createGunzip({ chunkSize: 1 << 20 })) : file;
  file.on('error', (err) => input.destroy(err));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let messages = 0;
  let events = 0;
  const take = (line: string): void => {
    if (line.trim() === '') return;
    const message = JSON.parse(line) as { type?: unknown };
    messages++;
    if (message.type === 'track') events++;
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      take(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  take(rest + decoder.end());
  return { messages, events };
}

/** Gunzip + split + JSON.parse of every message file of the workspace, one after the other. */
export async function parseBaseline(dir: string): Promise<ParseBaseline> {
  const { value, seconds } = await timed(async () => {
    let messages = 0;
    let events = 0;
    for (const path of messageFiles(dir)) {
      const counts = await parseFile(path);
      messages += counts.messages;
      events += counts.events;
    }
    return { messages, events };
  });
  return { ...value, seconds, eventsPerSecond: Math.round(value.events / seconds) };
}

export async function benchImport(workspace: string, srcDir: string, dbPath: string, log: (line: string) => void): Promise<ImportBench> {
  log(`${workspace}: parse baseline (gunzip + split + JSON.parse)…`);
  const baseline = await parseBaseline(srcDir);
  log(`${workspace}: baseline ${baseline.events} events in ${baseline.seconds.toFixed(1)} s; importing…`);
  let phase = '';
  const report = await importWorkspace(srcDir, {
    dbPath,
    onProgress: (p) => {
      if (p.phase !== phase) log(`${workspace}: import ${(phase = p.phase)}`);
    },
  });
  log(`${workspace}: imported ${report.events} events in ${report.seconds.toFixed(1)} s`);
  return {
    workspace,
    profiles: report.profiles,
    events: report.events,
    baseline,
    import: { seconds: report.seconds, eventsPerSecond: report.eventsPerSecond },
    measuredAt: new Date().toISOString(),
    loadAverage: loadAverage1(),
  };
}
