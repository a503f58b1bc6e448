/**
 * Records read back from a store are untrusted input like any request: each is decoded (zod,
 * and definitions parsed with their limits) before the service uses it. One that does not
 * decode — written by an older version, by hand, or by a bug — is left out and reported, so a
 * bad record costs its own visibility, never a 500 for its whole workspace.
 */
import type { z } from 'zod';
import { AppError } from '../errors.js';

export interface InvalidRecord {
  kind: 'audience' | 'live_audience';
  workspace: string;
  id: string;
  reason: string;
}

/** Where skipped records are reported (the service logs them as errors). */
export type InvalidRecordSink = (record: InvalidRecord) => void;

/** The default sink when a store is made without one: standard error, so a skipped record is never silent. */
export const reportToStderr: InvalidRecordSink = (r) => {
  process.stderr.write(`audience-agent: skipped the stored ${r.kind} ${r.id} of workspace ${r.workspace}: ${r.reason}\n`);
};

/** `invalid_definition` saying which field of the record is wrong, for a zod failure. */
export function invalidRecord(what: string, error: z.ZodError): AppError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(root)';
  return new AppError('invalid_definition', `The ${what} is not valid at ${field}: ${issue.message}.`, { field });
}

export interface RecordReader<T> {
  kind: InvalidRecord['kind'];
  /** The record as the service uses it; throws (AppError) when it is not one. */
  decode(value: unknown): T;
  report: InvalidRecordSink;
}

/** One stored JSON text decoded, or undefined (reported) when it does not parse or decode. */
export function readRecord<T>(reader: RecordReader<T>, workspace: string, id: string, raw: string | null | undefined): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    return reader.decode(JSON.parse(raw) as unknown);
  } catch (err) {
    reader.report({ kind: reader.kind, workspace, id, reason: err instanceof SyntaxError ? `not JSON: ${err.message}` : err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}
