/**
 * One spelling for the many ways a keyboard writes the same thing: full-width forms, curly
 * quotes, dashes, "e-mail". Applied before translation and tokenising.
 */
export function normalizePrompt(prompt: string): string {
  return prompt
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb\u300c\u300d]/g, '"')
    .replace(/[\u2013\u2014\u2212~\u301c]/g, '-')
    // A dash between words ends a clause ("… ytd - but nobody on the blocklist").
    .replace(/\s+-+\s+(?=\D)/g, '; ')
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\be-?mails?\b/gi, (m) => (m.toLowerCase().endsWith('s') ? 'emails' : 'email'))
    .replace(/\s+/g, ' ')
    .trim();
}
