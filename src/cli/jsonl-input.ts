/** Reads a JSONL input file, validating each line; a bad line is reported, not fatal. */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { AppError } from '../errors.js';

export type InputLine<T> = { line: number; value: T } | { line: number; error: string; id?: string };

export async function readJsonlFile<T>(path: string, schema: z.ZodType<T>): Promise<InputLine<T>[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError('invalid_input', `Cannot read ${path}.`);
  }
  const out: InputLine<T>[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      out.push({ line: i + 1, error: `line ${i + 1} is not valid JSON` });
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) out.push({ line: i + 1, value: parsed.data });
    else {
      const issue = parsed.error.issues[0]!;
      const id = (json as { id?: unknown } | null)?.id;
      out.push({ line: i + 1, error: `line ${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`, ...(typeof id === 'string' ? { id } : {}) });
    }
  });
  return out;
}
