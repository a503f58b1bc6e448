/** Where the graph goes after each node: pure functions of the state, unit-tested directly. */
import { END } from '@langchain/langgraph';
import type { AudienceBuilderStateType } from './state.js';

export function routeAfterIntake(state: AudienceBuilderStateType): 'resolve' | typeof END {
  return state.error ? END : 'resolve';
}

/** Clarifying rounds are capped per turn; past the cap the resolve node has already set an error. */
export function routeAfterResolve(state: AudienceBuilderStateType): 'clarify' | 'draft' | typeof END {
  if (state.error) return END;
  if (state.question) return 'clarify';
  return state.proposal ? 'draft' : END;
}

export function routeAfterClarify(state: AudienceBuilderStateType): 'remember' | 'resolve' {
  return state.lastAnswer ? 'remember' : 'resolve';
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
