/**
 * The page a visitor is on and the address they came from: a literal path ("on /checkout"), a
 * test on the address ("URL contains /checkout", "referrer is facebook.com"), or a page named
 * in words ("on the pricing page"). A named page means what the team's glossary says; with no
 * glossary meaning it becomes a question, never a guessed address.
 */
import type { ContextCondition } from '../../../definition/schema.js';
import { PAGE_ARTICLES, PAGE_LEADS, URL_SUBJECTS } from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { compactRun, readTest, startsWord } from './context-text.js';
import type { Recognised, ScanEnv } from './scan-types.js';
import { glossaryContext } from './visit-glossary.js';

const LEADS = new PhraseTable<true>();
PAGE_LEADS.forEach((w) => LEADS.add(w, true));
const SUBJECTS = new PhraseTable<'url' | 'referrer'>();
for (const { words, field } of URL_SUBJECTS) words.forEach((w) => SUBJECTS.add(w, field));

/** Words that say which page without naming one ("any page", "this page"). */
const GENERIC = new Set(['web', 'this', 'that', 'same', 'next', 'previous', 'current', 'specific', 'particular', 'certain', 'single', 'other', 'different']);
const NOT_PAGE_WORD = new Set(['and', 'or', 'but', 'who', 'that', 'which', 'with', 'on', 'in', 'from', 'at', 'visitors', 'not', 'no']);

const ctx = (end: number, conditions: ContextCondition[]): Recognised => ({ end, body: { kind: 'context', conditions } });

/** "/checkout", "https://shop.example.com/sale": an address as written. */
function literalAddress(tokens: readonly Token[], j: number): { text: string; end: number } | undefined {
  const t = tokens[j];
  if (!t || !startsWord(tokens, j)) return undefined;
  if (t.kind === 'quoted' && /^(\/|https?:\/\/)/i.test(t.text)) return { text: t.text, end: j + 1 };
  if (t.text !== '/' && !(['http', 'https'].includes(t.norm) && tokens[j + 1]?.text === ':')) return undefined;
  const run = compactRun(tokens, j);
  return run && /[a-z0-9]/i.test(run.text) ? run : undefined;
}

/** "on the pricing page", "visiting a product detail page", "on the homepage". */
function namedPage(tokens: readonly Token[], j: number, env: ScanEnv): Recognised | undefined {
  if (['homepage', 'home-page', 'frontpage'].includes(tokens[j]?.norm ?? '')) return pageTerm(['home'], j + 1, env);
  let k = j;
  while (k < j + 3 && tokens[k]?.kind === 'word' && !['page', 'pages'].includes(tokens[k]!.norm) && !NOT_PAGE_WORD.has(tokens[k]!.norm)) k++;
  if (k === j || !['page', 'pages'].includes(tokens[k]?.norm ?? '')) return undefined;
  const words = tokens.slice(j, k).map((t) => t.norm);
  if (words.every((w) => GENERIC.has(w))) return undefined;
  return pageTerm(words, k + 1, env);
}

function pageTerm(words: string[], end: number, env: ScanEnv): Recognised {
  const term = `${words.join(' ')} page`;
  const meaning = glossaryContext(env, [term, `${term}s`, words.join(' '), `${words.join('')}page`]);
  if (meaning) return ctx(end, meaning);
  return { end, body: { kind: 'vague', term, notion: 'page' } };
}

/** A page: a literal address with or without "on", a named page only after "on", "visiting", … */
export function recognisePage(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const lead = LEADS.match(tokens, i);
  let j = lead ? lead.end : i;
  while (PAGE_ARTICLES.has(tokens[j]?.norm ?? '') && j < (lead ? lead.end : i) + 3) j++;
  const address = literalAddress(tokens, j);
  if (address) return ctx(address.end, [{ type: 'context', field: 'url', op: 'contains', value: address.text }]);
  return lead ? namedPage(tokens, j, env) : undefined;
}

/**
 * "URL contains /checkout", "whose referrer is facebook.com", "with a referrer". Where the
 * workspace records a referrer on its events, "customers whose referrer is google.com" is about
 * their history; only a live request means the visit's.
 */
export function recogniseAddressTest(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const subject = SUBJECTS.match(tokens, i);
  if (!subject) return undefined;
  const field = subject.payloads[0]!;
  if (field === 'referrer' && !env.live && env.index.properties.match(tokens, i)) return undefined;
  const test = readTest(tokens, subject.end, { bare: false, list: false });
  if (test) return ctx(test.end, [{ type: 'context', field, op: test.op, value: test.values[0]! }]);
  return field === 'referrer' ? ctx(subject.end, [{ type: 'context', field, op: 'exists' }]) : undefined;
}
