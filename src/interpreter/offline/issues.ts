/** Problems found while reading, as the error the user sees (with alternatives where we have them). */
import { isPluralNoun, isVerb } from '../../vocabulary/word-class.js';
import type { Catalog, CatalogSearch } from '../../catalog/types.js';
import type { ErrorCode } from '../../errors.js';
import type { Issue } from './assemble/drafts.js';
import type { Messages } from './messages/types.js';

export interface IssueError {
  code: ErrorCode;
  message: string;
  suggestions?: string[];
  /** The words of the request the error is about, when it is about words the data does not hold. */
  about?: string;
}

/** The most telling issue first: things outside the data, then unknown words, then values. */
const RANK: Record<Exclude<Issue['kind'], 'ambiguous_event'>, number> = { beyond_history: 0, out_of_scope: 1, no_event: 2, unknown: 3, missing_value: 4, not_recorded: 5 };

export function issueError(issues: readonly Issue[], msgs: Messages, catalog: Catalog, search: CatalogSearch): IssueError | undefined {
  const issue = issues.filter((i): i is Exclude<Issue, { kind: 'ambiguous_event' }> => i.kind !== 'ambiguous_event').sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
  if (!issue) return undefined;
  switch (issue.kind) {
    case 'beyond_history':
      return { code: 'lookback_exceeded', message: msgs.lookbackExceeded(catalog.workspace.lookbackDays) };
    case 'out_of_scope':
      return { code: 'out_of_scope', message: msgs.outOfScope(issue.thing, issue.alternative), suggestions: issue.alternative ? [issue.alternative] : suggestEvents(catalog, search, issue.thing) };
    case 'no_event':
      return { code: 'unknown_reference', message: msgs.noSuchEvent(issue.what), ...suggestionsFor(catalog, search, issue.what) };
    case 'unknown':
      return { code: 'unknown_reference', message: msgs.unknownThing(issue.words), ...suggestionsFor(catalog, search, issue.words) };
    case 'missing_value':
      return { code: 'unknown_reference', message: msgs.missingValue(issue.value, issue.field, issue.examples), suggestions: issue.examples };
    case 'not_recorded':
      return { code: 'unknown_reference', message: msgs.notRecordedOn(issue.value, issue.event), suggestions: suggestEvents(catalog, search, issue.value) };
  }
}

/**
 * Names the data can answer with, closest to the words first, then its busiest events. When the
 * search found something close, the words are what the request is about (`about`): asked, not refused.
 */
function suggestionsFor(catalog: Catalog, search: CatalogSearch, words: string): { suggestions: string[]; about?: string } {
  const found = (query: string): string[] => {
    try {
      return search.search(query, { limit: 5 }).map((h) => (h.kind === 'event' ? h.name : h.kind === 'value' ? `${h.name} (${h.trait ?? h.property})` : `${h.name} (${h.kind})`));
    } catch {
      return [];
    }
  };
  // "big savers", "best referrers": who does a thing is found by the thing done, and is asked about.
  const done = words.split(/\s+/).flatMap(doerForms).flatMap(found);
  const events = catalog.events.slice().sort((a, b) => b.profiles - a.profiles).map((e) => e.name);
  const suggestions = [...new Set([...done, ...found(words), ...events])].slice(0, 6);
  return done.length ? { suggestions, about: words } : { suggestions };
}

/** Names the data can answer with, closest to the words first. */
function suggestEvents(catalog: Catalog, search: CatalogSearch, words: string): string[] {
  return suggestionsFor(catalog, search, words).suggestions;
}

/** What doers do: "savers" → save, saving; "referrers" → refer, referring; "investors" → invest, investing. */
export function doerForms(word: string): string[] {
  const w = word.toLowerCase();
  const m = /^(\p{L}{3,}?)(e|o)rs$/iu.exec(w);
  if (!m || !isPluralNoun(w)) return [];
  const stem = m[1]!;
  const undoubled = /(\p{L})\1$/u.test(stem) ? stem.slice(0, -1) : stem;
  const verbs = [...new Set(m[2] === 'o' ? [stem] : [`${stem}e`, undoubled])].filter(isVerb);
  return verbs.flatMap((v) => [v, `${v.replace(/e$/, '')}ing`]);
}
