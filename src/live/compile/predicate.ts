import type { ValueType } from '../../catalog/types.js';
import type { VisitFacts, VisitorTraitInfo } from '../types.js';
import type { HistoryIndex } from './history.js';

/** One compiled condition: reads the visit's facts and the visitor's history answers. */
export type Predicate = (facts: VisitFacts, history: readonly boolean[], now: Date) => boolean;

export interface CompileOptions {
  /** The workspace currency, for the reason lines. */
  currency: string;
  /** The catalog's profile traits. */
  traitTypes: Record<string, ValueType>;
  /** Traits visitors recorded about themselves. */
  visitorTraits?: VisitorTraitInfo[];
}

export interface CompileScope extends CompileOptions {
  history: HistoryIndex;
}
