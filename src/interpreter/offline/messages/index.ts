import type { Language } from '../../types.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { th } from './th.js';
import type { Messages } from './types.js';
import { zhTw } from './zh-tw.js';

const BY_LANGUAGE: Record<Language, Messages> = { en, 'zh-TW': zhTw, ja, th };

export function messagesFor(language: Language): Messages {
  return BY_LANGUAGE[language];
}
