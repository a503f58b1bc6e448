/**
 * Cookies of the visit: "with the cookie plan=pro", "cookie plan is pro or team", "who have the
 * consent cookie", "a cookie named beta".
 */
import type { ContextCondition } from '../../../definition/schema.js';
import { COOKIE_NAMING, COOKIE_WORDS } from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { compactRun, readTest, valueAt } from './context-text.js';
import type { Recognised } from './scan-types.js';

const COOKIE = new Set(COOKIE_WORDS);
const NAMING = new PhraseTable<true>();
COOKIE_NAMING.forEach((w) => NAMING.add(w, true));
const ARTICLES = new Set(['the', 'a', 'an', 'their', 'its']);
const NAME = /^[A-Za-z_][\w.-]*$/;
const NOT_A_NAME = new Set(['any', 'no', 'some', 'all', 'session', 'tracking', 'third-party', 'these', 'those', 'this', 'that', 'with', 'and', 'or']);

const ctx = (end: number, condition: ContextCondition): Recognised => ({ end, body: { kind: 'context', conditions: [condition] } });

/** After the name: "=pro" (in the same run), "is pro", "set to pro or team", or nothing (it exists). */
function test(name: string, value: string | undefined, tokens: readonly Token[], end: number): Recognised {
  const lower = name.toLowerCase();
  if (value) return ctx(end, { type: 'context', field: 'cookie', name: lower, op: 'eq', value });
  const t = readTest(tokens, end, { bare: false, list: true });
  if (!t) return ctx(end, { type: 'context', field: 'cookie', name: lower, op: 'exists' });
  if (t.values.length > 1) return ctx(t.end, { type: 'context', field: 'cookie', name: lower, op: 'in', value: t.values });
  return ctx(t.end, { type: 'context', field: 'cookie', name: lower, op: t.op, value: t.values[0]! });
}

function split(run: string): { name: string; value?: string } {
  const eq = run.indexOf('=');
  return eq < 0 ? { name: run } : { name: run.slice(0, eq), value: run.slice(eq + 1) };
}

export function recogniseCookie(tokens: readonly Token[], i: number): Recognised | undefined {
  let j = i;
  while (ARTICLES.has(tokens[j]?.norm ?? '') && j < i + 2) j++;
  if (COOKIE.has(tokens[j]?.norm ?? '')) {
    // "the cookie plan=pro", "a cookie named beta"
    const named = NAMING.match(tokens, j + 1);
    const run = valueAt(tokens, named ? named.end : j + 1);
    if (!run) return undefined;
    const { name, value } = split(run.text);
    return NAME.test(name) && !NOT_A_NAME.has(name.toLowerCase()) ? test(name, value, tokens, run.end) : undefined;
  }
  // "the consent cookie", "a plan cookie set to pro"
  const run = compactRun(tokens, j);
  if (!run || !COOKIE.has(tokens[run.end]?.norm ?? '')) return undefined;
  const { name, value } = split(run.text);
  if (!NAME.test(name) || NOT_A_NAME.has(name.toLowerCase()) || value !== undefined) return undefined;
  return test(name, undefined, tokens, run.end + 1);
}
