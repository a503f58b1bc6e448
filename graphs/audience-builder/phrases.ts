/** The few sentences the graph itself says, in the language of the conversation. */
import type { Language } from '../../src/interpreter/types.js';
import type { MembershipDuration } from '../../src/live/types.js';

interface Phrases {
  keepInGlossary: (term: string, meaning: string) => string;
  keepYes: string;
  keepNo: string;
  whatToChange: string;
  tooManyQuestions: string;
  /** What a live draft's size means: `count` is already formatted. */
  liveNote: (count: string) => string;
  duration: (d: MembershipDuration) => string;
  /** Applying a live draft where no live audiences are kept (the CLI). */
  noLiveStore: string;
}

const LOCALES: Record<Language, string> = { en: 'en-US', ja: 'ja-JP', 'zh-TW': 'zh-TW', th: 'th-TH' };

const PHRASES: Record<Language, Phrases> = {
  en: {
    keepInGlossary: (t, m) => `Keep "${t}" as "${m}" in the workspace glossary, so the next request using it needs no question?`,
    keepYes: 'Yes, keep it',
    keepNo: 'No, just this time',
    whatToChange: 'What should change?',
    tooManyQuestions: 'I still cannot pin this audience down. Describe it with numbers or names from your data and try again.',
    liveNote: (n) => `Live audience: evaluated when a visitor arrives; up to ${n} known profiles could match.`,
    duration: (d) => (d.unit === 'session' ? 'This session' : `${d.amount} ${d.amount === 1 ? d.unit.slice(0, -1) : d.unit}`),
    noLiveStore: 'This audience depends on the visit (device, page, campaign), and live audiences are not kept here. Save it through the service.',
  },
  ja: {
    keepInGlossary: (t, m) => `「${t}」を「${m}」としてワークスペースの用語集に保存しますか？次回から質問なしで使えます。`,
    keepYes: 'はい、保存します',
    keepNo: 'いいえ、今回だけ',
    whatToChange: '何を変更しますか？',
    tooManyQuestions: 'まだオーディエンスを特定できません。データ上の数値や名前で説明して、もう一度お試しください。',
    liveNote: (n) => `ライブオーディエンス：訪問者が来たときに判定されます。該当しうる既知のプロフィールは最大 ${n} 件です。`,
    duration: (d) => (d.unit === 'session' ? 'このセッション' : `${d.amount}${{ hours: '時間', days: '日間', weeks: '週間' }[d.unit]}`),
    noLiveStore: 'このオーディエンスは訪問（デバイス、ページ、キャンペーン）によって決まりますが、ここではライブオーディエンスを保存できません。サービスから保存してください。',
  },
  'zh-TW': {
    keepInGlossary: (t, m) => `要把「${t}」以「${m}」的意思存進工作區詞彙表，下次使用時就不必再問嗎？`,
    keepYes: '好，保存',
    keepNo: '不用，只有這次',
    whatToChange: '要修改什麼？',
    tooManyQuestions: '我仍無法確定這個受眾。請用資料中的數字或名稱描述後再試一次。',
    liveNote: (n) => `即時受眾：在訪客到訪時判定；最多 ${n} 位已知用戶可能符合。`,
    duration: (d) => (d.unit === 'session' ? '本次工作階段' : `${d.amount} ${{ hours: '小時', days: '天', weeks: '週' }[d.unit]}`),
    noLiveStore: '這個受眾取決於造訪（裝置、頁面、活動），但這裡無法保存即時受眾。請透過服務保存。',
  },
  th: {
    keepInGlossary: (t, m) => `บันทึก "${t}" ว่าหมายถึง "${m}" ในอภิธานศัพท์ของเวิร์กสเปซ เพื่อครั้งหน้าไม่ต้องถามอีกไหม`,
    keepYes: 'ใช่ บันทึกไว้',
    keepNo: 'ไม่ เฉพาะครั้งนี้',
    whatToChange: 'ต้องการเปลี่ยนอะไร',
    tooManyQuestions: 'ยังระบุกลุ่มเป้าหมายนี้ไม่ได้ โปรดอธิบายด้วยตัวเลขหรือชื่อในข้อมูลของคุณแล้วลองอีกครั้ง',
    liveNote: (n) => `กลุ่มเป้าหมายแบบเรียลไทม์: ประเมินเมื่อผู้เยี่ยมชมเข้ามา โปรไฟล์ที่รู้จักที่อาจตรงเงื่อนไขได้สูงสุด ${n} รายการ`,
    duration: (d) => (d.unit === 'session' ? 'เซสชันนี้' : `${d.amount} ${{ hours: 'ชั่วโมง', days: 'วัน', weeks: 'สัปดาห์' }[d.unit]}`),
    noLiveStore: 'กลุ่มเป้าหมายนี้ขึ้นกับการเข้าชม (อุปกรณ์ หน้า แคมเปญ) และที่นี่เก็บกลุ่มเป้าหมายแบบเรียลไทม์ไม่ได้ โปรดบันทึกผ่านบริการ',
  },
};

export function phrases(language: Language): Phrases {
  return PHRASES[language];
}

export function formatCount(n: number, language: Language): string {
  return n.toLocaleString(LOCALES[language]);
}

/** A share (0–1) as a percentage with at most one decimal. */
export function formatShare(share: number, language: Language): string {
  return share.toLocaleString(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 });
}
