/**
 * Groups and audiences as trees of closures. An audience qualifies when its root holds and no
 * exclusion does; its reasons are the lines of the top-level conditions that held, written
 * once at compile time.
 */
import { explainCondition } from '../../definition/explain.js';
import type { AudienceDefinition, Condition, Group } from '../../definition/schema.js';
import type { Qualification, VisitFacts } from '../types.js';
import { compileContext } from './context.js';
import type { CompileScope, Predicate } from './predicate.js';
import { compileTrait } from './trait.js';

export function compileCondition(c: Condition, scope: CompileScope): Predicate {
  switch (c.type) {
    case 'group': return compileGroup(c, scope);
    case 'context': return compileContext(c);
    case 'trait': return compileTrait(c, scope);
    default: {
      const answer = scope.history.add(c);
      return (_f, history) => history[answer] === true;
    }
  }
}

export function compileGroup(g: Group, scope: CompileScope): Predicate {
  const parts = g.conditions.map((c) => compileCondition(c, scope));
  if (parts.length === 1) return parts[0]!;
  return g.op === 'and'
    ? (f, h, now) => {
      for (const p of parts) if (!p(f, h, now)) return false;
      return true;
    }
    : (f, h, now) => {
      for (const p of parts) if (p(f, h, now)) return true;
      return false;
    };
}

export type Qualifier = (facts: VisitFacts, history: readonly boolean[], now: Date) => Qualification;

// Most of a list's audiences do not hold for a given visit: they all get this one answer instead
// of a new object and array each (frozen, so a caller cannot change it for the next visit).
const NO_REASONS: string[] = [];
Object.freeze(NO_REASONS);
const NOT_QUALIFIED: Qualification = Object.freeze({ qualifies: false, reasons: NO_REASONS });

export function compileAudience(def: AudienceDefinition, scope: CompileScope): Qualifier {
  const tops = def.root.conditions.map((c) => compileCondition(c, scope));
  const lines = def.root.conditions.map((c) => explainCondition(c, { currency: scope.currency }));
  const exclusions = def.exclude.map((e) => compileGroup(e.root, scope));
  const excluded = (f: VisitFacts, h: readonly boolean[], now: Date) => {
    for (const x of exclusions) if (x(f, h, now)) return true;
    return false;
  };
  if (def.root.op === 'and' || tops.length === 1) {
    return (f, h, now) => {
      for (const p of tops) if (!p(f, h, now)) return NOT_QUALIFIED;
      return excluded(f, h, now) ? NOT_QUALIFIED : { qualifies: true, reasons: lines.slice() };
    };
  }
  return (f, h, now) => {
    let reasons: string[] | undefined;
    for (let i = 0; i < tops.length; i++) if (tops[i]!(f, h, now)) (reasons ??= []).push(lines[i]!);
    return reasons === undefined || excluded(f, h, now) ? NOT_QUALIFIED : { qualifies: true, reasons };
  };
}
