/**
 * The LLM interpreter: a chat model with the catalog tools bound, looping tool calls until it
 * finishes with a definition, a question or a refusal, within a step cap that ends in a
 * question. The model sees the catalog, aggregates and the redacted description, never a
 * profile row.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { ToolCall } from '@langchain/core/messages/tool';
import type { StructuredToolInterface } from '@langchain/core/tools';
import { createCatalogTools, type ToolArtifact } from '../../../tools/index.js';
import type { Interpretation, Interpreter, InterpreterContext, ToolCallRecord } from '../types.js';
import { answerToolDefinitions } from './answer-tools.js';
import { callModel, isStreaming } from './call-model.js';
import { catalogBrief } from './catalog-brief.js';
import { createChatModel, isModelConfig, type LlmModelConfig } from './chat-model.js';
import { detectLanguage } from '../offline/language.js';
import { finishFromCall } from './finish.js';
import { redactPii } from './redact-pii.js';
import { stepCapQuestion } from './step-cap-question.js';
import { ANSWER_TOOLS, systemPrompt } from './system-prompt.js';
import { userMessage } from './user-message.js';

export const LLM_UNAVAILABLE_MESSAGE = 'Something went wrong. Try again later.';
export const DEFAULT_MAX_STEPS = 8;

export interface LlmInterpreterOptions {
  /** A chat model that supports tool calling, or the settings of an OpenAI-compatible endpoint. */
  model: BaseChatModel | LlmModelConfig;
  /** Model calls per interpretation before giving up with a clarifying question. */
  maxSteps?: number;
  /** Answers instead when the model fails (typically the offline interpreter). */
  fallback?: Interpreter;
}

const NUDGE = `Finish by calling ${ANSWER_TOOLS.submit}, ${ANSWER_TOOLS.ask} or ${ANSWER_TOOLS.refuse}.`;

export function createLlmInterpreter(options: LlmInterpreterOptions): Interpreter {
  const model = isModelConfig(options.model) ? createChatModel(options.model) : options.model;
  const maxSteps = Math.max(1, options.maxSteps ?? DEFAULT_MAX_STEPS);
  if (typeof model.bindTools !== 'function') throw new Error('The LLM interpreter needs a chat model that supports tool calling.');
  const streaming = isStreaming(model);

  async function interpret(prompt: string, ctx: InterpreterContext): Promise<Interpretation> {
    const language = detectLanguage(prompt);
    const toolCalls: ToolCallRecord[] = [];
    const record = (r: ToolCallRecord) => {
      toolCalls.push(r);
      ctx.onToolCall?.(r);
    };
    const tools: StructuredToolInterface[] = createCatalogTools({ catalog: ctx.catalog, search: ctx.search, engine: ctx.engine, now: ctx.now });
    const byName = new Map(tools.map((t) => [t.name, t]));
    const bound = model.bindTools!([...tools, ...answerToolDefinitions()]);
    const messages: BaseMessage[] = [
      new SystemMessage(`${systemPrompt(ctx.catalog)}\n\n${catalogBrief(ctx.catalog, ctx.now)}`),
      new HumanMessage(userMessage(prompt, ctx.current, ctx.answers)),
    ];

    for (let step = 0; step < maxSteps; step++) {
      let reply: AIMessage;
      try {
        reply = await callModel(bound, messages, { streaming, signal: ctx.signal });
      } catch (err) {
        if (ctx.signal?.aborted) throw err;
        if (options.fallback) {
          const fallback = await options.fallback.interpret(prompt, ctx);
          return { ...fallback, toolCalls: [...toolCalls, ...fallback.toolCalls] };
        }
        return { kind: 'error', code: 'llm_unavailable', message: LLM_UNAVAILABLE_MESSAGE, language, toolCalls };
      }
      const calls = (reply.tool_calls ?? []).map((c, i) => ({ ...c, id: c.id || `call_${step}_${i}` }));
      // Tool results must name the call they answer, so calls without an id get one here too.
      messages.push(calls.every((c, i) => c.id === reply.tool_calls?.[i]?.id) ? reply : new AIMessage({ content: reply.content, tool_calls: calls }));
      if (!calls.length) {
        messages.push(new HumanMessage(NUDGE));
        continue;
      }
      for (const call of calls) {
        const answer = finishFromCall(call, { catalog: ctx.catalog, now: ctx.now, language });
        if (answer?.kind === 'final') return { ...answer.interpretation, toolCalls } as Interpretation;
        if (answer?.kind === 'retry') messages.push(new ToolMessage({ content: redactPii(answer.feedback), tool_call_id: call.id, name: call.name }));
        else messages.push(await runCatalogTool(byName, call, record));
      }
    }
    return { kind: 'clarify', question: stepCapQuestion(prompt, ctx.search, language), language, toolCalls };
  }

  return { name: 'llm', interpret };
}

async function runCatalogTool(
  byName: Map<string, StructuredToolInterface>,
  call: ToolCall & { id: string },
  record: (r: ToolCallRecord) => void,
): Promise<ToolMessage> {
  const tool = byName.get(call.name);
  if (!tool) {
    return new ToolMessage({ content: `Error: there is no tool named ${call.name}.`, tool_call_id: call.id, name: call.name });
  }
  try {
    const result = (await tool.invoke({ ...call, type: 'tool_call' })) as ToolMessage;
    const artifact = result.artifact as ToolArtifact | undefined;
    record({ tool: call.name, input: call.args, summary: artifact?.summary ?? call.name });
    const content = typeof result.content === 'string' ? result.content : JSON.stringify(result.content);
    return new ToolMessage({ content: redactPii(content), tool_call_id: call.id, name: call.name });
  } catch (err) {
    // Arguments that do not fit the tool's schema: tell the model, it can call again.
    const reason = err instanceof Error ? err.message.slice(0, 500) : 'invalid arguments';
    return new ToolMessage({ content: redactPii(`Error: ${reason}`), tool_call_id: call.id, name: call.name });
  }
}

