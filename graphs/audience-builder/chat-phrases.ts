/** What the conversation says as chat messages (drafts, saves, answers), in its language. */
import type { Language } from '../../src/interpreter/types.js';

export interface ChatPhrases {
  draftIntro: (live: boolean) => string;
  /** `size`, `total` and `percent` are already formatted. */
  size: (size: string, total: string, percent: string) => string;
  reach: (channels: string) => string;
  notUnderstood: (parts: string) => string;
  confirmHint: string;
  saved: (name: string) => string;
  savedLive: (name: string, duration: string) => string;
  /** The user's side of an "apply" sent as a button, with or without a name. */
  apply: (name?: string) => string;
  edit: string;
}

const CHAT: Record<Language, ChatPhrases> = {
  en: {
    draftIntro: (live) => (live ? 'Here is the live audience:' : 'Here is the audience:'),
    size: (n, total, pct) => `${n} of ${total} profiles (${pct}).`,
    reach: (c) => `Reachable: ${c}.`,
    notUnderstood: (p) => `Not used: ${p}.`,
    confirmHint: 'Say "apply" to save it, or tell me what to change.',
    saved: (name) => `Saved "${name}".`,
    savedLive: (name, d) => `Saved the live audience "${name}" at the top of the order; visitors stay in for ${d.toLowerCase()}.`,
    apply: (name) => (name ? `Apply as "${name}"` : 'Apply'),
    edit: 'Edit',
  },
  ja: {
    draftIntro: (live) => (live ? 'ライブオーディエンスの案です：' : 'オーディエンスの案です：'),
    size: (n, total, pct) => `${total} 件中 ${n} 件のプロフィール（${pct}）。`,
    reach: (c) => `到達可能：${c}。`,
    notUnderstood: (p) => `反映できなかった語：${p}。`,
    confirmHint: '「適用」で保存するか、変更したい点を入力してください。',
    saved: (name) => `「${name}」を保存しました。`,
    savedLive: (name, d) => `ライブオーディエンス「${name}」を順序の先頭に保存しました。期間：${d}。`,
    apply: (name) => (name ? `「${name}」として適用` : '適用'),
    edit: '編集',
  },
  'zh-TW': {
    draftIntro: (live) => (live ? '即時受眾草稿：' : '受眾草稿：'),
    size: (n, total, pct) => `${total} 位用戶中的 ${n} 位（${pct}）。`,
    reach: (c) => `可觸及：${c}。`,
    notUnderstood: (p) => `未採用：${p}。`,
    confirmHint: '回覆「套用」即可保存，或告訴我要修改什麼。',
    saved: (name) => `已保存「${name}」。`,
    savedLive: (name, d) => `已將即時受眾「${name}」保存在順序最前面；期間：${d}。`,
    apply: (name) => (name ? `以「${name}」套用` : '套用'),
    edit: '編輯',
  },
  th: {
    draftIntro: (live) => (live ? 'ร่างกลุ่มเป้าหมายแบบเรียลไทม์:' : 'ร่างกลุ่มเป้าหมาย:'),
    size: (n, total, pct) => `${n} จาก ${total} โปรไฟล์ (${pct})`,
    reach: (c) => `เข้าถึงได้: ${c}`,
    notUnderstood: (p) => `ส่วนที่ไม่ได้ใช้: ${p}`,
    confirmHint: 'ตอบ "ใช้" เพื่อบันทึก หรือบอกว่าต้องการเปลี่ยนอะไร',
    saved: (name) => `บันทึก "${name}" แล้ว`,
    savedLive: (name, d) => `บันทึกกลุ่มเป้าหมายแบบเรียลไทม์ "${name}" ไว้ลำดับแรกแล้ว ระยะเวลา: ${d}`,
    apply: (name) => (name ? `ใช้เป็น "${name}"` : 'ใช้'),
    edit: 'แก้ไข',
  },
};

export function chatPhrases(language: Language): ChatPhrases {
  return CHAT[language] ?? CHAT.en;
}
