/**
 * A deliberately crude stemmer: both the prompt and every phrase it is compared with go through
 * it, so it only has to be consistent ("cat lovers" meets "Cat Lover", "supplies" meets
 * "Supplies"), not linguistically right.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}
