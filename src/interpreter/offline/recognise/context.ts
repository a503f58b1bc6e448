/**
 * Conditions on the visit itself (live audiences), and whether a request is about visits at
 * all. A request is live when it speaks of visitors or visits, or uses a word only a visit can
 * answer (a device, a page, a time of day, a cookie, a URL parameter). Only then do words with
 * a history meaning too ("from Germany", "iOS", "coming from google") mean the visit's.
 */
import { LIVE_FILLERS, OUTSIDE_WORDS, VISIT_MARKERS } from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import { recogniseCookie } from './context-cookie.js';
import { startsWord } from './context-text.js';
import { recogniseDevice } from './context-device.js';
import { recogniseAddressTest, recognisePage } from './context-page.js';
import { recognisePlace, spokenCity } from './context-place.js';
import { recogniseSource } from './context-source.js';
import { recogniseTime } from './context-time.js';
import { recogniseVisitCount } from './context-visit.js';
import { OBJECTS } from './event-words.js';
import type { Mention } from './mentions.js';
import type { Recognised, ScanEnv } from './scan-types.js';

const RECOGNISERS = [recogniseVisitCount, recogniseDevice, recogniseTime, recogniseCookie, recogniseAddressTest, recognisePage, recogniseSource, recognisePlace];

export function recogniseContext(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const outside = recogniseOutside(tokens, i, env);
  if (outside) return outside;
  let best: Recognised | undefined;
  for (const r of RECOGNISERS) {
    const m = r(tokens, i, env);
    if (m && m.end > i && (!best || m.end > best.end)) best = m;
  }
  return best ?? spokenCity(tokens, i, env);
}

const OUTSIDE = new PhraseTable<true>();
OUTSIDE_WORDS.forEach((w) => OUTSIDE.add(w, true));

/**
 * "outside business hours", "outside of 9am to 5pm", "outside the US": a "not" for the time or
 * place that follows (with its "the"). Only there: "outside" alone says nothing about the visit.
 */
function recogniseOutside(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  if (!startsWord(tokens, i)) return undefined;
  const m = OUTSIDE.match(tokens, i);
  if (!m) return undefined;
  const follows = (j: number) => recogniseTime(tokens, j, env) ?? recognisePlace(tokens, j, env);
  if (follows(m.end)) return { end: m.end, body: { kind: 'neg', never: false } };
  if (tokens[m.end]?.norm === 'the' && follows(m.end + 1)) return { end: m.end + 1, body: { kind: 'neg', never: false } };
  return undefined;
}

const MARKERS = new PhraseTable<true>();
VISIT_MARKERS.forEach((w) => MARKERS.add(w, true));

/** "visitors", "this visit", "right now" anywhere in the request. */
export function speaksOfVisits(tokens: readonly Token[]): boolean {
  return tokens.some((_, i) => MARKERS.match(tokens, i) !== undefined);
}

/** A reading that holds a condition only a visit can answer (or a question about one). */
export function hasLiveWords(mentions: readonly Mention[]): boolean {
  return mentions.some((m) => m.kind === 'context' || (m.kind === 'vague' && (m.notion === 'page' || m.notion === 'hours')));
}

const FILLERS = new PhraseTable<true>();
LIVE_FILLERS.forEach((w) => FILLERS.add(w, true));
const ARTICLES = new Set(['the', 'a', 'an', 'our', 'their', 'some', 'any']);

/**
 * In a live request, words that only say the visit is happening ("browsing", "right now"):
 * skipped like "customers". "Browsing Beauty products" still names what was viewed.
 */
export function liveFillerEnd(tokens: readonly Token[], i: number, env: ScanEnv): number | undefined {
  if (!env.live) return undefined;
  const m = FILLERS.match(tokens, i);
  if (!m) return undefined;
  const next = ARTICLES.has(tokens[m.end]?.norm ?? '') ? m.end + 1 : m.end;
  if (OBJECTS.match(tokens, next) || env.index.values.match(tokens, next) || env.index.eventNames.match(tokens, next)) return undefined;
  return m.end;
}
