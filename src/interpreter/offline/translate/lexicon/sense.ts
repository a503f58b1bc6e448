/**
 * A sense: one meaning, the English the parser reads for it, and the words Chinese (simplified
 * and traditional), Japanese and Thai use for it. Words are listed space-separated; a word may
 * span several segments ("加入购物车") and is matched on segment boundaries.
 */
export type Unit = 'days' | 'weeks' | 'months' | 'years';
export type Comparison = 'more than' | 'at least' | 'less than' | 'at most';

/** What a word does in a quantity or a time phrase, read by phrases.ts. */
export type Role =
  | { kind: 'unit'; unit: Unit }
  | { kind: 'duration'; amount: number; unit: Unit } // 半年, 一年, สัปดาห์
  | { kind: 'past' } // 過去, 最近, ที่ผ่านมา: the duration next to it is a window
  | { kind: 'within' } // 以内, 內, ภายใน
  | { kind: 'ago' } // 以前, ที่แล้ว
  | { kind: 'before' } // 前 in Chinese: a window before a duration (前30天), ago after it (30天前)
  | { kind: 'compare'; op: Comparison }
  | { kind: 'times' } // 回, 次, ครั้ง
  | { kind: 'counter' } // 本, 件, 個, 篇: counts things, says nothing itself
  | { kind: 'counted' } // 星: said after its number, "4 stars"
  | { kind: 'money' } // ドル, 美元
  | { kind: 'age' } // 歳, 岁
  | { kind: 'age-prefix' } // อายุ
  | { kind: 'postposed' } // said after what it applies to (日本以外): read before it
  | { kind: 'but-after-verb' }; // が: "but" after a verb (追加したが), the subject after a noun

export interface Sense {
  /** The parser English; '' for words that carry only grammar ("的", "の", "ที่"). */
  en: string;
  zh?: string;
  ja?: string;
  th?: string;
  role?: Role;
}

export const sense = (en: string, words: Omit<Sense, 'en'>): Sense => ({ en, ...words });
