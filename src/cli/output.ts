/** How the CLI tells the user about errors: a code, a plain message, and whether to retry. */
import { toAppError } from '../errors.js';

export function printError(err: unknown, stream: NodeJS.WriteStream = process.stderr): number {
  const e = toAppError(err);
  stream.write(`error [${e.code}]: ${e.message}${e.retryable ? ' (you can retry)' : ''}\n`);
  if (e.code === 'internal' && e.details?.cause) stream.write(`  cause: ${String(e.details.cause)}\n`);
  return e.code === 'invalid_input' ? 2 : 1;
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
