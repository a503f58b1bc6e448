/**
 * What sent the visit: the referrer ("coming from google", "referred by facebook.com", "direct
 * traffic") and the URL's campaign parameters ("from the spring campaign", "from the
 * newsletter", "utm_source is newsletter", "with a gclid").
 */
import type { ContextCondition } from '../../../definition/schema.js';
import {
  EMAIL_SOURCE_WORDS, NEWSLETTER_WORDS, PARAM_NAME, PARAM_WORDS, SOURCE_LEADS, SOURCE_TAILS, TRAFFIC_SOURCES,
} from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { recogniseDevice } from './context-device.js';
import { compactRun, readTest, startsWord } from './context-text.js';
import type { Recognised, ScanEnv } from './scan-types.js';

const LEADS = new PhraseTable<true>();
SOURCE_LEADS.forEach((w) => LEADS.add(w, true));
const SOURCES = new PhraseTable<string>();
TRAFFIC_SOURCES.forEach((w) => SOURCES.add(w, w));
const NEWSLETTER = new PhraseTable<true>();
NEWSLETTER_WORDS.forEach((w) => NEWSLETTER.add(w, true));
const EMAIL = new PhraseTable<true>();
EMAIL_SOURCE_WORDS.forEach((w) => EMAIL.add(w, true));
const PARAMS = new PhraseTable<true>();
PARAM_WORDS.forEach((w) => PARAMS.add(w, true));

const ARTICLES = new Set(['a', 'an', 'the', 'our', 'their', 'one', 'of']);
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?)$/i;
const CAMPAIGN_WORD_STOP = new Set(['and', 'or', 'but', 'who', 'that', 'which', 'with', 'on', 'in', 'from', 'at', 'via', 'the', 'a', 'an', 'our', 'their', 'visitors', 'not', 'no', 'any', 'email', 'emails', 'ad', 'ads', 'marketing']);

const ctx = (end: number, ...conditions: ContextCondition[]): Recognised => ({ end, body: { kind: 'context', conditions } });
const param = (name: string, op: 'eq' | 'contains' | 'matches', value: string): ContextCondition => ({ type: 'context', field: 'url_param', name, op, value });

function skipArticles(tokens: readonly Token[], j: number): number {
  let k = j;
  while (ARTICLES.has(tokens[k]?.norm ?? '') && k < j + 2) k++;
  return k;
}

/** "spring" → contains spring; "black friday" → black_friday, black-friday or "black friday". */
function campaignTest(words: readonly string[]): ContextCondition {
  const lower = words.map((w) => w.toLowerCase());
  return lower.length === 1 ? param('utm_campaign', 'contains', lower[0]!) : param('utm_campaign', 'matches', lower.join('[ _+-]?'));
}

/** "(from) the spring campaign", "Black Friday campaign visitors". Live requests only. */
function campaign(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const lead = LEADS.match(tokens, i);
  const j = skipArticles(tokens, lead ? lead.end : i);
  let k = j;
  while (k < j + 4 && (tokens[k]?.kind === 'word' || tokens[k]?.kind === 'number') && !CAMPAIGN_WORD_STOP.has(tokens[k]!.norm)
    && !['campaign', 'campaigns'].includes(tokens[k]!.norm) && !recogniseDevice(tokens, k, env)) k++;
  if (k === j || !['campaign', 'campaigns'].includes(tokens[k]?.norm ?? '')) return undefined;
  return ctx(k + 1, campaignTest(tokens.slice(j, k).map((t) => t.text)));
}

const PAST_LEADS = new Set(['came', 'arrived', 'landed', 'clicked', 'who']);
const HISTORY_WORDS = new Set(['last', 'past', 'ago', 'since', 'ever', 'before', 'previously', 'times']);
const CLAUSE_END = new Set(['and', 'but', 'who', 'or', ',', '.', ';']);

/** "came from google in the last 30 days": a past visit, which the tracked sessions answer. */
function pastVisit(tokens: readonly Token[], i: number, end: number): boolean {
  if (!PAST_LEADS.has(tokens[i]?.norm ?? '')) return false;
  for (let k = end; k < tokens.length && !CLAUSE_END.has(tokens[k]!.norm); k++) if (HISTORY_WORDS.has(tokens[k]!.norm)) return true;
  return false;
}

/** "coming from google", "referred by facebook.com", "from the newsletter". Live requests only. */
function referral(tokens: readonly Token[], i: number): Recognised | undefined {
  const found = sourceAfterLead(tokens, i);
  return found && !pastVisit(tokens, i, found.end) ? found : undefined;
}

function sourceAfterLead(tokens: readonly Token[], i: number): Recognised | undefined {
  const lead = LEADS.match(tokens, i);
  if (!lead) return undefined;
  const j = skipArticles(tokens, lead.end);
  const run = compactRun(tokens, j);
  const domain = run && run.text.includes('.') ? DOMAIN.exec(run.text) : null;
  if (run && domain) return ctx(run.end, { type: 'context', field: 'referrer', op: 'contains', value: domain[1]!.toLowerCase() });
  const source = SOURCES.match(tokens, j);
  if (source) {
    let end = source.end;
    while (end < source.end + 2 && SOURCE_TAILS.has(tokens[end]?.norm ?? '')) end++;
    return ctx(end, { type: 'context', field: 'referrer', op: 'contains', value: source.payloads[0]! });
  }
  const newsletter = NEWSLETTER.match(tokens, j);
  if (newsletter) {
    const end = ['email', 'emails', 'link', 'links'].includes(tokens[newsletter.end]?.norm ?? '') ? newsletter.end + 1 : newsletter.end;
    return ctx(end, param('utm_source', 'eq', 'newsletter'));
  }
  const email = EMAIL.match(tokens, j);
  if (email) return ctx(email.end, param('utm_medium', 'eq', 'email'));
  return undefined;
}

/** "direct traffic", "direct visitors", "who came directly": no referrer. Live requests only. */
function direct(tokens: readonly Token[], i: number): Recognised | undefined {
  const w = tokens[i]?.norm;
  const noReferrer: ContextCondition = { type: 'context', field: 'referrer', op: 'not_exists' };
  if (w === 'direct' && ['visitors', 'visitor', 'traffic', 'visits', 'visit', 'sessions', 'session', 'entries'].includes(tokens[i + 1]?.norm ?? '')) return ctx(i + 2, noReferrer);
  if (['came', 'come', 'comes', 'coming', 'arrived', 'arriving', 'navigated'].includes(w ?? '')) {
    const k = tokens[i + 1]?.norm === 'in' ? i + 2 : i + 1;
    if (tokens[k]?.norm === 'directly') return ctx(k + 1, noReferrer);
  }
  if (w === 'typed' && ['the', 'our'].includes(tokens[i + 1]?.norm ?? '') && ['address', 'url'].includes(tokens[i + 2]?.norm ?? '')) return ctx(i + 3, noReferrer);
  return undefined;
}

/**
 * "utm_source is newsletter", "utm_campaign contains spring", "URL parameter ref = partner",
 * "?ref=partner", "with a gclid". A visit's, unless the workspace records a property of that
 * name on its events and the request is not live ("customers whose utm_source is newsletter").
 */
function urlParam(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const found = paramTest(tokens, i, env);
  return found && { ...found, end: inTheAddressEnd(tokens, found.end) };
}

/** "… in the URL", "… in the address": where a parameter always is. */
function inTheAddressEnd(tokens: readonly Token[], j: number): number {
  if (!['in', 'on'].includes(tokens[j]?.norm ?? '')) return j;
  const k = ['the', 'their', 'its', 'a'].includes(tokens[j + 1]?.norm ?? '') ? j + 2 : j + 1;
  const w = tokens[k]?.norm ?? '';
  if (['url', 'address', 'link', 'query'].includes(w)) return w === 'query' && tokens[k + 1]?.norm === 'string' ? k + 2 : k + 1;
  return j;
}

function paramTest(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const named = PARAMS.match(tokens, i);
  let j = named ? named.end : i;
  const query = (tokens[j]?.text === '?' || tokens[j]?.text === '&') && startsWord(tokens, j);
  if (query) j++;
  const run = compactRun(tokens, j);
  if (!run) return undefined;
  const eq = run.text.indexOf('=');
  const name = (eq >= 0 ? run.text.slice(0, eq) : run.text).toLowerCase();
  if (!/^[a-z_][\w.-]*$/.test(name) || !(named || query || PARAM_NAME.test(name))) return undefined;
  if (!env.live && !named && !query && env.index.catalog.events.some((e) => e.properties.some((p) => p.name.toLowerCase() === name))) return undefined;
  if (eq >= 0) {
    const value = run.text.slice(eq + 1);
    return value ? ctx(run.end, { type: 'context', field: 'url_param', name, op: 'eq', value }) : undefined;
  }
  const test = readTest(tokens, run.end, { bare: true, list: true });
  if (test) {
    if (test.values.length > 1) return ctx(test.end, { type: 'context', field: 'url_param', name, op: 'in', value: test.values });
    return ctx(test.end, { type: 'context', field: 'url_param', name, op: test.op, value: test.values[0]! });
  }
  let end = run.end;
  while (['parameter', 'param', 'set', 'present', 'tag'].includes(tokens[end]?.norm ?? '')) end++;
  return ctx(end, { type: 'context', field: 'url_param', name, op: 'exists' });
}

export function recogniseSource(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const found = [urlParam(tokens, i, env), ...(env.live ? [campaign(tokens, i, env), referral(tokens, i), direct(tokens, i)] : [])];
  return found.filter((r): r is Recognised => r !== undefined).sort((a, b) => b.end - a.end)[0];
}
