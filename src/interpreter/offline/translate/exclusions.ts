/** Exclusions in Chinese and Japanese, said where English says them. */
import type { Piece } from './phrases.js';

const JOINS = new Set(['and', 'or']);
const EXCLUDING = new Set(['excluding', 'not in']);
const CLAUSE_END = new Set([',', '.', 'customers']);

/**
 * An exclusion said after what it excludes ("日本以外的白金会员", "黑名單的先排除",
 * "ブロックリストに入っていない人") is said before it, as English does: "excluding Japan ,
 * platinum members". One that closes an exclusion already opened ("除了日本以外") ends it.
 */
export function exclusionsFirst(pieces: readonly Piece[]): Piece[] {
  const out = [...pieces];
  for (let i = 1; i < out.length; i++) {
    const p = out[i]!;
    if (p.kind !== 'en' || !EXCLUDING.has(p.text)) continue;
    const opened = lastIndex(out, i, (q) => CLAUSE_END.has(q.text) || EXCLUDING.has(q.text));
    if (p.postposed && opened >= 0 && EXCLUDING.has(out[opened]!.text)) {
      out.splice(i, 1, { kind: 'en', text: ',' });
      continue;
    }
    const next = out[i + 1];
    if (!p.postposed && next && !CLAUSE_END.has(next.text)) continue;
    let start = i;
    const within = (q: Piece) => (p.postposed ? q.thing || JOINS.has(q.text) : !CLAUSE_END.has(q.text));
    while (start > 0 && within(out[start - 1]!)) start--;
    if (start === i) continue;
    out.splice(i, 1);
    out.splice(start, 0, p);
    if (next && !CLAUSE_END.has(next.text)) out.splice(i + 1, 0, { kind: 'en', text: ',' });
  }
  return out;
}

/** The index of the last piece before `end` that passes, or -1. */
function lastIndex(pieces: readonly Piece[], end: number, test: (p: Piece) => boolean): number {
  for (let i = end - 1; i >= 0; i--) if (test(pieces[i]!)) return i;
  return -1;
}
