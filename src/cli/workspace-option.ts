/**
 * Which workspace a command reads: `--data <dir>`, else the configured one, else a demo
 * workspace the project generates itself (so a fresh install shows something real).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/env.js';
import { AppError } from '../errors.js';
import { generateWorkspace } from '../synth/generate.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import type { EngineName } from '../engine/types.js';
import { createProgressBar } from './progress.js';

export const DEMO_SEED = 1;
export const DEMO_PROFILES = 2000;

/** The demo's "now" is the start of today, so its windows always have recent data. */
export function demoNow(today: Date = new Date()): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
}

export async function ensureDemoWorkspace(home: string, now: Date = demoNow()): Promise<string> {
  const dir = join(home, 'demo', now.toISOString().slice(0, 10));
  if (existsSync(join(dir, 'workspace.json'))) return dir;
  const bar = createProgressBar();
  try {
    const tmp = `${dir}.generating-${process.pid}`;
    await generateWorkspace({ dir: tmp, profiles: DEMO_PROFILES, seed: DEMO_SEED, now, name: 'Demo shop', onProgress: (p) => bar.update(p.done, p.total, `Generating demo ${p.phase}`) });
    const { rename } = await import('node:fs/promises');
    await rename(tmp, dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    });
  } finally {
    bar.stop();
  }
  return dir;
}

export async function resolveDataDir(data: string | undefined, config: Config): Promise<{ dir: string; demo: boolean }> {
  const dir = data ?? config.dataDir;
  if (dir) {
    if (!existsSync(dir)) throw new AppError('invalid_input', `The workspace folder ${dir} does not exist.`);
    return { dir, demo: false };
  }
  return { dir: await ensureDemoWorkspace(config.home), demo: true };
}

export interface WorkspaceFlags {
  data?: string;
  engine?: EngineName;
}

export async function openWorkspaceFromFlags(flags: WorkspaceFlags, config: Config): Promise<Workspace> {
  const { dir } = await resolveDataDir(flags.data, config);
  const bar = createProgressBar();
  try {
    return await openWorkspace({
      dir,
      home: config.home,
      engine: flags.engine ?? config.engine,
      databaseUrl: config.databaseUrl,
      onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.phase === 'indexing' ? 'Building catalog' : 'Importing'),
    });
  } finally {
    bar.stop();
  }
}

export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new AppError('invalid_input', `--now must be an ISO date or time, like 2026-11-01T00:00:00Z (got "${value}").`);
  return d;
}
