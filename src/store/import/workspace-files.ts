/** Finds and reads the files of a workspace folder (see shared/datasets/README.md). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { WorkspaceSettings } from '../../catalog/types.js';

const PlannedProperty = z.object({ name: z.string().min(1), type: z.string().default('string'), description: z.string().optional() });

export const WorkspaceFile = z.object({
  name: z.string().min(1).default('Workspace'),
  currency: z.string().min(1).default('USD'),
  timezone: z.string().min(1).default('UTC'),
  lookbackDays: z.number().int().positive().default(365),
  trackingPlan: z
    .object({
      events: z.array(z.object({ name: z.string().min(1), description: z.string().optional(), properties: z.array(PlannedProperty).default([]) })).default([]),
      traits: z.array(PlannedProperty).default([]),
    })
    .default({ events: [], traits: [] }),
  channels: z.record(z.string(), z.string()).default({}),
  glossary: z.array(z.object({ term: z.string().min(1), meaning: z.string().min(1) })).default([]),
  roles: z.record(z.string(), z.object({ event: z.string().min(1).optional(), property: z.string().min(1).optional(), trait: z.string().min(1).optional() }).strict()).optional(),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

export const AudiencesFile = z.array(
  z.object({ name: z.string().min(1).max(200), description: z.string().optional(), members: z.array(z.string().min(1)) }),
);
export type AudiencesFile = z.infer<typeof AudiencesFile>;

export interface WorkspaceFiles {
  dir: string;
  /** Message files: profiles first, then events (any may hold identify and track messages). */
  messageFiles: string[];
  workspace: WorkspaceFile;
  audiences: AudiencesFile;
}

function firstExisting(dir: string, names: string[]): string | undefined {
  return names.map((n) => join(dir, n)).find((p) => existsSync(p));
}

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new AppError('import_failed', `${basename(path)} is not valid JSON: ${(err as Error).message}`, { file: path });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('import_failed', `${basename(path)} is not in the expected format at ${issue.path.join('.') || '(root)'}: ${issue.message}`, { file: path });
  }
  return parsed.data;
}

export async function readWorkspaceFiles(dir: string): Promise<WorkspaceFiles> {
  if (!existsSync(dir)) throw new AppError('import_failed', `The folder ${dir} does not exist.`, { dir });
  const profiles = firstExisting(dir, ['profiles.jsonl.gz', 'profiles.jsonl']);
  const events = firstExisting(dir, ['events.jsonl.gz', 'events.jsonl']);
  if (!profiles && !events) {
    throw new AppError('import_failed', `No profiles.jsonl[.gz] or events.jsonl[.gz] in ${dir}: this is not a workspace folder.`, { dir });
  }
  const workspacePath = firstExisting(dir, ['workspace.json']);
  const audiencesPath = firstExisting(dir, ['audiences.json']);
  const workspace = workspacePath ? await readJson(workspacePath, WorkspaceFile) : WorkspaceFile.parse({ name: basename(dir) });
  const audiences = audiencesPath ? await readJson(audiencesPath, AudiencesFile) : [];
  return { dir, messageFiles: [profiles, events].filter((p): p is string => !!p), workspace, audiences };
}

export function settingsOf(file: WorkspaceFile): WorkspaceSettings {
  return {
    name: file.name,
    currency: file.currency,
    timezone: file.timezone,
    lookbackDays: file.lookbackDays,
    channels: file.channels,
    glossary: file.glossary,
    ...(file.roles ? { roles: file.roles } : {}),
  };
}
