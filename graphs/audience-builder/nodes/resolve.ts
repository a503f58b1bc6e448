/**
 * Resolve: the interpreter maps the request to the catalog through its tools and answers with
 * a definition, a question or an error. The lookups stream out as they happen. Traits visitors
 * recorded about themselves are in the catalog it reads, like any profile trait.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { AppError, ERROR_CODES, toAppError } from '../../../src/errors.js';
import { withSavedGlossary } from '../../../src/glossary/merge-glossary.js';
import type { Interpretation, ToolCallRecord } from '../../../src/interpreter/types.js';
import { catalogWithVisitorTraits } from '../../../src/live/interpreter-catalog.js';
import { ensureConfiguration, type AudienceBuilderConfiguration } from '../configuration.js';
import { recordedVisitorTraits } from '../live-draft.js';
import { agentSays, questionText } from '../conversation.js';
import { phrases } from '../phrases.js';
import { emitProgress, emitToolCall } from '../progress.js';
import { errorUpdate } from '../turn-error.js';
import type { AudienceBuilderStateType, AudienceBuilderUpdate } from '../state.js';

/** Saved glossary meanings count as answers the user already gave. */
async function savedMeanings(cfg: AudienceBuilderConfiguration) {
  const saved = cfg.glossary ? await cfg.glossary.list(cfg.workspaceId) : [];
  return { saved, answers: Object.fromEntries(saved.map((e) => [e.term, e.meaning])) };
}

export function interpretationUpdate(result: Interpretation, state: AudienceBuilderStateType): AudienceBuilderUpdate {
  const toolCalls = [...state.toolCalls, ...result.toolCalls];
  switch (result.kind) {
    case 'definition':
      return { proposal: { definition: result.definition, notUnderstood: result.notUnderstood, ...(result.readAs ? { readAs: result.readAs } : {}) }, question: null, error: null, toolCalls, status: 'drafting' };
    case 'clarify':
      return { question: result.question, proposal: null, error: null, toolCalls, status: 'clarifying', messages: [agentSays(questionText(result.question.text, result.question.options))] };
    case 'error':
      return {
        error: { code: result.code, message: result.message, retryable: ERROR_CODES[result.code].retryable, ...(result.suggestions?.length ? { suggestions: result.suggestions } : {}) },
        proposal: null, question: null, toolCalls, status: 'error', messages: [agentSays(result.message)],
      };
  }
}

export async function resolveNode(state: AudienceBuilderStateType, config: LangGraphRunnableConfig): Promise<AudienceBuilderUpdate> {
  const cfg = ensureConfiguration(config);
  emitProgress(config, 'resolve', 15, 'Looking up events…');
  const [{ saved, answers }, visitorTraits] = await Promise.all([savedMeanings(cfg), recordedVisitorTraits(cfg)]);
  const known = catalogWithVisitorTraits(cfg.catalog, cfg.search, visitorTraits);
  let lookups = 0;
  const onToolCall = (call: ToolCallRecord) => {
    lookups++;
    emitToolCall(config, call);
    emitProgress(config, 'resolve', Math.min(55, 15 + lookups * 5), 'Looking up events…');
  };
  let result: Interpretation;
  try {
    result = await cfg.interpreter.interpret(state.prompt, {
    catalog: withSavedGlossary(known.catalog, saved),
    search: known.search,
    engine: cfg.engine,
    now: cfg.now,
    ...(state.mode === 'refine' && state.currentDraft ? { current: state.currentDraft.definition } : {}),
    answers: { ...answers, ...state.answers },
    onToolCall,
    ...(config.signal ? { signal: config.signal } : {}),
    });
  } catch (err) {
    if (config.signal?.aborted) throw err;
    return errorUpdate(toAppError(err), state.toolCalls);
  }
  // An interpreter that only reports its lookups at the end still gets them shown.
  if (!lookups) result.toolCalls.forEach((call) => emitToolCall(config, call));
  if (result.kind === 'clarify' && state.clarifyRounds >= cfg.maxClarifyRounds) {
    return errorUpdate(new AppError('invalid_prompt', phrases(state.language).tooManyQuestions), [...state.toolCalls, ...result.toolCalls]);
  }
  return interpretationUpdate(result, state);
}
