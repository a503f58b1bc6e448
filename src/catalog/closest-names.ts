/**
 * "Did you mean": the existing names nearest to one that does not exist, by spelling (edit
 * distance, shared words) and by meaning (what the catalog search finds for it, which knows
 * synonyms: "Webinar Registered" is nearest to "Signed Up" through "registered").
 */

function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, ' ').trim();
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** 0..1: 1 for the same name up to case and separators. */
export function nameSimilarity(a: string, b: string): number {
  const x = normalize(a);
  const y = normalize(b);
  if (!x || !y) return 0;
  const chars = 1 - editDistance(x, y) / Math.max(x.length, y.length);
  const wx = new Set(x.split(' '));
  const wy = new Set(y.split(' '));
  const shared = [...wx].filter((w) => [...wy].some((v) => v === w || (Math.min(v.length, w.length) >= 4 && (v.startsWith(w) || w.startsWith(v))))).length;
  const words = shared / Math.max(wx.size, wy.size);
  return Math.max(chars, words);
}

/** Below this, a name is not offered as a suggestion unless meaning (search) backs it. */
const MIN_SIMILARITY = 0.34;

/**
 * Candidates ordered by closeness. `meaning` holds search scores for candidates the catalog
 * search found (any scale); they weigh half as much as the spelling.
 */
export function rankClosest(name: string, candidates: Iterable<string>, limit: number, meaning: Map<string, number> = new Map()): string[] {
  const top = Math.max(0, ...meaning.values());
  const scored = [...new Set(candidates)].map((c) => {
    const spelling = nameSimilarity(name, c);
    const sense = top > 0 ? (meaning.get(c) ?? 0) / top : 0;
    return { c, spelling, score: spelling + 0.5 * sense };
  });
  return scored
    .filter((s) => s.spelling >= MIN_SIMILARITY || s.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((s) => s.c);
}
