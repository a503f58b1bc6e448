/**
 * Writes a delivery as a file into the service's drop folder, as a mounted volume or a synced
 * folder takes it: `<dir>/<workspace>/<audience id>/<count>-<full|changes>-<part>.<csv|jsonl>`,
 * one row per member (`user_id,change` with change `entered` or `exited`). Written beside its
 * name and renamed, so a reader never sees half a file; writing it again gives the same file.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeliveryJob } from './types.js';
import type { SendResult } from './webhook.js';

const safe = (s: string) => encodeURIComponent(s).replace(/\./g, '%2E');

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function fileContent(job: DeliveryJob, format: 'csv' | 'jsonl'): string {
  const rows = [...job.entered.map((id) => [id, 'entered'] as const), ...job.exited.map((id) => [id, 'exited'] as const)];
  if (format === 'csv') return `user_id,change\n${rows.map(([id, change]) => `${csvField(id)},${change}\n`).join('')}`;
  return rows.map(([userId, change]) => `${JSON.stringify({ userId, change, audience: job.audienceName, count: job.countSeq })}\n`).join('');
}

export function filePath(dir: string, job: DeliveryJob, format: 'csv' | 'jsonl'): string {
  const name = `${String(job.countSeq).padStart(6, '0')}-${job.sync}-${String(job.part).padStart(3, '0')}.${format}`;
  return join(dir, safe(job.workspace), safe(job.audienceId), name);
}

export async function dropFile(dir: string, job: DeliveryJob, format: 'csv' | 'jsonl'): Promise<SendResult & { path: string }> {
  const path = filePath(dir, job, format);
  try {
    await mkdir(join(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.partial`;
    await writeFile(tmp, fileContent(job, format));
    await rename(tmp, path);
    return { ok: true, path };
  } catch (err) {
    return { ok: false, path, error: err instanceof Error ? err.message : String(err) };
  }
}
