/** What assembling a request needs, and what it collects along the way. */
import type { Window } from '../../../definition/schema.js';
import type { Unplaced } from '../clarify/unplaced.js';
import type { CatalogIndex } from '../resolve/catalog-index.js';
import type { EventResolver } from '../resolve/events.js';
import type { GlossaryMeaning } from '../resolve/glossary.js';
import type { ToolLog } from '../resolve/tool-log.js';
import type { Messages } from '../messages/types.js';
import type { Term } from '../../../vocabulary/vocabulary.js';
import type { EventDraft, Issue } from './drafts.js';

export interface AssembleEnv {
  index: CatalogIndex;
  now: Date;
  glossary: ReadonlyMap<string, GlossaryMeaning>;
  events: EventResolver;
  log: ToolLog;
  msgs: Messages;
  issues: Issue[];
  notUnderstood: string[];
  /** Of those, the ones that would change who is in the audience: asked about, never dropped. */
  unplaced: Unplaced[];
  /** Windows said in parts that name no event ("…, in the last 30 days"): they still cover the clause. */
  anchors: Array<{ order: number; window: Window }>;
  nextOrder(): number;
  /** Earlier answers to clarifying questions: words → the chosen meaning. */
  answers: Readonly<Record<string, string>>;
}

/** The event said last, for what a later part leaves out ("or a push notification", "redeemed it"). */
export interface EventContext {
  acts: Term[];
  things: Term[];
  draft: EventDraft;
}
