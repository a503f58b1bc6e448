/** The few sentences the graph itself says, in the language of the conversation. */
import type { Language } from '../../src/interpreter/types.js';

interface Phrases {
  keepInGlossary: (term: string, meaning: string) => string;
  keepYes: string;
  keepNo: string;
  whatToChange: string;
  tooManyQuestions: string;
}

const PHRASES: Record<Language, Phrases> = {
  en: {
    keepInGlossary: (t, m) => `Keep "${t}" as "${m}" in the workspace glossary, so the next request using it needs no question?`,
    keepYes: 'Yes, keep it',
    keepNo: 'No, just this time',
    whatToChange: 'What should change?',
    tooManyQuestions: 'I still cannot pin this audience down. Describe it with numbers or names from your data and try again.',
  },
  ja: {
    keepInGlossary: (t, m) => `「${t}」を「${m}」としてワークスペースの用語集に保存しますか？次回から質問なしで使えます。`,
    keepYes: 'はい、保存します',
    keepNo: 'いいえ、今回だけ',
    whatToChange: '何を変更しますか？',
    tooManyQuestions: 'まだオーディエンスを特定できません。データ上の数値や名前で説明して、もう一度お試しください。',
  },
  'zh-TW': {
    keepInGlossary: (t, m) => `要把「${t}」以「${m}」的意思存進工作區詞彙表，下次使用時就不必再問嗎？`,
    keepYes: '好，保存',
    keepNo: '不用，只有這次',
    whatToChange: '要修改什麼？',
    tooManyQuestions: '我仍無法確定這個受眾。請用資料中的數字或名稱描述後再試一次。',
  },
  th: {
    keepInGlossary: (t, m) => `บันทึก "${t}" ว่าหมายถึง "${m}" ในอภิธานศัพท์ของเวิร์กสเปซ เพื่อครั้งหน้าไม่ต้องถามอีกไหม`,
    keepYes: 'ใช่ บันทึกไว้',
    keepNo: 'ไม่ เฉพาะครั้งนี้',
    whatToChange: 'ต้องการเปลี่ยนอะไร',
    tooManyQuestions: 'ยังระบุกลุ่มเป้าหมายนี้ไม่ได้ โปรดอธิบายด้วยตัวเลขหรือชื่อในข้อมูลของคุณแล้วลองอีกครั้ง',
  },
};

export function phrases(language: Language): Phrases {
  return PHRASES[language];
}
