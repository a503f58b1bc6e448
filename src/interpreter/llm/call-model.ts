/**
 * One model turn. A streaming model is read with stream() and its chunks joined here: through
 * invoke(), ChatOpenAI with `streaming: true` estimates token counts with tiktoken, whose
 * encodings it fetches from the internet, and hangs on a machine that cannot reach it (a local
 * vLLM or Ollama behind a firewall).
 */
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import type { Runnable } from '@langchain/core/runnables';

export type BoundModel = Runnable<BaseLanguageModelInput, AIMessageChunk>;

export async function callModel(model: BoundModel, messages: BaseMessage[], opts: { streaming: boolean; signal?: AbortSignal }): Promise<AIMessage> {
  if (!opts.streaming) return (await model.invoke(messages, { signal: opts.signal })) as AIMessage;
  let joined: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(messages, { signal: opts.signal })) {
    joined = joined ? joined.concat(chunk) : chunk;
  }
  if (!joined) throw new Error('The model stream ended without a message.');
  return new AIMessage({
    content: joined.content,
    tool_calls: joined.tool_calls ?? [],
    invalid_tool_calls: joined.invalid_tool_calls ?? [],
    ...(joined.id ? { id: joined.id } : {}),
    response_metadata: joined.response_metadata,
    ...(joined.usage_metadata ? { usage_metadata: joined.usage_metadata } : {}),
  });
}

/** Whether a chat model was set up to stream (ChatOpenAI's `streaming` flag). */
export function isStreaming(model: unknown): boolean {
  return (model as { streaming?: unknown }).streaming === true;
}
