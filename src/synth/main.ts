/**
 * Script entry for the workspace generator, with a progress bar on stderr:
 *   node dist/src/synth/main.js --dir <d> --profiles <n> --seed <s> --now <ISO>
 *     [--events-per-profile <n>] [--no-gzip] [--gzip-level <1-9>] [--name <workspace name>]
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { AppError, toAppError } from '../errors.js';
import { type GenerateOptions, generateWorkspace } from './generate.js';

const USAGE =
  'usage: main.js --dir <d> --profiles <n> --seed <s> --now <ISO> [--events-per-profile <n>] ' +
  '[--no-gzip] [--gzip-level <1-9>] [--name <name>]';

export function parseGenerateArgs(argv: string[]): GenerateOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      profiles: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'events-per-profile': { type: 'string' },
      'no-gzip': { type: 'boolean' },
      'gzip-level': { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });
  const { dir, profiles, seed, now } = values;
  if (!dir || !profiles || !seed || !now) throw new AppError('invalid_input', USAGE);
  const number = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));
  return {
    dir,
    profiles: Number(profiles),
    // A seed that reads as an integer is that integer, so `--seed 1` matches `seed: 1` in code.
    seed: /^-?\d+$/.test(seed) ? Number(seed) : seed,
    now,
    eventsPerProfile: number(values['events-per-profile']),
    gzip: !values['no-gzip'],
    gzipLevel: number(values['gzip-level']),
    name: values.name,
  };
}

export async function main(argv: string[]): Promise<number> {
  let options: GenerateOptions;
  try {
    options = parseGenerateArgs(argv);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{phase} [{bar}] {percentage}% | {value}/{total} | {events} events | {duration_formatted}',
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | undefined;
  const started = performance.now();
  try {
    const result = await generateWorkspace({
      ...options,
      onProgress: (p) => {
        const label = p.phase === 'profiles' ? 'profiles' : 'days    ';
        if (phase !== p.phase) {
          if (phase !== undefined) bar.stop();
          phase = p.phase;
          bar.start(p.total, p.done, { phase: label, events: p.events });
        }
        bar.update(p.done, { phase: label, events: p.events });
      },
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `wrote ${result.profiles} profiles and ${result.events} events (${(result.bytes / 1e6).toFixed(1)} MB) ` +
        `to ${options.dir} in ${seconds.toFixed(1)} s (${Math.round(result.events / seconds)} events/s)\n`,
    );
    return 0;
  } catch (err) {
    bar.stop();
    const error = toAppError(err);
    process.stderr.write(`${error.code}: ${error.message}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
