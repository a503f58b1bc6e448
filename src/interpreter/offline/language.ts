/**
 * Which language a prompt is written in: Thai, Japanese and Chinese by their scripts; a text in
 * Latin script is English unless most of its words are no English word and franc (trigram
 * language identification) names another language ("socios que reservaron…" is Spanish), which
 * the product does not read.
 */
import { franc } from 'franc-min';
import type { Language } from '../types.js';
import { isEnglishWord } from './text/spelling.js';

export function detectLanguage(text: string): Language {
  if (/[\u0e00-\u0e7f]/.test(text)) return 'th';
  if (/[\u3040-\u30ff\u31f0-\u31ff]/.test(text)) return 'ja';
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 'zh-TW';
  return 'en';
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** ISO 639-3 codes franc returns → the BCP 47 code Intl names. */
const TWO_LETTER: Record<string, string> = {
  spa: 'es', deu: 'de', fra: 'fr', por: 'pt', ita: 'it', nld: 'nl', swe: 'sv', dan: 'da', nob: 'nb', pol: 'pl', ces: 'cs', tur: 'tr',
  ron: 'ro', hun: 'hu', fin: 'fi', ind: 'id', vie: 'vi', tgl: 'tl', hrv: 'hr', slk: 'sk', slv: 'sl', cat: 'ca', zlm: 'ms', msa: 'ms',
};

/**
 * The name of the language a Latin-script prompt is written in when it is not English; undefined
 * for English however messy ("ppl who havent bought in 30d"), and for anything too short to tell.
 * `known`: words of the workspace, which count as understood whatever their language.
 */
export function unreadLanguage(text: string, known: (word: string) => boolean = () => false): string | undefined {
  if (detectLanguage(text) !== 'en') return undefined;
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  if (words.length < 3) return undefined;
  const english = words.filter((w) => isEnglishWord(w) || known(w.toLowerCase())).length;
  if (english / words.length >= 0.5) return undefined;
  const code = franc(text, { minLength: 10 });
  if (code === 'eng' || code === 'und' || code === 'sco') return undefined;
  return LANGUAGE_NAMES.of(TWO_LETTER[code] ?? code) ?? code;
}
