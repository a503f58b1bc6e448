/**
 * Writes a synthetic e-commerce workspace shaped like the demo workspace `shop/` (see
 * /work/shared/datasets/README.md for the format): profiles.jsonl(.gz), events.jsonl(.gz) in
 * time order, audiences.json and workspace.json. The same options give the same bytes.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { DAY } from './clock.js';
import { campaignCalendar } from './campaigns.js';
import { DayBuffer } from './day-buffer.js';
import { writeEvents } from './events.js';
import type { GenerationContext } from './generation-context.js';
import { drawLists } from './lists.js';
import { OutputFile } from './output-file.js';
import { ProfileTable } from './profile-table.js';
import { drawProfile } from './profiles.js';
import { Prng, seedFrom } from './prng.js';
import { SHOP_EVENTS_PER_PROFILE, sizeWorkspace } from './visit-rate.js';
import { workspaceDescription } from './workspace-description.js';

export interface GenerateProgress {
  phase: 'profiles' | 'events';
  done: number;
  total: number;
  events: number;
}

export interface GenerateOptions {
  dir: string;
  profiles: number;
  seed: number | string;
  /** "Now" of the workspace: events cover the 365 days before it. */
  now: Date | string;
  /** About this many events per profile; default like `shop/` (111) up to 10,000 profiles, else 20. */
  eventsPerProfile?: number;
  /** Write .jsonl.gz (default) or plain .jsonl. */
  gzip?: boolean;
  /** zlib level for .gz files, default 1 (fast). */
  gzipLevel?: number;
  /** The workspace name in workspace.json. */
  name?: string;
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateResult {
  profiles: number;
  events: number;
  /** Bytes of all files written. */
  bytes: number;
}

/** About 60 bytes of working state per profile: 10M profiles stay well under a gigabyte. */
const MAX_PROFILES = 10_000_000;

const optionsSchema = z.object({
  dir: z.string().min(1),
  profiles: z.number().int().min(1).max(MAX_PROFILES),
  seed: z.union([z.number().int(), z.string().min(1)]),
  now: z.union([z.date(), z.iso.datetime({ offset: true })]).transform((v) => new Date(v)),
  eventsPerProfile: z.number().positive().max(10_000).optional(),
  gzip: z.boolean().default(true),
  gzipLevel: z.number().int().min(1).max(9).default(1),
  name: z.string().min(1).default('Synthetic shop'),
});

export async function generateWorkspace(options: GenerateOptions): Promise<GenerateResult> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new AppError('invalid_input', `Cannot generate a workspace: ${z.prettifyError(parsed.error)}`);
  }
  const o = parsed.data;
  const now = Math.floor(o.now.getTime() / 1000);
  if (!Number.isFinite(now)) throw new AppError('invalid_input', 'Cannot generate a workspace: `now` is not a valid date.');
  const yearStart = now - 365 * DAY;
  const eventsPerProfile = o.eventsPerProfile ?? (o.profiles <= 10_000 ? SHOP_EVENTS_PER_PROFILE : 20);
  const ext = o.gzip ? '.jsonl.gz' : '.jsonl';
  const files = { gzip: o.gzip, level: o.gzipLevel };
  const paths = {
    profiles: join(o.dir, `profiles${ext}`),
    events: join(o.dir, `events${ext}`),
    audiences: join(o.dir, 'audiences.json'),
    workspace: join(o.dir, 'workspace.json'),
  };
  await mkdir(o.dir, { recursive: true });
  // A workspace holds one format: a file left from an earlier run in the other one would shadow ours.
  const otherExt = o.gzip ? '.jsonl' : '.jsonl.gz';
  await Promise.all(['profiles', 'events'].map((name) => rm(join(o.dir, `${name}${otherExt}`), { force: true })));

  const table = new ProfileTable(o.profiles);
  const profiles = OutputFile.open(paths.profiles, files);
  await writing(profiles, async () => {
    const rng = new Prng(seedFrom(o.seed, 1));
    for (let i = 0; i < o.profiles; i++) {
      const wait = profiles.writeLine(drawProfile(rng, table, i, { now, yearStart }));
      if (wait) await wait;
      if ((i + 1) % 10_000 === 0 || i + 1 === o.profiles) {
        options.onProgress?.({ phase: 'profiles', done: i + 1, total: o.profiles, events: 0 });
      }
    }
  });

  const lists = drawLists(new Prng(seedFrom(o.seed, 3)), table, now);
  await writeFile(paths.audiences, `${JSON.stringify(lists, null, 1)}\n`);
  await writeFile(paths.workspace, `${JSON.stringify(workspaceDescription(o.name), null, 2)}\n`);

  const sends = campaignCalendar(yearStart, now);
  const sizing = sizeWorkspace(table, sends, yearStart, now, eventsPerProfile);
  const ctx: GenerationContext = {
    rng: new Prng(seedFrom(o.seed, 2)),
    table,
    buffer: new DayBuffer(now),
    now,
    yearStart,
    campaignShare: sizing.campaignShare,
  };
  const events = OutputFile.open(paths.events, files);
  let count = 0;
  await writing(events, async () => {
    count = await writeEvents(ctx, {
      visitRate: sizing.visitRate,
      sends,
      writeLine: (line) => events.writeLine(line),
      onDay: (done, total, written) => options.onProgress?.({ phase: 'events', done, total, events: written }),
    });
  });

  const sizes = await Promise.all(Object.values(paths).map(async (p) => (await stat(p)).size));
  return { profiles: o.profiles, events: count, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** Runs `fill`, then completes the file; on any failure removes the partial file and rethrows. */
async function writing(file: OutputFile, fill: () => Promise<void>): Promise<void> {
  try {
    await fill();
    await file.close();
  } catch (err) {
    await file.abort();
    throw err;
  }
}
