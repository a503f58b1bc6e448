/**
 * Word order. Chinese and Japanese put a relative clause before what it describes
 * ("過去30日間に購入した東京のユーザー", "最近30天买过东西的日本用户") and a window at the start of
 * its clause; the parser reads English order: "Tokyo customers who purchased in the last 30 days".
 */
import type { Piece } from './phrases.js';

const JOINS = new Set(['and', 'or']);
const PLACED = new Set(['from', 'in']);
const NEGATIONS = new Set(['not', 'never', 'not in', 'excluding']);
const WINDOW = /^(?:in the last |this (?:week|month|year)$)/;

export function headFirst(pieces: readonly Piece[], negationBefore: boolean): Piece[] {
  let start = pieces.length;
  for (;;) {
    const before = pieces[start - 1];
    if (before?.nominal) start--;
    else if (before && JOINS.has(before.text) && pieces[start - 2]?.nominal) start -= 2; // "Germany or Japan"
    else break;
  }
  if (pieces[start]?.place && PLACED.has(pieces[start - 1]?.text ?? '')) start--; // "from Germany …" stays with it
  // Chinese negates what follows ("不是金卡会员的用户"): that stays in the clause, the head is who
  // it describes. Japanese negates what precedes ("起動していないAndroidユーザー").
  if (negationBefore && start > 0 && start < pieces.length - 1 && NEGATIONS.has(pieces[start - 1]!.text)) start = pieces.length - 1;
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

/** The pieces that say something; one read as nothing marks the next as standing apart. */
export function compact(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  let gap = false;
  for (const p of pieces) {
    if (!p.text) gap = true;
    else {
      out.push(gap ? { ...p, apart: true } : p);
      gap = false;
    }
  }
  return out;
}
