/** The interpreter the configuration asks for: offline by default, an LLM when one is configured. */
import type { Config } from '../config/env.js';
import type { Interpreter } from '../interpreter/types.js';
import { createOfflineInterpreter } from '../interpreter/offline/index.js';
import { createLlmInterpreter } from '../interpreter/llm/index.js';

export function createInterpreter(config: Pick<Config, 'interpreter' | 'llm'>): Interpreter {
  if (config.interpreter === 'offline') return createOfflineInterpreter();
  const { apiKey, baseURL, model, timeoutMs, fallbackToOffline } = config.llm;
  return createLlmInterpreter({
    model: { apiKey, baseURL, model, timeoutMs },
    ...(fallbackToOffline ? { fallback: createOfflineInterpreter() } : {}),
  });
}
