/**
 * Text written without spaces ("utm_source", "facebook.com", "/checkout", "plan=pro") read as
 * one piece, and tests on a text field as people say them ("is newsletter", "contains
 * /checkout", "= pro", "starts with /blog").
 */
import { PARAM_NAME, TEXT_OPS } from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';

export interface Run {
  text: string;
  /** Index after the last token of the run. */
  end: number;
}

const TRAILING = /^[.,;:!?)]$/;

/** The tokens from `i` written without a space between them, sentence punctuation at the end left out. */
export function compactRun(tokens: readonly Token[], i: number): Run | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  if (first.kind === 'quoted') return { text: first.text, end: i + 1 };
  if (TRAILING.test(first.text)) return undefined;
  let j = i + 1;
  while (j < tokens.length && tokens[j]!.kind !== 'quoted' && tokens[j]!.start === tokens[j - 1]!.end) j++;
  while (j > i + 1 && TRAILING.test(tokens[j - 1]!.text)) j--;
  return { text: tokens.slice(i, j).map((t) => t.text).join(''), end: j };
}

/** Whether a token stands apart from the one before it (not inside a word such as "and/or"). */
export function startsWord(tokens: readonly Token[], i: number): boolean {
  return i === 0 || tokens[i]!.start !== tokens[i - 1]!.end;
}

export type TextOp = 'eq' | 'neq' | 'contains' | 'not_contains' | 'starts_with' | 'matches';

const OPS = new PhraseTable<(typeof TEXT_OPS)[number]['op']>();
for (const { words, op } of TEXT_OPS) words.forEach((w) => OPS.add(w, op));

/** Words that end a value rather than being one. */
const STOP = new Set([
  'and', 'or', 'but', 'who', 'that', 'which', 'whose', 'where', 'with', 'without', 'on', 'in', 'from', 'at', 'during',
  'between', 'using', 'via', 'visitors', 'visitor', 'users', 'customers', 'people', 'a', 'an', 'the', 'any', 'set', 'parameter', 'param', 'cookie',
  'is', 'are', 'not', 'no', 'while', 'when', 'after', 'before',
]);

/** A value after a field or an operator: quoted text or a run without spaces that is not a joining word. */
export function valueAt(tokens: readonly Token[], i: number): Run | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'quoted') return { text: t.text, end: i + 1 };
  const run = compactRun(tokens, i);
  if (!run) return undefined;
  if (run.end === i + 1 && (STOP.has(t.norm) || t.kind === 'punct')) return undefined;
  return run;
}

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface TextTest {
  op: TextOp;
  values: string[];
  end: number;
}

/**
 * An operator and a value from `j`: "is newsletter", "contains /checkout", "= pro", "ends with
 * .pdf" (a pattern). With `bare`, a value with no operator ("utm_source newsletter") is equal.
 * With `list`, "is newsletter or email" gives both values.
 */
export function readTest(tokens: readonly Token[], j: number, opts: { bare: boolean; list: boolean }): TextTest | undefined {
  const m = OPS.match(tokens, j);
  if (!m && !opts.bare) return undefined;
  const said = m?.payloads[0] ?? 'eq';
  const first = valueAt(tokens, m ? m.end : j);
  if (!first) return undefined;
  const values = [first.text];
  let end = first.end;
  while (opts.list && said === 'eq' && (tokens[end]?.norm === 'or' || tokens[end]?.text === ',')) {
    const k = tokens[end]?.text === ',' && tokens[end + 1]?.norm === 'or' ? end + 2 : end + 1;
    const next = valueAt(tokens, k);
    // "utm_source is newsletter or utm_medium is email": another field, not another value.
    if (!next || PARAM_NAME.test(next.text) || OPS.match(tokens, next.end)) break;
    values.push(next.text);
    end = next.end;
  }
  if (said === 'ends_with') return { op: 'matches', values: [`${escapeRegex(values[0]!)}$`], end: first.end };
  return { op: said, values, end };
}
