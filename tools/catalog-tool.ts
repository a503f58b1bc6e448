/**
 * Turns a plain tool function into a LangChain tool. Failures never throw at the model: a thrown
 * AppError (unknown name, lookback) or an engine failure comes back as text it can act on, and
 * the user-facing summary travels as the ToolMessage artifact.
 */
import { tool } from '@langchain/core/tools';
import type { z } from 'zod';
import { AppError } from '../src/errors.js';
import type { ToolArtifact, ToolOutcome } from './deps.js';

export interface CatalogToolSpec<S extends z.ZodObject> {
  name: string;
  description: string;
  schema: S;
  run: (input: z.output<S>) => ToolOutcome<unknown> | Promise<ToolOutcome<unknown>>;
}

export async function runSafely<T>(name: string, run: () => ToolOutcome<T> | Promise<ToolOutcome<T>>): Promise<ToolOutcome<T>> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) {
      const closest = err.details?.closest;
      const hint = Array.isArray(closest) && closest.length ? ` Closest: ${closest.join(', ')}.` : '';
      return { ok: false, message: `${err.message}${hint}`, summary: `${name}: ${err.code}` };
    }
    return { ok: false, message: 'The lookup failed on our side; try a different lookup or ask the user.', summary: `${name} failed` };
  }
}

/** The text the model reads: compact JSON for data, a sentence starting with "Error:" otherwise. */
export function renderOutcome(outcome: ToolOutcome<unknown>): string {
  return outcome.ok ? JSON.stringify(outcome.data) : `Error: ${outcome.message}`;
}

export function toCatalogTool<S extends z.ZodObject>(spec: CatalogToolSpec<S>) {
  return tool(
    async (input: z.output<S>): Promise<[string, ToolArtifact]> => {
      const outcome = await runSafely(spec.name, () => spec.run(input));
      return [renderOutcome(outcome), { ok: outcome.ok, summary: outcome.summary }];
    },
    { name: spec.name, description: spec.description, schema: spec.schema, responseFormat: 'content_and_artifact' },
  );
}
