/**
 * Every word the reader knows from its own lexicons (acts, things, fillers, joins, negations,
 * vague words, trait and property words, value names, words of a visit, time words): what a
 * misspelt word may be corrected to, besides the workspace's own words.
 */
import * as concepts from '../../../vocabulary/concepts.js';
import * as contextWords from './context-words.js';
import * as eventWords from './event-words.js';
import * as fillerWords from './filler-words.js';
import * as outOfScope from './out-of-scope-words.js';
import * as structureWords from './structure-words.js';
import * as traitWords from './trait-words.js';
import * as vagueWords from './vague-words.js';
import * as valueAliases from './value-aliases.js';

const EXTRA = [
  'january february march april may june july august september october november december', 'monday tuesday wednesday thursday friday saturday sunday',
  'day days week weeks month months year years quarter quarters hour hours minute minutes second seconds today yesterday tomorrow',
  'last past previous since before after between during within ago recently lately ever never once twice times',
  'more less than least most over under above below fewer greater exactly equal between and or',
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen couple',
  'spent spend spending total average sum minimum maximum lowest highest largest biggest smallest',
  'gclid fbclid msclkid ttclid dclid wbraid gbraid utm_source utm_medium utm_campaign utm_term utm_content',
];

function collect(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 5 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    for (const w of value.toLowerCase().split(/[^\p{L}']+/u)) if (w.length >= 3) out.add(w);
  } else if (Array.isArray(value) || value instanceof Set) {
    for (const v of value) collect(v, out, depth + 1);
  } else if (value instanceof Map) {
    for (const [k, v] of value) {
      collect(k, out, depth + 1);
      collect(v, out, depth + 1);
    }
  } else if (typeof value === 'object' && !(value instanceof RegExp)) {
    for (const [k, v] of Object.entries(value)) {
      collect(k, out, depth + 1);
      collect(v, out, depth + 1);
    }
  }
}

let words: ReadonlySet<string> | undefined;

export function lexiconWords(): ReadonlySet<string> {
  if (!words) {
    const out = new Set<string>();
    for (const m of [concepts, contextWords, eventWords, fillerWords, outOfScope, structureWords, traitWords, vagueWords, valueAliases, EXTRA]) collect(m, out);
    words = out;
  }
  return words;
}
