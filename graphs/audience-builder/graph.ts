/**
 * The audience builder: intake → resolve ⇄ clarify (→ remember) → draft → confirm → save, with
 * "edit" looping back to intake. Wiring only; each node lives in nodes/.
 */
import { END, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { clarifyNode } from './nodes/clarify.js';
import { confirmNode } from './nodes/confirm.js';
import { draftNode } from './nodes/draft.js';
import { intakeNode } from './nodes/intake.js';
import { rememberNode } from './nodes/remember.js';
import { resolveNode } from './nodes/resolve.js';
import { saveNode } from './nodes/save.js';
import { routeAfterRemember, routeAfterConfirm, routeAfterDraft, routeAfterIntake, routeAfterResolve, routeAfterSave } from './routes.js';
import { AudienceBuilderState } from './state.js';

export interface AudienceBuilderGraphOptions {
  /** Where threads are kept between turns (MemorySaver in tests, the Redis saver in the service). */
  checkpointer?: BaseCheckpointSaver | false;
}

export function createAudienceBuilderGraph(options: AudienceBuilderGraphOptions = {}) {
  return new StateGraph(AudienceBuilderState)
    .addNode('intake', intakeNode)
    .addNode('resolve', resolveNode)
    .addNode('clarify', clarifyNode)
    .addNode('remember', rememberNode)
    .addNode('draft', draftNode)
    .addNode('confirm', confirmNode)
    .addNode('save', saveNode)
    .addEdge(START, 'intake')
    .addConditionalEdges('intake', routeAfterIntake, ['resolve', END])
    .addConditionalEdges('resolve', routeAfterResolve, ['remember', 'clarify', 'draft', END])
    .addEdge('clarify', 'resolve')
    .addConditionalEdges('remember', routeAfterRemember, ['remember', 'clarify', 'draft', END])
    .addConditionalEdges('draft', routeAfterDraft, ['confirm', END])
    .addConditionalEdges('confirm', routeAfterConfirm, ['save', 'intake'])
    .addConditionalEdges('save', routeAfterSave, ['confirm', END])
    .compile({ checkpointer: options.checkpointer, name: 'audience-builder' });
}

export type AudienceBuilderGraph = ReturnType<typeof createAudienceBuilderGraph>;

