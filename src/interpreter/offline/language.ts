/** Which language a prompt is written in, by its script. */
import type { Language } from '../types.js';

export function detectLanguage(text: string): Language {
  if (/[\u0e00-\u0e7f]/.test(text)) return 'th';
  if (/[\u3040-\u30ff\u31f0-\u31ff]/.test(text)) return 'ja';
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 'zh-TW';
  return 'en';
}
