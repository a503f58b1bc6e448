/** Numbers as people write them: digits with separators, "$2k", and small number words. */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12, single: 1,
};

export function numberWord(word: string): number | undefined {
  return SMALL[word.toLowerCase()];
}

/** "1,000" → 1000, "2.5k" → 2500; undefined when the text is not a number. */
export function parseNumberText(text: string): number | undefined {
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*([kKmM])?$/.exec(text.trim());
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(base)) return undefined;
  const suffix = m[2]?.toLowerCase();
  const scaled = suffix === 'k' ? base * 1000 : suffix === 'm' ? base * 1_000_000 : base;
  return Math.round(scaled * 1e6) / 1e6;
}

/** "1240" → "1,240", "0.5" → "0.5": how numbers are shown back to the user. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
