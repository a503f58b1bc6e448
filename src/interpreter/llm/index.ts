export { createLlmInterpreter, DEFAULT_MAX_STEPS, LLM_UNAVAILABLE_MESSAGE, type LlmInterpreterOptions } from './llm-interpreter.js';
export { createChatModel, type LlmModelConfig } from './chat-model.js';
export { redactPii, EMAIL_PLACEHOLDER, PHONE_PLACEHOLDER } from './redact-pii.js';
export { catalogBrief } from './catalog-brief.js';
