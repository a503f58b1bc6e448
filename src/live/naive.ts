/**
 * The baseline the live bench compares the compiled list with: the definitions interpreted
 * from scratch on every call. Each condition reads the raw visitor (URL parsed, text
 * lower-cased, User-Agent parsed, regular expression compiled where it is tested), history
 * answers are found by comparing conditions as JSON, and reason lines are written per call.
 * Same answers as `compileLiveList(...).qualify(visitFacts(...))`.
 */
import type { ValueType } from '../catalog/types.js';
import { explainCondition } from '../definition/explain.js';
import type { AudienceDefinition, Condition, HistoryCondition } from '../definition/schema.js';
import { canonicalJson } from './compile/history.js';
import { contextHolds } from './naive-context.js';
import { declaredTraitType, holdsWithoutValue, traitHolds } from './trait-test.js';
import type { LiveAudience, Qualification, VisitorTraitInfo, VisitorTraitValue } from './types.js';
import type { VisitorInput } from './visitor.js';

export interface NaiveInput {
  visitor: VisitorInput;
  recordedTraits: Record<string, VisitorTraitValue>;
  /** The history conditions asked of the engine and its answers, position by position. */
  historyConditions: readonly HistoryCondition[];
  history: readonly boolean[];
  now: Date;
}

export interface NaiveOptions {
  currency: string;
  traitTypes: Record<string, ValueType>;
  visitorTraits?: VisitorTraitInfo[];
}

function historyAnswer(c: HistoryCondition, input: NaiveInput): boolean {
  const key = canonicalJson(c);
  const i = input.historyConditions.findIndex((h) => canonicalJson(h) === key);
  return i >= 0 && input.history[i] === true;
}

function holds(c: Condition, input: NaiveInput, opts: NaiveOptions): boolean {
  switch (c.type) {
    case 'group':
      return c.op === 'and' ? c.conditions.every((x) => holds(x, input, opts)) : c.conditions.some((x) => holds(x, input, opts));
    case 'context':
      return contextHolds(c, input.visitor);
    case 'trait': {
      const traits: Record<string, VisitorTraitValue> = { ...input.recordedTraits, ...input.visitor.traits };
      const v = Object.hasOwn(traits, c.trait) ? traits[c.trait] : undefined;
      if (v !== undefined) return traitHolds(c, v, declaredTraitType(c.trait, opts.traitTypes, opts.visitorTraits), input.now);
      return Object.hasOwn(opts.traitTypes, c.trait) ? historyAnswer(c, input) : holdsWithoutValue(c);
    }
    default:
      return historyAnswer(c, input);
  }
}

function qualifyOne(def: AudienceDefinition, input: NaiveInput, opts: NaiveOptions): Qualification {
  const held = def.root.conditions.filter((c) => holds(c, input, opts));
  const rootHolds = def.root.op === 'and' ? held.length === def.root.conditions.length : held.length > 0;
  if (!rootHolds || def.exclude.some((e) => holds(e.root, input, opts))) return { qualifies: false, reasons: [] };
  return { qualifies: true, reasons: held.map((c) => explainCondition(c, { currency: opts.currency })) };
}

/** One qualification per audience, in order, as `CompiledLiveList.qualify` gives them. */
export function naiveQualify(audiences: readonly LiveAudience[], input: NaiveInput, opts: NaiveOptions): Qualification[] {
  return audiences.map((a) => qualifyOne(a.definition, input, opts));
}
