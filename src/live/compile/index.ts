/**
 * A workspace's ordered live audiences compiled once into in-process predicates; the matcher
 * builds one per list version and evaluates every visit against it with no SQL.
 */
import type { CompiledLiveList, LiveAudience, Qualification, VisitFacts } from '../types.js';
import { HistoryIndex } from './history.js';
import type { CompileOptions } from './predicate.js';
import { compileAudience, type Qualifier } from './tree.js';

export type { CompileOptions } from './predicate.js';

const NEVER: Qualifier = () => ({ qualifies: false, reasons: [] });

/** `unusable`: ids of audiences that never qualify (their definitions do not validate against the workspace); they keep their place. */
export function compileLiveList(audiences: LiveAudience[], opts: CompileOptions, unusable: ReadonlySet<string> = new Set()): CompiledLiveList {
  const history = new HistoryIndex();
  const scope = { ...opts, history };
  const qualifiers = audiences.map((a) => (unusable.has(a.id) ? NEVER : compileAudience(a.definition, scope)));
  return {
    audiences: [...audiences],
    historyConditions: history.conditions,
    qualify(facts: VisitFacts, answers: readonly boolean[], now: Date): Qualification[] {
      const out = new Array<Qualification>(qualifiers.length);
      for (let i = 0; i < qualifiers.length; i++) out[i] = qualifiers[i]!(facts, answers, now);
      return out;
    },
  };
}
