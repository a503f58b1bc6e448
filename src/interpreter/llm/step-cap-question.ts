/**
 * What the user gets when the model ran out of steps without an answer: a question, not a
 * guess, with the catalog names the description most likely meant as options.
 */
import type { CatalogSearch } from '../../catalog/types.js';
import type { ClarifyingQuestion, Language } from '../types.js';

const TEXT: Record<Language, { question: string; other: string }> = {
  en: { question: 'I could not pin this audience down. Which of these should it be based on?', other: 'Let me describe it differently' },
  ja: { question: 'このオーディエンスを特定できませんでした。どれを基準にしますか？', other: '別の言い方で説明します' },
  'zh-TW': { question: '我無法確定這個受眾。要以哪一項為基準？', other: '讓我換個方式描述' },
  th: { question: 'ยังระบุกลุ่มเป้าหมายนี้ไม่ได้ ควรอ้างอิงจากข้อใด', other: 'ขอฉันอธิบายใหม่' },
};

export function stepCapQuestion(prompt: string, search: CatalogSearch, language: Language): ClarifyingQuestion {
  const hits = search.search(prompt, { kinds: ['event', 'trait', 'list', 'tag'], limit: 6 });
  const names = [...new Set(hits.map((h) => h.name))].slice(0, 3);
  // No single word is in doubt: an empty term keeps the answer out of the glossary offer.
  return { term: '', text: TEXT[language].question, options: [...names, TEXT[language].other] };
}
