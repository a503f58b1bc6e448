/** Values in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes. */
export function copyTextValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString().replace('Z', '');
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return String(v).replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

export function copyTextRow(values: readonly unknown[]): string {
  return `${values.map(copyTextValue).join('\t')}\n`;
}
