/**
 * Removes email addresses and phone numbers from text bound for a model. Dates, amounts and
 * ordinary numbers in a description ("2026-11-01", "$1,240", "30 days") are left alone.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A run of digits with phone-like separators, optionally starting with + or a parenthesis. */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}])(?:\+|\(\s*)?\d[\d\s().\-\u2010-\u2015]{5,}\d(?![\p{L}\p{N}])/gu;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

export const EMAIL_PLACEHOLDER = '[email]';
export const PHONE_PLACEHOLDER = '[phone]';

function looksLikePhone(candidate: string): boolean {
  if (ISO_DATE.test(candidate)) return false;
  const digits = candidate.replace(/\D/g, '').length;
  if (digits > 15) return false;
  // An international prefix makes a shorter number a phone; without one, 9+ digits is no quantity a marketer types.
  return candidate.trimStart().startsWith('+') ? digits >= 7 : digits >= 9;
}

export function redactPii(text: string): string {
  return text
    .replace(EMAIL, EMAIL_PLACEHOLDER)
    .replace(PHONE_CANDIDATE, (m) => (looksLikePhone(m) ? PHONE_PLACEHOLDER : m));
}
