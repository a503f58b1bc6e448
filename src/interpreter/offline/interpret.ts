/**
 * The offline interpreter's turn: checks, reading, errors, questions, and the definition.
 */
import { settleUnknown } from './clarify/did-you-mean.js';
import { isVisitorOnlyTrait } from '../../live/interpreter-catalog.js';
import { settleEmpty } from './clarify/empty.js';
import type { Rewrite } from './text/shorthand.js';
import { parseDefinition } from '../../definition/parse.js';
import { AppError } from '../../errors.js';
import { windowReachDays } from '../../definition/time.js';
import type { AudienceDefinition } from '../../definition/schema.js';
import { allLeaves } from '../../definition/walk.js';
import { validateDefinition } from '../../definition/validate.js';
import { UNIT_DAYS } from '../../definition/time.js';
import type { Interpretation, InterpreterContext, Language } from '../types.js';
import { buildDefinitionParts } from './assemble/build.js';
import { resolveVague } from './clarify/resolve-vague.js';
import { ambiguityQuestion } from './clarify/ambiguity.js';
import { settleUnplaced, type Unplaced } from './clarify/unplaced.js';
import { issueError } from './issues.js';
import { detectLanguage, unreadLanguage } from './language.js';
import { messagesFor } from './messages/index.js';
import { checkPromptLength } from './prompt-length.js';
import { readText } from './read.js';
import { isRefinement, refine } from './refinement.js';
import { catalogIndex } from './resolve/catalog-index.js';
import { readGlossary } from './resolve/glossary.js';
import { ToolLog } from './resolve/tool-log.js';

export async function interpretOffline(prompt: string, ctx: InterpreterContext): Promise<Interpretation> {
  try {
    return await interpretTurn(prompt, ctx);
  } catch (err) {
    // Limits and invalid shapes are for the user to act on; anything else is a bug to surface.
    if (!(err instanceof AppError)) throw err;
    return { kind: 'error', code: err.code, message: err.message, language: detectLanguage(prompt), toolCalls: [] };
  }
}

async function interpretTurn(prompt: string, ctx: InterpreterContext): Promise<Interpretation> {
  const language: Language = detectLanguage(prompt);
  const msgs = messagesFor(language);
  const log = new ToolLog(ctx.onToolCall);
  const refining = ctx.current !== undefined && isRefinement(prompt);
  const length = checkPromptLength(prompt, { refinement: refining });
  if (!length.ok) return { kind: 'error', code: 'invalid_prompt', message: length.message, language, toolCalls: log.calls };
  const index = catalogIndex(ctx.catalog);
  const foreign = unreadLanguage(prompt, (w) => index.speller.knows(w));
  if (foreign) return { kind: 'error', code: 'unsupported_language', message: msgs.unreadLanguage(foreign), language, toolCalls: log.calls };

  const glossary = readGlossary(ctx.catalog, ctx.search, ctx.now);
  const env = { index, search: ctx.search, now: ctx.now, glossary, log, language, answers: ctx.answers };

  if (ctx.current && refining) {
    const refined = refine(prompt, ctx.current, language, env);
    if (refined) return finish(parseDefinition(refined.definition), refined.notUnderstood, refined.unplaced, refined.readAs);
  }

  const reading = readText(prompt, language, env);
  // A window beyond the plan is an error whatever else the request says.
  const said = reading.mentions.flatMap((m) =>
    m.kind === 'window' && m.spec.kind === 'window' ? [windowReachDays(m.spec.window, ctx.now)] : m.kind === 'ago' ? [m.amount * UNIT_DAYS[m.unit]] : [],
  );
  if (Math.max(0, ...said) > ctx.catalog.workspace.lookbackDays) {
    return { kind: 'error', code: 'lookback_exceeded', message: msgs.lookbackExceeded(ctx.catalog.workspace.lookbackDays), language, toolCalls: log.calls };
  }

  const problem = issueError(reading.issues, msgs, ctx.catalog, ctx.search);
  if (problem) {
    const unknown = settleUnknown(prompt, problem, ctx.answers, msgs);
    if (unknown.kind === 'ask') return { kind: 'clarify', question: unknown.question, language, toolCalls: log.calls };
    if (unknown.kind === 'reread') return reread(unknown);
    const { about: _about, ...error } = problem;
    return { kind: 'error', ...error, language, toolCalls: log.calls };
  }
  const ambiguous = reading.issues.find((i) => i.kind === 'ambiguous_event');
  if (ambiguous) return { kind: 'clarify', question: await ambiguityQuestion(ambiguous, { index, engine: ctx.engine, msgs, now: ctx.now }), language, toolCalls: log.calls };

  const vague = await resolveVague(reading, { ...env, ctx, msgs });
  if (vague.kind === 'clarify') return { kind: 'clarify', question: vague.question, language, toolCalls: log.calls };
  if (vague.kind === 'error') return { kind: 'error', ...vague.error, language, toolCalls: log.calls };

  const { root, exclude } = buildDefinitionParts(reading.tree, reading.anchors);
  if (!root.conditions.length) {
    return { kind: 'error', code: 'invalid_prompt', message: msgs.nothingUnderstood(), language, toolCalls: log.calls };
  }
  return finish(parseDefinition({ version: 1, root, exclude }), reading.notUnderstood, reading.unplaced, reading.readAs);

  /** The request read again in the user's words, the answer that led there used up. */
  function reread({ prompt: again, answered }: { prompt: string; answered: string }): Promise<Interpretation> {
    const { [answered]: _answered, ...answers } = ctx.answers ?? {};
    return interpretTurn(again, { ...ctx, answers });
  }

  async function finish(definition: AudienceDefinition, notUnderstood: string[], unplaced: Unplaced[], readAs: Rewrite[]): Promise<Interpretation> {
    const lookback = ctx.catalog.workspace.lookbackDays;
    if (longestReach(definition, ctx.now) > lookback) {
      return { kind: 'error', code: 'lookback_exceeded', message: msgs.lookbackExceeded(lookback), language, toolCalls: log.calls };
    }
    // The same checks every definition gets before it is computed: a parser slip is an error, not a wrong audience.
    const [issue] = validateDefinition(definition, ctx.catalog, { now: ctx.now, search: ctx.search });
    if (issue) return { kind: 'error', code: issue.code, message: issue.message, language, toolCalls: log.calls };
    const settled = await settleUnplaced(prompt, unplaced, definition, { ...ctx, msgs, catalog: ctx.catalog });
    if (settled.kind === 'ask') return { kind: 'clarify', question: settled.question, language, toolCalls: log.calls };
    if (settled.kind === 'reread') return reread(settled);
    // Decided when a visitor arrives, a live audience has no members to count yet.
    const live = allLeaves(definition).some((leaf) => leaf.type === 'context' || (leaf.type === 'trait' && isVisitorOnlyTrait(index.trait(leaf.trait))));
    const empty = live ? undefined : await settleEmpty(prompt, definition, { ...ctx, msgs, currency: ctx.catalog.workspace.currency });
    if (empty?.kind === 'ask') return { kind: 'clarify', question: empty.question, language, toolCalls: log.calls };
    if (empty?.kind === 'reread') return reread(empty);
    const kept = empty?.definition ?? definition;
    return { kind: 'definition', definition: kept, language, notUnderstood, ...(readAs.length ? { readAs } : {}), toolCalls: log.calls };
  }
}

/** How far back a definition reaches, in days: its windows and recency amounts. */
function longestReach(def: AudienceDefinition, now: Date): number {
  let reach = 0;
  for (const leaf of allLeaves(def)) {
    if ((leaf.type === 'event' || leaf.type === 'aggregate') && leaf.window) reach = Math.max(reach, windowReachDays(leaf.window, now));
    if (leaf.type === 'recency' && leaf.op !== 'never') reach = Math.max(reach, leaf.amount * UNIT_DAYS[leaf.unit]);
  }
  return reach;
}
