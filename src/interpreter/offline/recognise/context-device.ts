/**
 * What the visitor uses: device type ("on mobile", "tablet visitors"), operating system ("on
 * Windows", "iOS" in a live request) and browser ("using Safari").
 */
import type { ContextCondition, DEVICES } from '../../../definition/schema.js';
import {
  ANDROID_PHONE_WORDS, BROWSER_WORDS, DEVICE_FOLLOWERS, DEVICE_LEADS, DEVICE_WORDS, IPHONE_WORDS, NOT_DEVICE_AFTER, OS_WORDS, type DeviceWord,
} from '../lexicon/context-words.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import type { Recognised, ScanEnv } from './scan-types.js';

interface Entry {
  conditions: ContextCondition[];
  liveOnly: boolean;
  needsLead: boolean;
}

const TABLE = new PhraseTable<Entry>();

function addWords(word: DeviceWord, conditions: ContextCondition[]) {
  const entry = (needsLead: boolean): Entry => ({ conditions, liveOnly: !!word.liveOnly, needsLead });
  word.words.forEach((w) => TABLE.add(w, entry(false)));
  word.exact?.forEach((w) => TABLE.add(w, entry(false), { caseSensitive: true }));
  word.needsLead?.forEach((w) => TABLE.add(w, entry(true)));
}

for (const [device, word] of Object.entries(DEVICE_WORDS)) {
  addWords(word, [{ type: 'context', field: 'device', op: 'in', value: [device as (typeof DEVICES)[number]] }]);
}
for (const [os, word] of Object.entries(OS_WORDS)) addWords(word, [{ type: 'context', field: 'os', op: 'in', value: [os] }]);
for (const [browser, word] of Object.entries(BROWSER_WORDS)) addWords(word, [{ type: 'context', field: 'browser', op: 'in', value: [browser] }]);
for (const [words, system] of [[IPHONE_WORDS, 'iOS'], [ANDROID_PHONE_WORDS, 'Android']] as const) {
  addWords({ words: [...words], liveOnly: true }, [
    { type: 'context', field: 'device', op: 'in', value: ['mobile'] },
    { type: 'context', field: 'os', op: 'in', value: [system] },
  ]);
}

const ARTICLES = new Set(['a', 'an', 'the', 'their', 'his', 'her', 'my', 'our', 'its']);

/** "on a phone", "using their laptop": a lead within the two words before. */
function ledBy(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.norm ?? '';
  if (DEVICE_LEADS.has(before)) return true;
  return ARTICLES.has(before) && DEVICE_LEADS.has(tokens[i - 2]?.norm ?? '');
}

/** "using Safari", "on a tablet": the lead is part of saying the device ("using" is no action here). */
export function recogniseDevice(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  let j = i;
  if (DEVICE_LEADS.has(tokens[j]?.norm ?? '')) j++;
  if (j > i && ARTICLES.has(tokens[j]?.norm ?? '')) j++;
  return deviceAt(tokens, j, env) ?? (j > i ? deviceAt(tokens, i, env) : undefined);
}

function deviceAt(tokens: readonly Token[], i: number, env: ScanEnv): Recognised | undefined {
  const m = TABLE.match(tokens, i);
  if (!m) return undefined;
  const entry = m.payloads.find((e) => !e.liveOnly || env.live);
  if (!entry) return undefined;
  const next = tokens[m.end]?.norm ?? '';
  if (NOT_DEVICE_AFTER.has(next) || (next === 'phone' && tokens[m.end + 1]?.norm === 'number')) return undefined;
  if (entry.needsLead && !ledBy(tokens, i) && !DEVICE_FOLLOWERS.has(next)) return undefined;
  return { end: m.end, body: { kind: 'context', conditions: entry.conditions } };
}
