import { BaseMessage, HumanMessage } from '@langchain/core/messages';
import {
  Annotation,
  Command,
  END,
  INTERRUPT,
  START,
  StateGraph,
  interrupt,
  isInterrupted,
  messagesStateReducer,
} from '@langchain/langgraph';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisClient } from '../../src/checkpoint/redis-client.js';
import { RedisSaver } from '../../src/checkpoint/redis-saver.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';

const State = Annotation.Root({
  messages: Annotation<BaseMessage[]>({ reducer: messagesStateReducer, default: () => [] }),
  request: Annotation<string>(),
  window: Annotation<string>(),
  log: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
});

/** Drafts, then asks the marketer for a time window: the pause a real conversation has. */
function askWindowGraph() {
  return new StateGraph(State)
    .addNode('draft', (s) => ({ log: [`draft:${s.request}`] }))
    .addNode('ask_window', (s) => {
      const window = interrupt({ question: `Over which window for "${s.request}"?` });
      return { window: String(window), log: ['window chosen'] };
    })
    .addEdge(START, 'draft')
    .addEdge('draft', 'ask_window')
    .addEdge('ask_window', END);
}

const SubState = Annotation.Root({
  request: Annotation<string>(),
  window: Annotation<string>(),
  summary: Annotation<string>(),
});

/** The window question asked inside a subgraph, so its checkpoints live in a child namespace. */
function parentWithSubgraph() {
  const sub = new StateGraph(SubState)
    .addNode('draft', (s) => ({ summary: `draft:${s.request}` }))
    .addNode('ask_window', (s) => ({ window: String(interrupt({ question: `Window for "${s.request}"?` })) }))
    .addEdge(START, 'draft')
    .addEdge('draft', 'ask_window')
    .addEdge('ask_window', END)
    .compile();
  return new StateGraph(State)
    .addNode('intro', () => ({ log: ['intro'] }))
    .addNode('clarify', sub)
    .addEdge(START, 'intro')
    .addEdge('intro', 'clarify')
    .addEdge('clarify', END);
}

let redis: TestRedis;
const clients: Redis[] = [];
let run = 0;

beforeAll(async () => {
  redis = await getTestRedis();
});

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});

afterAll(async () => {
  await redis?.stop();
});

/** A saver on its own connection, as a freshly started process would have. */
async function freshSaver(prefix: string): Promise<RedisSaver> {
  const client = await connectRedisClient(redis.url);
  clients.push(client);
  return new RedisSaver({ client, prefix });
}

function nextPrefix(): string {
  run += 1;
  return `${redis.prefix}:${run}`;
}

describe('RedisSaver with a LangGraph graph', () => {
  it('resumes an interrupted thread from a new saver on a new connection, as after a restart', async () => {
    const prefix = nextPrefix();
    const config = { configurable: { thread_id: 'conversation-1' } };
    const before = askWindowGraph().compile({ checkpointer: await freshSaver(prefix) });
    const paused = await before.invoke(
      { request: 'vip buyers', messages: [new HumanMessage('vip buyers please')] },
      config,
    );
    expect(isInterrupted(paused) ? paused[INTERRUPT][0]?.value : undefined).toEqual({
      question: 'Over which window for "vip buyers"?',
    });
    for (const c of clients.splice(0)) c.disconnect();

    const after = askWindowGraph().compile({ checkpointer: await freshSaver(prefix) });
    const state = await after.getState(config);
    expect(state.next).toEqual(['ask_window']);
    expect(state.tasks[0]?.interrupts[0]?.value).toEqual({ question: 'Over which window for "vip buyers"?' });
    expect(state.values.messages[0]).toBeInstanceOf(HumanMessage);

    const done = await after.invoke(new Command({ resume: 'last 30 days' }), config);
    expect(done.window).toBe('last 30 days');
    expect(done.log).toEqual(['draft:vip buyers', 'window chosen']);
    expect((await after.getState(config)).next).toEqual([]);
  });

  it('resumes an interrupt raised inside a subgraph after a restart', async () => {
    const prefix = nextPrefix();
    const config = { configurable: { thread_id: 'conversation-2' } };
    const before = parentWithSubgraph().compile({ checkpointer: await freshSaver(prefix) });
    await before.invoke({ request: 'lapsed buyers' }, config);
    for (const c of clients.splice(0)) c.disconnect();

    const after = parentWithSubgraph().compile({ checkpointer: await freshSaver(prefix) });
    const state = await after.getState(config, { subgraphs: true });
    expect(state.next).toEqual(['clarify']);
    const subState = state.tasks[0]?.state;
    expect(subState && 'values' in subState ? subState.values.summary : undefined).toBe('draft:lapsed buyers');
    expect(subState && 'tasks' in subState ? subState.tasks[0]?.interrupts[0]?.value : undefined).toEqual({
      question: 'Window for "lapsed buyers"?',
    });
    expect(subState && 'config' in subState ? subState.config.configurable?.checkpoint_ns : '').toMatch(/^clarify:/);

    const done = await after.invoke(new Command({ resume: 'last 90 days' }), config);
    expect(done.window).toBe('last 90 days');
    expect(done.log).toEqual(['intro']);
  });

  it("keeps each branch's values when a thread is forked from an earlier checkpoint", async () => {
    const prefix = nextPrefix();
    const config = { configurable: { thread_id: 'conversation-3' } };
    const graph = askWindowGraph().compile({ checkpointer: await freshSaver(prefix) });
    await graph.invoke({ request: 'vip buyers' }, config);
    await graph.invoke(new Command({ resume: 'last 7 days' }), config);
    const original = await graph.getState(config);

    // Fork from the checkpoint that was waiting for the answer: the fork's next version of
    // `window` has the same counter as the original branch's, with another value.
    const history = [];
    for await (const s of graph.getStateHistory(config)) history.push(s);
    const waiting = history.find((s) => s.next.includes('ask_window'));
    expect(waiting).toBeDefined();
    const forkConfig = await graph.updateState(waiting!.config, { window: 'forked: all time' });
    expect((await graph.getState(forkConfig)).values.window).toBe('forked: all time');

    const originalAgain = await graph.getState(original.config);
    expect(originalAgain.values.window).toBe('last 7 days');
    expect(originalAgain.values.log).toEqual(original.values.log);
  });
});
