/**
 * The offline interpreter: a deterministic parser from a marketer's description to an audience
 * definition, a clarifying question, or an error. No model, no network: the product's default.
 */
import type { Interpreter } from '../types.js';
import { interpretOffline } from './interpret.js';

export { checkPromptLength, PROMPT_LIMITS, type PromptLengthCheck } from './prompt-length.js';
export { isRefinement } from './refinement.js';
export { detectLanguage } from './language.js';

export function createOfflineInterpreter(): Interpreter {
  return {
    name: 'offline',
    interpret: (prompt, ctx) => interpretOffline(prompt, ctx),
  };
}
