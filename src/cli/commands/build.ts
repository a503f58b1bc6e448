import { z } from 'zod';
import type { Config } from '../../config/env.js';
import { AppError } from '../../errors.js';
import { buildOnce, type BuildResult } from '../../agent/run-once.js';
import { createInterpreter } from '../../agent/interpreter-factory.js';
import { openWorkspaceFromFlags, parseNow, type WorkspaceFlags } from '../workspace-option.js';
import { readJsonlFile } from '../jsonl-input.js';
import { writeJson } from '../output.js';
import { renderBuildResult } from './render-build.js';

export interface BuildFlags extends WorkspaceFlags {
  now?: string;
  members?: boolean;
  json?: boolean;
  batch?: string;
}

const BatchLine = z.object({ id: z.string().min(1).max(200), prompt: z.string() });

/**
 * The evaluation contract: one JSON object per line on stdout, in input order, and nothing else
 * on stdout. No question is asked: a request that needs one returns needs_clarification.
 */
export async function buildCommand(description: string | undefined, flags: BuildFlags, config: Config): Promise<void> {
  if (!flags.batch && description === undefined) throw new AppError('invalid_input', 'Give a description in quotes, or --batch <file.jsonl>.');
  if (flags.batch && description !== undefined) throw new AppError('invalid_input', 'Give either a description or --batch, not both.');
  const now = parseNow(flags.now);
  const lines = flags.batch ? await readJsonlFile(flags.batch, BatchLine) : [{ line: 1, value: { id: '', prompt: description! } }];
  const ws = await openWorkspaceFromFlags(flags, config);
  try {
    const interpreter = createInterpreter(config);
    for (const input of lines) {
      const result: BuildResult =
        'error' in input
          ? { id: input.id ?? `line-${input.line}`, status: 'error', error: { code: 'invalid_prompt', message: `This input is not {"id","prompt"}: ${input.error}.` } }
          : await buildOnce({ id: input.value.id, prompt: input.value.prompt, workspace: ws, now, interpreter, members: flags.members });
      if (flags.batch || flags.json) writeJson(result);
      else process.stdout.write(renderBuildResult(result));
    }
  } finally {
    await ws.close();
  }
}
