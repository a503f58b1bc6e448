/**
 * PostgreSQL numbers its placeholders. Values are always bound, so the only quoted text in
 * compiled SQL is ours ('' and "C"); `?` inside quotes is still left alone, to be safe.
 */
export function toNumberedPlaceholders(text: string): string {
  let out = '';
  let n = 0;
  let quote: "'" | '"' | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  return out;
}
