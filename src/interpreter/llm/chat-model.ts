/**
 * The chat model behind the LLM interpreter: any OpenAI-compatible endpoint (OpenAI, vLLM,
 * Ollama, LM Studio) through ChatOpenAI, or a model the caller built.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import { boundedFetch } from '../../http/bounded-fetch.js';

export interface LlmModelConfig {
  /** Needed by OpenAI; local servers (vLLM, Ollama, LM Studio) usually take any key. */
  apiKey?: string;
  /** e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 */
  baseURL?: string;
  model: string;
  /** Per request, from sending it to the last byte of the reply (a trickling stream is cut too). */
  timeoutMs?: number;
  /** Bytes of one reply read at most; a larger one fails the request. */
  maxReplyBytes?: number;
  /** Retries of a failed request (the client's own backoff). */
  maxRetries?: number;
  /** Stream tokens (lets a graph stream them to a client in `messages` mode). */
  streaming?: boolean;
  temperature?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** A reply with tool calls is a few KB; far more is a model (or a server) gone wrong. */
export const DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_RETRIES = 2;

/** Sent when a self-hosted endpoint needs no key: the client refuses to start without one. */
const KEYLESS = 'not-needed';

export function createChatModel(config: LlmModelConfig): BaseChatModel {
  if (!config.apiKey && !config.baseURL) throw new Error('The LLM interpreter needs an API key (OPENAI_API_KEY) or the base URL of a self-hosted endpoint.');
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetch = boundedFetch({ deadlineMs: timeout, maxResponseBytes: config.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES });
  return new ChatOpenAI({
    model: config.model,
    apiKey: config.apiKey || KEYLESS,
    configuration: { ...(config.baseURL ? { baseURL: config.baseURL } : {}), fetch },
    timeout,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    streaming: config.streaming ?? false,
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
  });
}

export function isModelConfig(value: BaseChatModel | LlmModelConfig): value is LlmModelConfig {
  return typeof (value as LlmModelConfig).model === 'string' && typeof (value as BaseChatModel).invoke !== 'function';
}
