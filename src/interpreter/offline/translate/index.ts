/**
 * Requests in Traditional Chinese, Japanese and Thai are rewritten phrase by phrase into the
 * English the parser reads; English gets its idioms spelled out ("window shoppers").
 */
import type { Language } from '../../types.js';
import { rewriteEnglish } from './en.js';
import { jaToEnglish } from './ja.js';
import { thToEnglish } from './th.js';
import { zhTwToEnglish } from './zh-tw.js';

export function toParserEnglish(text: string, language: Language): string {
  switch (language) {
    case 'en': return rewriteEnglish(text);
    case 'zh-TW': return rewriteEnglish(zhTwToEnglish(text));
    case 'ja': return rewriteEnglish(jaToEnglish(text));
    case 'th': return rewriteEnglish(thToEnglish(text));
  }
}
