import { AppError } from '../../errors.js';
import { generateWorkspace } from '../../synth/generate.js';
import { createProgressBar } from '../progress.js';
import { parseNow } from '../workspace-option.js';

export interface GenerateFlags {
  profiles: string;
  seed: string;
  now?: string;
  eventsPerProfile?: string;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new AppError('invalid_input', `${flag} must be a positive whole number (got "${value}").`);
  return n;
}

export async function generateCommand(dir: string, flags: GenerateFlags): Promise<void> {
  const bar = createProgressBar();
  const result = await generateWorkspace({
    dir,
    profiles: positiveInt(flags.profiles, '--profiles'),
    seed: flags.seed,
    now: parseNow(flags.now),
    ...(flags.eventsPerProfile ? { eventsPerProfile: positiveInt(flags.eventsPerProfile, '--events-per-profile') } : {}),
    onProgress: (p) => bar.update(p.done, p.total, `Generating ${p.phase}`),
  }).finally(() => bar.stop());
  process.stdout.write(`Wrote ${result.profiles.toLocaleString('en-US')} profiles and ${result.events.toLocaleString('en-US')} events to ${dir} (${(result.bytes / 1e6).toFixed(1)} MB).\n`);
}
