/** English idioms that stand for two conditions, spelled out before parsing. */
const IDIOMS: Array<[RegExp, string]> = [
  [/\babandon(?:ed|s)? (?:their |a |the |his |her )?(?:shopping )?(?:carts?|baskets?)\b/gi, 'added to cart but did not purchase'],
  [/\bcart abandoners?\b/gi, 'customers who added to cart but did not purchase'],
  [/\bbrowse(?:d|rs)? but (?:did ?n[o']t|never) (?:buy|purchase)\b/gi, 'viewed a product but did not purchase'],
  [/\bwindow[- ]shoppers?\b/gi, 'customers who viewed a product but did not purchase'],
  [/\bnon[- ]?(buyers|purchasers)\b/gi, 'customers who never purchased'],
  [/\bnever[- ]purchasers?\b/gi, 'customers who never purchased'],
];

export function rewriteEnglish(text: string): string {
  return IDIOMS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}
