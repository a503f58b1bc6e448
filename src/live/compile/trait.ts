/**
 * A trait condition in a live audience. A trait the visit carries (sent by the site or recorded
 * from the visitor's answer) is tested in-process; a profile trait it does not carry is answered
 * from the profile by the engine, with the history conditions; any other missing trait is no
 * value, so negative operators hold.
 */
import type { TraitCondition } from '../../definition/schema.js';
import { declaredTraitType, holdsWithoutValue, traitHolds } from '../trait-test.js';
import type { CompileScope, Predicate } from './predicate.js';

export function compileTrait(c: TraitCondition, scope: CompileScope): Predicate {
  const name = c.trait;
  const declared = declaredTraitType(name, scope.traitTypes, scope.visitorTraits);
  const answer = Object.hasOwn(scope.traitTypes, name) ? scope.history.add(c) : -1;
  const without = holdsWithoutValue(c);
  return (f, history, now) => {
    const v = f.traits[name];
    if (v !== undefined && Object.hasOwn(f.traits, name)) return traitHolds(c, v, declared, now);
    return answer >= 0 ? history[answer] === true : without;
  };
}
