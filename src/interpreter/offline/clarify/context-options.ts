/**
 * Options for words about a visit that the data cannot settle: a page named in words ("the
 * pricing page": which addresses?) and "business hours" (which local times?). Each option reads
 * back through the parser to the condition it names.
 */

/** "product page" → "URL contains /products/", "URL contains /product/"; "pricing page" → "/pricing", "pricing". */
export function pageOptions(term: string): string[] {
  const words = term.toLowerCase().replace(/\s*pages?$/, '').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  if (words.join(' ') === 'home') return ['URL matches ^https?://[^/]+/?$', 'URL ends with /index.html'];
  const slug = words.join('-');
  const last = words.at(-1)!;
  // A noun names a section by its plural or singular; "pricing", "sales", "news" only as written.
  if (/(ing|s)$/.test(last)) return [`URL contains /${slug}`, `URL contains ${slug}`];
  return [`URL contains /${slug}s/`, `URL contains /${slug}/`];
}

export function hoursOptions(): string[] {
  return [
    'Local time between 09:00 and 17:00 on weekdays',
    'Local time between 08:00 and 18:00 on weekdays',
    'Local time between 09:00 and 17:00',
  ];
}
