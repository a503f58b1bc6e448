/**
 * English idioms that stand for two conditions, spelled out before parsing. Abandonment
 * (cart, checkout, browse) is not here: it is a concept (ABANDONMENT in resolve/event-concepts.ts)
 * so that what is said with it (a category, a window, an amount) lands on the right step.
 */
const IDIOMS: Array<[RegExp, string]> = [
  [/\bbrowse(?:d|rs)? but (?:did ?n[o']t|never) (?:buy|purchase)\b/gi, 'viewed a product but did not purchase'],
  [/\bwindow[- ]shoppers?\b/gi, 'customers who viewed a product but did not purchase'],
  [/\bnon[- ]?(buyers|purchasers)\b/gi, 'customers who never purchased'],
  [/\bnever[- ]purchasers?\b/gi, 'customers who never purchased'],
  // "outside Germany", "outside of the UK": a place said negated (times after "outside" are read where they are recognised).
  [/\boutside(?: of)? (?=(?:the )?[A-Z])/g, 'not in '],
];

export function rewriteEnglish(text: string): string {
  return IDIOMS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}
