/**
 * Requests in Chinese, Japanese and Thai are segmented and read word by word into the English
 * the parser reads (read-cjk.ts); English gets its idioms spelled out ("window shoppers").
 */
import type { Language } from '../../types.js';
import { rewriteEnglish } from './en.js';
import { cjkToEnglish } from './read-cjk.js';

export function toParserEnglish(text: string, language: Language): string {
  return rewriteEnglish(language === 'en' ? text : cjkToEnglish(text, language));
}
