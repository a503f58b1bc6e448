/**
 * Reads the model's finishing call. A definition is parsed with the definition schema and
 * validated against the catalog; a mistake the model can fix goes back to it as feedback, a
 * window beyond the workspace's history is the user's answer (lookback_exceeded).
 */
import type { ToolCall } from '@langchain/core/messages/tool';
import type { Catalog } from '../../catalog/types.js';
import { parseDefinition } from '../../definition/parse.js';
import { assertValid } from '../../definition/validate.js';
import { AppError } from '../../errors.js';
import type { Interpretation, Language } from '../types.js';
import { AskArgs, RefuseArgs, SubmitArgs } from './answer-tools.js';
import { ANSWER_TOOLS } from './system-prompt.js';

type Final = Interpretation extends infer I ? (I extends Interpretation ? Omit<I, 'toolCalls'> : never) : never;

export type Finish = { kind: 'final'; interpretation: Final } | { kind: 'retry'; feedback: string };

interface FinishContext {
  catalog: Catalog;
  now: Date;
  language: Language;
}

function argsProblem(name: string, issues: { path: PropertyKey[]; message: string }[]): Finish {
  const first = issues[0];
  const where = first?.path.length ? ` at ${first.path.map(String).join('.')}` : '';
  return { kind: 'retry', feedback: `Error: the arguments of ${name} are not valid${where}: ${first?.message ?? 'unknown problem'}. Call it again with valid arguments.` };
}

/** Undefined when the call is not a finishing one (a catalog tool). */
export function finishFromCall(call: ToolCall, ctx: FinishContext): Finish | undefined {
  const { language } = ctx;
  if (call.name === ANSWER_TOOLS.ask) {
    const args = AskArgs.safeParse(call.args);
    if (!args.success) return argsProblem(call.name, args.error.issues);
    return { kind: 'final', interpretation: { kind: 'clarify', question: { term: args.data.term, text: args.data.question, options: args.data.options }, language } };
  }
  if (call.name === ANSWER_TOOLS.refuse) {
    const args = RefuseArgs.safeParse(call.args);
    if (!args.success) return argsProblem(call.name, args.error.issues);
    const { code, message, suggestions } = args.data;
    return { kind: 'final', interpretation: { kind: 'error', code, message, ...(suggestions?.length ? { suggestions } : {}), language } };
  }
  if (call.name !== ANSWER_TOOLS.submit) return undefined;
  const args = SubmitArgs.safeParse(call.args);
  if (!args.success) return argsProblem(call.name, args.error.issues);
  try {
    const definition = parseDefinition(args.data.definition);
    assertValid(definition, ctx.catalog, { now: ctx.now });
    return { kind: 'final', interpretation: { kind: 'definition', definition, language, notUnderstood: args.data.not_understood ?? [] } };
  } catch (err) {
    if (err instanceof AppError && err.code === 'lookback_exceeded') {
      return { kind: 'final', interpretation: { kind: 'error', code: err.code, message: err.message, language } };
    }
    const message = err instanceof Error ? err.message : String(err);
    const closest = err instanceof AppError && Array.isArray(err.details?.closest) ? ` Closest: ${(err.details.closest as string[]).join(', ')}.` : '';
    return { kind: 'retry', feedback: `Error: ${message}${closest} Fix the definition and call ${ANSWER_TOOLS.submit} again, or call ${ANSWER_TOOLS.refuse} if the data cannot answer.` };
  }
}
