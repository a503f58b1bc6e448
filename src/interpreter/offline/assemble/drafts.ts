/**
 * Conditions on their way to the definition. Event conditions stay drafts until the whole
 * request is read, because a window said once covers the whole clause.
 */
import type { Comparator, Condition, PropertyFilter, TimeUnit, Window } from '../../../definition/schema.js';
import type { Notion, WindowSpec } from '../recognise/mentions.js';
import type { OutOfScopeId } from '../lexicon/out-of-scope-words.js';

export type EventMeasure =
  | { type: 'count'; op: Comparator; value: number }
  | { type: 'aggregate'; fn: 'sum' | 'avg' | 'min' | 'max'; property: string; op: Comparator | 'between'; value: number | [number, number] }
  | { type: 'recency'; op: 'more_than' | 'within'; amount: number; unit: TimeUnit };

export interface EventDraft {
  kind: 'event';
  events: string[];
  filters: PropertyFilter[];
  /** The window said in this part of the request, if any. */
  window?: WindowSpec;
  /** A window that comes with the words themselves (a glossary term like "active"). */
  fixedWindow?: Window;
  measure: EventMeasure;
  /**
   * The event said before, said again with its own window ("bought twice but not in the last
   * 90 days"): that window belongs to this draft alone and is not shared with the clause.
   */
  ownWindow?: boolean;
  /** Reading order, for sharing windows. */
  order: number;
}

export interface LeafDraft {
  kind: 'leaf';
  /**
   * A group for a fact of the visit said negated that is several conditions ("not on an iPhone"),
   * or a glossary word's meaning; an event condition only from a glossary word.
   */
  condition: Condition;
}

/** A vague word waiting for its meaning (an answer, or a question to ask). */
export interface VagueDraft {
  kind: 'vague';
  term: string;
  notion: Notion;
  /** Values said with it ("interested in Beauty"), to make the options concrete. */
  about: string[];
  /** "top 10% of spenders": no question, the threshold is the data's own quantile. */
  percentile?: number;
  /** "outside business hours": the answer's opposite (only for words about the visit). */
  negated?: boolean;
}

/** Event drafts of which any one will do: "hasn't abandoned a cart" is never added, or bought. */
export interface AnyDraft {
  kind: 'any';
  drafts: EventDraft[];
}

export type Draft = EventDraft | LeafDraft | VagueDraft | AnyDraft;

/** Drafts joined: parts by AND, alternatives by OR, drafts of one alternative by AND. */
export interface DraftPart {
  kind: 'part';
  op: 'and' | 'or';
  alternatives: Draft[][];
}

/** "either A or B": one of the branches holds. */
export interface DraftChoice {
  kind: 'choice';
  branches: DraftTree[];
}

export interface DraftTree {
  /** In reading order, joined by AND. */
  items: Array<DraftPart | DraftChoice>;
  /** Audiences taken away ("excluding anyone refunded"), with the words that said them. */
  exclusions: Array<{ text: string; tree: DraftTree }>;
}

export type Issue =
  | { kind: 'unknown'; words: string }
  | { kind: 'out_of_scope'; thing: OutOfScopeId; alternative?: string }
  | { kind: 'no_event'; what: string }
  /** Several events fit the words about as well ("opened a push": shown, or tapped?): asked, never guessed. */
  | { kind: 'ambiguous_event'; words: string; candidates: string[] }
  | { kind: 'missing_value'; value: string; field: string; examples: string[] }
  | { kind: 'not_recorded'; value: string; event: string }
  /** A time said reaches before the history the plan keeps ("bought before 2020"). */
  | { kind: 'beyond_history' };
