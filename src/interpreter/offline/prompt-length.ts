/**
 * The product's limits on a description: 20 to 300 characters, or 8 to 300 for Chinese or
 * Japanese text (a few characters say as much as a sentence). Shared with the graph's intake.
 */
import { messagesFor } from './messages/index.js';
import { detectLanguage } from './language.js';

export const PROMPT_LIMITS = { min: 20, minCjk: 8, minRefinement: 2, max: 300 } as const;

export type PromptLengthCheck = { ok: true } | { ok: false; code: 'invalid_prompt'; message: string };

/**
 * `refinement`: a follow-up to a draft ("only gold members") may be short; only the upper
 * limit (and something to read) applies.
 */
export function checkPromptLength(prompt: string, opts: { refinement?: boolean } = {}): PromptLengthCheck {
  const text = prompt.trim();
  const length = [...text].length;
  const language = detectLanguage(text);
  const cjk = language === 'zh-TW' || language === 'ja';
  const min = opts.refinement ? PROMPT_LIMITS.minRefinement : cjk ? PROMPT_LIMITS.minCjk : PROMPT_LIMITS.min;
  if (length >= min && length <= PROMPT_LIMITS.max) return { ok: true };
  return { ok: false, code: 'invalid_prompt', message: messagesFor(language).promptLength(min, PROMPT_LIMITS.max, length) };
}
