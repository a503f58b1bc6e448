/** Applying an ordered list of rewrite rules, and numbers written in CJK or Thai digits. */

export type Rule = [RegExp, string];

export function applyRules(text: string, rules: readonly Rule[]): string {
  return rules.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

const CJK_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 萬: 10000, 万: 10000 };

/** "三十" → 30, "一百八十" → 180, "十五" → 15. */
export function cjkNumber(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in CJK_DIGITS) digit = CJK_DIGITS[ch];
    else if (ch in CJK_UNITS) {
      const unit = CJK_UNITS[ch]!;
      if (unit === 10000) {
        total += (section + (digit ?? 0)) * unit;
        section = 0;
      } else section += (digit ?? 1) * unit;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** Replaces CJK numerals that stand next to a counter word with digits. */
export function cjkNumeralsToDigits(text: string): string {
  return text.replace(/[零〇一二兩两三四五六七八九十百千萬万]+(?=\s*(?:天|日|週|周|個|ヶ|か月|カ月|ヵ月|ケ月|月|年|次|回|歲|歳|筆|件|星|つ星|元|美元|ドル|人|位|代|個月|週間|日間|年間|小時|時間))/g, (m) => {
    // "一度も" (never) and "一些" are words, not numbers.
    const n = cjkNumber(m);
    return n === undefined ? m : String(n);
  });
}

export function thaiDigitsToAscii(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** "のAndroid" → "の Android": Latin words inside CJK text stand apart, so rules and glue see them. */
export function spaceLatinWords(text: string): string {
  return text
    .replace(/([\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f])([A-Za-z$])/g, '$1 $2')
    .replace(/([A-Za-z0-9])([\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f])/g, '$1 $2');
}
