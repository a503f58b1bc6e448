/**
 * A tiny graph served like the real one, to test the service without a workspace: `ask` streams
 * a custom event and asks a question (interrupt with options); `finish` records the answer.
 * Each node can be slowed through `configurable` (honouring the run's abort signal), and each
 * node run is counted in `steps` so replays and duplicates show.
 */
import { Annotation, END, START, StateGraph, interrupt, type LangGraphRunnableConfig } from '@langchain/langgraph';
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import type { AssistantDefinition } from '../../../src/server/runs/assistant.js';

export const TINY_ID = 'tiny';

const State = Annotation.Root({
  prompt: Annotation<string>,
  answer: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  steps: Annotation<string[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
});

export interface TinyTiming {
  /** Before the question. */
  askDelayMs?: number;
  /** After the answer, in `finish`. */
  finishDelayMs?: number;
  /** Work before the question, in its own step `prepare` (checkpointed before `ask`). */
  prepareDelayMs?: number;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!ms) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    }, { once: true });
  });
}

function timing(config: LangGraphRunnableConfig): TinyTiming {
  return (config.configurable?.timing ?? {}) as TinyTiming;
}

export function createTinyGraph(checkpointer: BaseCheckpointSaver) {
  return new StateGraph(State)
    .addNode('prepare', async (_s, config) => {
      await pause(timing(config).prepareDelayMs ?? 0, config.signal);
      return { steps: ['prepare'] };
    })
    .addNode('ask', async (state, config) => {
      config.writer?.({ type: 'progress', stage: 'ask' });
      await pause(timing(config).askDelayMs ?? 0, config.signal);
      const answer = interrupt({ type: 'question', question: `What do you mean by "${state.prompt}"?`, options: ['the first', 'the second'], term: state.prompt }) as string;
      return { answer, steps: ['ask'] };
    })
    .addNode('finish', async (_s, config) => {
      await pause(timing(config).finishDelayMs ?? 0, config.signal);
      return { steps: ['finish'] };
    })
    .addEdge(START, 'prepare')
    .addEdge('prepare', 'ask')
    .addEdge('ask', 'finish')
    .addEdge('finish', END)
    .compile({ checkpointer, name: TINY_ID });
}

export function tinyAssistant(t: TinyTiming = {}, assistantId = TINY_ID): AssistantDefinition {
  return {
    assistantId,
    name: 'Tiny',
    createGraph: (checkpointer) => createTinyGraph(checkpointer),
    configurable: () => ({ timing: t }),
    toInput: (input) => input,
    title: (input) => String((input as { prompt?: unknown }).prompt ?? ''),
  };
}
