/**
 * Chinese and Japanese put a relative clause before what it describes ("過去30日間に購入した
 * 東京のユーザー", "最近30天买过东西的日本用户") and a window at the start of its clause; the
 * parser reads English order: "Tokyo customers who purchased in the last 30 days".
 */
import type { Piece } from './phrases.js';

const JOINS = new Set(['and', 'or']);
const PLACED = new Set(['from', 'in']);
const WINDOW = /^(?:in the last |this (?:week|month|year)$)/;

export function headFirst(pieces: readonly Piece[]): Piece[] {
  let start = pieces.length;
  for (;;) {
    const before = pieces[start - 1];
    if (before?.nominal) start--;
    else if (before && JOINS.has(before.text) && pieces[start - 2]?.nominal) start -= 2; // "Germany or Japan"
    else break;
  }
  if (start < pieces.length && PLACED.has(pieces[start - 1]?.text ?? '')) start--; // "from Germany …" stays with it
  const head = pieces.slice(start);
  const clause = pieces.slice(0, start);
  while (clause.length && clause[clause.length - 1]!.text === ',') clause.pop();
  if (!head.length || !clause.some((p) => !p.nominal && p.text !== ',' && !JOINS.has(p.text))) return [...pieces];
  return [...head, { kind: 'en', text: 'who' }, ...windowsLast(clause)];
}

/** "in the last 30 days watched a video but not paid" → "watched a video but not paid in the last 30 days". */
function windowsLast(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  let clause: Piece[] = [];
  const close = () => {
    if (clause.length > 1 && WINDOW.test(clause[0]!.text)) clause.push(clause.shift()!);
    out.push(...clause);
    clause = [];
  };
  for (const p of pieces) {
    if (p.text === ',') {
      close();
      out.push(p);
    } else clause.push(p);
  }
  close();
  return out;
}
