/** Where the graph goes after each node: pure functions of the state, unit-tested directly. */
import { END } from '@langchain/langgraph';
import type { AudienceBuilderStateType } from './state.js';

export function routeAfterIntake(state: AudienceBuilderStateType): 'resolve' | typeof END {
  return state.error ? END : 'resolve';
}

function routeOnward(state: AudienceBuilderStateType): 'clarify' | 'draft' | typeof END {
  if (state.question) return 'clarify';
  return state.proposal ? 'draft' : END;
}

/**
 * Clarifying rounds are capped per turn; past the cap the resolve node has already set an error.
 * An answer is offered for the glossary only once the interpreter has used it: when it asks about
 * the same word again, the answer was not one it could read ("no" for a number of orders).
 */
export function routeAfterResolve(state: AudienceBuilderStateType): 'remember' | 'clarify' | 'draft' | typeof END {
  if (state.error) return END;
  if (state.lastAnswer && state.question?.term !== state.lastAnswer.term) return 'remember';
  return routeOnward(state);
}

/** An offer just said is asked next, by the same node. */
export function routeAfterRemember(state: AudienceBuilderStateType): 'remember' | 'clarify' | 'draft' | typeof END {
  return state.offering ? 'remember' : routeOnward(state);
}

export function routeAfterDraft(state: AudienceBuilderStateType): 'confirm' | typeof END {
  return state.error || !state.currentDraft ? END : 'confirm';
}

export function routeAfterConfirm(state: AudienceBuilderStateType): 'save' | 'intake' {
  return state.decision?.action === 'apply' ? 'save' : 'intake';
}

/** A failed save goes back to the draft so "apply" can be tried again. */
export function routeAfterSave(state: AudienceBuilderStateType): 'confirm' | typeof END {
  return state.status === 'error' && state.currentDraft ? 'confirm' : END;
}
