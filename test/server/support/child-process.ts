/**
 * Running a TypeScript test fixture as a real child process: bundled once with rolldown (the
 * bundler vitest already ships) next to node_modules, so its packages resolve as usual.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';

const ROOT = join(import.meta.dirname, '../../..');

export async function bundleFixture(entry: string): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/audience-agent-tests');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `fixture-${process.pid}-${Date.now()}.mjs`);
  await build({
    input: entry,
    platform: 'node',
    // Packages stay imports (resolved from node_modules); the project's own files are bundled.
    external: [/node_modules/, /^[^./]/],
    output: { file, format: 'esm' },
    logLevel: 'silent',
  });
  return file;
}

export interface Child {
  process: ChildProcess;
  url: string;
  output(): string;
}

/** Starts `node <file> <arg>` and waits for its `READY <url>` line. */
export function startChild(file: string, arg: string, timeoutMs = 20_000): Promise<Child> {
  const child = spawn(process.execPath, [file, arg], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\S+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        resolve({ process: child, url: ready[1]!, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
}
