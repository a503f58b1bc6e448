/**
 * What the recognisers find in a prompt: each mention covers a span of tokens and says what
 * kind of thing it is. Later steps only look at mentions, never at raw words.
 */
import type { Comparator, ContextCondition, TimeUnit, Window } from '../../../definition/schema.js';
import type { OutOfScopeId } from '../lexicon/out-of-scope-words.js';
import type { Term } from '../../../vocabulary/vocabulary.js';

export type WindowSpec =
  | { kind: 'window'; window: Window }
  /** "in that time", "in the same period": the window said earlier in the sentence. */
  | { kind: 'backref' }
  /** "ever", "in total", "lifetime": all the history the plan allows, never a shared window. */
  | { kind: 'alltime' }
  /** "in the next 7 days": ahead of now; only a date the profile holds can fall there. */
  | { kind: 'next'; amount: number; unit: TimeUnit };

export type CompareOp = Comparator | 'between';

export interface Comparison {
  op: CompareOp;
  value: number | [number, number];
  money: boolean;
}

/** An act's concept (vocabulary/concepts.ts: 'buy', 'open', 'login', …), or the verb's lemma when it is none. */
export type ActionId = string;
/** A thing's concept ('email', 'video', …), or the noun's lemma when it is none. */
export type ObjectId = string;

export type ValueRef =
  | { source: 'trait'; trait: string; value: string | number | boolean }
  | { source: 'tag'; trait: string; value: string }
  | { source: 'property'; event: string; property: string; value: string | number | boolean }
  /** A value people name ("Spain") for a field the workspace has, that no profile holds. */
  | { source: 'missing'; field: string; value: string };

/** `page`: a page named in words ("the pricing page"); `hours`: "business hours". Both about a visit. */
export type Notion = 'spend' | 'frequency' | 'churn' | 'likelihood' | 'interest' | 'new' | 'page' | 'hours' | 'engagement' | 'satisfaction' | 'size';

export type MentionBody =
  /** `attach`: "with", "whose": may carry a detail of the thing just named. */
  /**
   * `except`: what follows is taken away from the audience; `either`: the "or" that follows chooses
   * between whole clauses; `wide`: an "or" that starts a clause of its own (", or anyone who").
   */
  | { kind: 'connector'; op: 'and' | 'or' | 'and_not' | 'except' | 'either'; attach?: boolean; wide?: boolean }
  | { kind: 'window'; spec: WindowSpec }
  /** `measure`: the unit said after the number ("50 MB", "300 seconds"), which names the property measured. */
  | { kind: 'cmp'; cmp: Comparison; unit?: 'times' | 'years' | 'stars' | 'percent'; measure?: string }
  /** "or more" said after what is counted ("three orders or more"); joined to its number. */
  | { kind: 'cmp_suffix'; op: 'gte' | 'lte' }
  | { kind: 'neg'; never: boolean }
  /** `light`: a verb that lends its meaning to the noun after it ("left a review", "made a purchase"). */
  | { kind: 'action'; action: ActionId; term: Term; light?: boolean }
  /**
   * `generic`: a word for anything bought or done ("something", "a product", "stuff"): it narrows nothing.
   * `refs`: the word is also a value of the data ("documentary" is a genre): a filter when the event carries it.
   */
  | { kind: 'object'; object: ObjectId; term: Term; generic?: boolean; refs?: ValueRef[] }
  | { kind: 'event_name'; events: string[] }
  /** `lead`: the word written just before ("from" Instagram, "via" the newsletter). */
  | { kind: 'value'; refs: ValueRef[]; lead?: string }
  | { kind: 'trait_ref'; trait: string }
  | { kind: 'boolean_trait'; trait: string; value: boolean }
  | { kind: 'property_ref'; property: string; events: string[] }
  /**
   * `generic`: a bare "average", "total", "lowest" whose measure is named next ("average
   * rating", "total refunds"), not a money phrase like "average order value".
   */
  | { kind: 'aggregate'; fn: 'sum' | 'avg' | 'min' | 'max'; generic?: boolean }
  /** `first`: "first purchase" rather than "last purchase". */
  | { kind: 'recency_head'; acts: Term[]; things: Term[]; first?: boolean }
  /** "top 10% of spenders". */
  | { kind: 'top'; percent: number; notion: 'spend' | 'frequency' }
  /** "before 1970", "after March 2025": a date for date traits. */
  | { kind: 'date_cmp'; op: 'lt' | 'gt'; date: string }
  | { kind: 'ago'; op: 'more_than' | 'within'; amount: number; unit: TimeUnit }
  | { kind: 'list'; list: string }
  /** Facts of the visit itself (device, place, page, campaign, time, cookie, visit number), all of them holding: live audiences. */
  | { kind: 'context'; conditions: ContextCondition[] }
  | { kind: 'glossary'; term: string; negated: boolean }
  | { kind: 'vague'; term: string; notion: Notion }
  /** `values`: several texts, any (or all) of which it holds ("mentions VP or Head of"). */
  | { kind: 'contains'; value: string; values?: string[]; joint?: 'or' | 'and' }
  /** A unit said apart from its number ("300 workout minutes"): it names the property measured. */
  | { kind: 'unit'; measure: string }
  | { kind: 'pronoun' }
  | { kind: 'tagged' }
  | { kind: 'repeat'; cmp: Comparison }
  | { kind: 'out_of_scope'; thing: OutOfScopeId }
  /** "on a single order", "in one purchase": the amount is of one order, not a total. */
  | { kind: 'single_order' }
  /** Understood as a kind of thing the definition cannot say ("in the following 30 days"): said back, never guessed. */
  | { kind: 'unsupported' }
  | { kind: 'unknown' };

export type Mention = MentionBody & {
  start: number;
  end: number;
  /** The words as written. */
  text: string;
};

export type MentionKind = MentionBody['kind'];
export type MentionOf<K extends MentionKind> = Extract<Mention, { kind: K }>;
