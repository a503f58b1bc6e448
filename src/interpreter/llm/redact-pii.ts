/**
 * Removes email addresses and phone numbers from text bound for a model. Dates, amounts and
 * ordinary numbers in a description ("2026-11-01", "$1,240", "30 days") are left alone. They
 * are looked for in the text's NFKC form, so full-width digits and signs (０９１２３４５６７８, ＋,
 * ＠) read as the ASCII ones they stand for, and digits of any script count as digits; the rest
 * of the text is sent as written.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A run of digits with phone-like separators, optionally starting with + or a parenthesis. */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}])(?:\+|\(\s*)?\p{Nd}[\p{Nd}\s().\-\u2010-\u2015]{5,}\p{Nd}(?![\p{L}\p{N}])/gu;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

export const EMAIL_PLACEHOLDER = '[email]';
export const PHONE_PLACEHOLDER = '[phone]';

function looksLikePhone(candidate: string): boolean {
  if (ISO_DATE.test(candidate)) return false;
  const digits = candidate.replace(/\P{Nd}/gu, '').length;
  if (digits > 15) return false;
  // An international prefix makes a shorter number a phone; without one, 9+ digits is no quantity a marketer types.
  return candidate.trimStart().startsWith('+') ? digits >= 7 : digits >= 9;
}

/** The text with each character in its NFKC form, and for each position of it the position in `text` it came from. */
function normalised(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC');
    for (let k = 0; k < n.length; k++) origin.push(at);
    out += n;
    at += ch.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}

interface Span {
  start: number;
  end: number;
  placeholder: string;
}

export function redactPii(text: string): string {
  const n = normalised(text);
  const spans: Span[] = [];
  // Emails first; masked (same length, no digits) so a phone is not found inside one.
  const masked = n.text.replace(EMAIL, (m, offset: number) => {
    spans.push({ start: offset, end: offset + m.length, placeholder: EMAIL_PLACEHOLDER });
    return '#'.repeat(m.length);
  });
  for (const m of masked.matchAll(PHONE_CANDIDATE)) {
    if (looksLikePhone(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, placeholder: PHONE_PLACEHOLDER });
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const span of spans) {
    // Back to the characters of `text` the span was made from.
    const start = n.origin[span.start]!;
    out += text.slice(from, start) + span.placeholder;
    from = nextOrigin(n.origin, span.end);
  }
  return out + text.slice(from);
}

/** The position in `text` just after the character that produced normalised position `end - 1`. */
function nextOrigin(origin: number[], end: number): number {
  const last = origin[end - 1]!;
  let i = end;
  while (i < origin.length - 1 && origin[i] === last) i++;
  return origin[i]!;
}
