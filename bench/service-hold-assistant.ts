/**
 * A graph that stays in its one step until stopped (or `holdMs` passes), served like the real
 * one: a run that keeps its streams open as long as the benchmark needs, with no workspace.
 */
import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import type { AssistantDefinition } from '../src/server/runs/assistant.js';

export const HOLD_ID = 'hold';

const State = Annotation.Root({ prompt: Annotation<string> });

function hold(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('stopped'));
    }, { once: true });
  });
}

export function holdAssistant(holdMs: number): AssistantDefinition {
  return {
    assistantId: HOLD_ID,
    name: 'Hold',
    createGraph: (checkpointer: BaseCheckpointSaver) =>
      new StateGraph(State)
        .addNode('hold', async (_s, config) => {
          config.writer?.({ type: 'progress', stage: 'holding' });
          await hold(holdMs, config.signal);
          return {};
        })
        .addEdge(START, 'hold')
        .addEdge('hold', END)
        .compile({ checkpointer, name: HOLD_ID }),
    configurable: () => ({}),
    toInput: (input) => input,
  };
}
