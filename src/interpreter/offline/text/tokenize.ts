/**
 * Splits a (normalised) prompt into words, numbers, quoted strings and punctuation, keeping the
 * offsets so that unused words can be shown back to the user exactly as written.
 */
import { parseNumberText } from './numbers.js';
import { stem } from './stem.js';

export type TokenKind = 'word' | 'number' | 'quoted' | 'punct';

export interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** Lower case. */
  norm: string;
  stem: string;
  /** For numbers. */
  value?: number;
  /** "$50", "50 dollars". */
  money?: boolean;
  /** "40s" as in "in their 40s", "1990s". */
  decade?: boolean;
  start: number;
  end: number;
}

const PATTERN = new RegExp(
  [
    String.raw`(?<quoted>"[^"]{1,200}"|(?<=^|\s)'[^'\s][^']{0,200}'(?=$|[\s.,;!?)]))`,
    String.raw`(?<money>(?:[A-Z]{1,2}\$|[$€£¥₹฿])\s?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:\s?[kKmM]\b)?|(?:\d+(?:,\d{3})*(?:\.\d+)?)\s?[€£¥₹฿](?!\w))`,
    String.raw`(?<decade>(?:\d{2}){1,2}s\b)`,
    String.raw`(?<number>(?:\d+(?:,\d{3})+|\d+)(?:\.\d+)?(?:[kK]\b)?|\.\d+)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\d']*)`,
    String.raw`(?<punct>[^\s\p{L}\p{M}\d])`,
  ].join('|'),
  'gu',
);

/** Words after an amount that make it money (whatever the workspace's currency). */
export const CURRENCY_WORDS = new Set(['dollar', 'dollars', 'usd', 'bucks', 'euro', 'euros', 'eur', 'gbp', 'pound', 'pounds', 'quid', 'yen', 'jpy',
  'baht', 'thb', 'twd', 'ntd', 'rupee', 'rupees', 'inr', 'aud', 'cad', 'sgd', 'hkd', 'chf', 'sek', 'nok', 'dkk', 'yuan', 'rmb', 'cny', 'won', 'krw']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups!;
    const start = m.index;
    const raw = m[0];
    const base = { text: raw, norm: raw.toLowerCase(), start, end: start + raw.length };
    if (g.quoted !== undefined) {
      const inner = raw.slice(1, -1);
      tokens.push({ ...base, kind: 'quoted', text: inner, norm: inner.toLowerCase(), stem: inner.toLowerCase() });
    } else if (g.money !== undefined) {
      const value = parseNumberText(raw.replace(/^[A-Z]{0,2}[$€£¥₹฿]\s?|\s?[€£¥₹฿]$/g, ''));
      tokens.push({ ...base, kind: 'number', stem: base.norm, value, money: true });
    } else if (g.decade !== undefined) {
      tokens.push({ ...base, kind: 'number', stem: base.norm, value: Number(raw.slice(0, -1)), decade: true });
    } else if (g.number !== undefined) {
      tokens.push({ ...base, kind: 'number', stem: base.norm, value: parseNumberText(raw) });
    } else if (g.word !== undefined) {
      tokens.push({ ...base, kind: 'word', stem: stem(raw) });
    } else {
      tokens.push({ ...base, kind: 'punct', stem: raw });
    }
  }
  // "50 dollars": the amount is money; the currency word says nothing more.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number' && CURRENCY_WORDS.has(tokens[i + 1]!.norm)) t.money = true;
  }
  return tokens;
}

/** Words joined by a hyphen are read as separate words ("add-to-cart", "high-spending"). */
export function isSpacer(t: Token): boolean {
  return t.kind === 'punct' && (t.text === '-' || t.text === '_');
}
