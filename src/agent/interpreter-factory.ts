/** The interpreter the configuration asks for: offline by default, an LLM when one is configured. */
import type { Config } from '../config/env.js';
import { AppError } from '../errors.js';
import type { Interpreter } from '../interpreter/types.js';
import { createOfflineInterpreter } from '../interpreter/offline/index.js';
import { createLlmInterpreter } from '../interpreter/llm/index.js';

export function createInterpreter(config: Pick<Config, 'interpreter' | 'llm'>, opts: { streaming?: boolean } = {}): Interpreter {
  const offline = createOfflineInterpreter();
  if (config.interpreter === 'offline') return offline;
  const { apiKey, baseURL, model, timeoutMs, maxReplyBytes, fallbackToOffline } = config.llm;
  if (!apiKey && !baseURL) throw new AppError('invalid_input', 'The LLM interpreter needs OPENAI_API_KEY or OPENAI_BASE_URL.');
  return createLlmInterpreter({
    model: { apiKey, baseURL, model, timeoutMs, maxReplyBytes, ...(opts.streaming ? { streaming: true } : {}) },
    ...(fallbackToOffline ? { fallback: offline } : {}),
  });
}
