/** Numbers written in Chinese/Japanese numerals, Thai digits or full-width digits, as ASCII digits. */

const CJK_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 萬: 10000, 万: 10000 };

/** "三十" → 30, "一百八十" → 180, "十五" → 15; undefined when the text is not a numeral. */
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

/**
 * A numeral counts only before a counter or unit ("三十天", "二週間", "5本"): "一度も" (never),
 * "一下" and "一些" are words, not numbers.
 */
const COUNTED = /[零〇一二兩两三四五六七八九十百千萬万]+(?=\s*(?:天|日|週|周|個|个|ヶ|か月|カ月|ヵ月|ケ月|月|年|次|回|歲|岁|歳|筆|笔|件|篇|本|部|星|つ星|元|美元|ドル|人|位|代|小時|时|時間|星期|礼拜|禮拜))/g;

export function nativeNumeralsToDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(COUNTED, (m) => String(cjkNumber(m) ?? m))
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
}
