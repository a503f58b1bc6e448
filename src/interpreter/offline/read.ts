/**
 * Reading a text into drafts: normalise, rewrite into parser English, tokenise, recognise,
 * join value lists, split into parts and alternatives, assemble. Used for requests, for the
 * glossary's meanings and for answers to questions. A request about visits (a live audience)
 * is recognised again in that light, so that "from Germany" is the visit's country.
 */
import type { CatalogSearch } from '../../catalog/types.js';
import type { Unplaced } from './clarify/unplaced.js';
import type { Language } from '../types.js';
import type { DraftTree, Issue } from './assemble/drafts.js';
import type { AssembleEnv } from './assemble/env.js';
import { assembleSentence } from './assemble/sentence.js';
import { messagesFor } from './messages/index.js';
import type { Mention } from './recognise/mentions.js';
import { hasLiveWords, speaksOfVisits } from './recognise/context.js';
import { scan, spanText } from './recognise/scan.js';
import type { CatalogIndex } from './resolve/catalog-index.js';
import { EventResolver } from './resolve/events.js';
import type { GlossaryMeaning } from './resolve/glossary.js';
import { ToolLog } from './resolve/tool-log.js';
import { coalesce } from './structure/coalesce.js';
import { joinLooseSuffixes } from './structure/loose-suffix.js';
import { shapeOf } from './structure/shape.js';
import { normalizePrompt } from './text/normalize.js';
import { tokenize } from './text/tokenize.js';
import { toParserEnglish } from './translate/index.js';
import { repairEnglish } from './text/repair.js';
import type { Rewrite } from './text/shorthand.js';
import type { Window } from '../../definition/schema.js';

export interface ReadEnv {
  index: CatalogIndex;
  search: CatalogSearch;
  now: Date;
  glossary: ReadonlyMap<string, GlossaryMeaning> | undefined;
  log?: ToolLog;
  language?: Language;
  /** Read as a live request whatever the words (a follow-up to a live draft); otherwise decided by the words. */
  live?: boolean;
  /** Earlier answers to clarifying questions: words → the chosen meaning. */
  answers?: Record<string, string>;
}

export interface Reading {
  tree: DraftTree;
  mentions: Mention[];
  issues: Issue[];
  notUnderstood: string[];
  /** Words left over that would change the audience (a number, a value, a time): asked about. */
  unplaced: Unplaced[];
  anchors: Array<{ order: number; window: Window }>;
  /** Read as a request about visits happening now. */
  live: boolean;
  /** Misspelt words read as others ("purchace" → purchase), said with the draft. */
  readAs: Rewrite[];
}

export function readText(text: string, language: Language, env: ReadEnv): Reading {
  const repaired = repairEnglish(toParserEnglish(normalizePrompt(text), language), env.index.speller);
  const english = repaired.text;
  const tokens = tokenize(english);
  const scanEnv = { index: env.index, search: env.search, now: env.now, glossary: env.glossary };
  let found = scan(tokens, { ...scanEnv, live: env.live === true }, english);
  const live = env.live === true || speaksOfVisits(tokens) || hasLiveWords(found);
  if (live && env.live !== true) found = scan(tokens, { ...scanEnv, live: true }, english);
  const mentions = coalesce(joinLooseSuffixes(found));
  const log = env.log ?? new ToolLog();
  const msgs = messagesFor(env.language ?? language);
  let order = 0;
  const assembleEnv: AssembleEnv = {
    index: env.index,
    now: env.now,
    glossary: env.glossary ?? new Map(),
    events: new EventResolver(env.index, log, msgs),
    log,
    msgs,
    issues: [],
    notUnderstood: [],
    unplaced: [],
    anchors: [],
    nextOrder: () => order++,
    answers: env.answers ?? {},
  };
  const tree = assembleSentence(shapeOf(mentions, (start, end) => spanText(tokens, start, end, english)), assembleEnv);
  return { tree, mentions, issues: assembleEnv.issues, notUnderstood: assembleEnv.notUnderstood, unplaced: assembleEnv.unplaced, anchors: assembleEnv.anchors, live, readAs: repaired.spellings };
}
