/**
 * The checkpointer calls of one real conversation, to replay against each saver: the audience
 * builder on the workspace, answering its questions, asking for one change to the draft and
 * then saving it. Recorded through a MemorySaver that keeps a deep copy of every put and
 * putWrites (round-tripped through the serializer, as every saver stores them).
 */
import { Command, MemorySaver } from '@langchain/langgraph';
import type { RunnableConfig } from '@langchain/core/runnables';
import type { ChannelVersions, Checkpoint, CheckpointMetadata, PendingWrite } from '@langchain/langgraph-checkpoint';
import { createAudienceBuilderGraph } from '../graphs/audience-builder/graph.js';
import type { AudienceBuilderInterrupt } from '../graphs/audience-builder/interrupts.js';
import { InMemoryAudienceRepository } from '../src/audiences/memory-audience-repository.js';
import { InMemoryGlossaryRepository } from '../src/glossary/memory-glossary-repository.js';
import { createOfflineInterpreter } from '../src/interpreter/offline/index.js';
import type { Workspace } from '../src/store/workspace.js';

export type RecordedCall =
  | { kind: 'put'; config: RunnableConfig; checkpoint: Checkpoint; metadata: CheckpointMetadata; newVersions: ChannelVersions; bytes: number }
  | { kind: 'putWrites'; config: RunnableConfig; writes: PendingWrite[]; taskId: string; taskPath?: string; bytes: number };

export interface RecordedConversation {
  /** What the user said and answered, in order. */
  steps: string[];
  calls: RecordedCall[];
  /** How it ended (`saved` when the audience was saved). */
  status: string;
}

/** What a saver reads of a config (the rest holds the run's live dependencies). */
function checkpointFields(config: RunnableConfig): RunnableConfig {
  const { thread_id, checkpoint_ns, checkpoint_id } = (config.configurable ?? {}) as Record<string, unknown>;
  return { configurable: { thread_id, checkpoint_ns, ...(checkpoint_id !== undefined ? { checkpoint_id } : {}) } };
}

class RecordingSaver extends MemorySaver {
  readonly calls: RecordedCall[] = [];

  private async copy<T>(value: T): Promise<{ value: T; bytes: number }> {
    const [type, bytes] = await this.serde.dumpsTyped(value);
    return { value: (await this.serde.loadsTyped(type, bytes)) as T, bytes: bytes.byteLength };
  }

  override async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions?: ChannelVersions): Promise<RunnableConfig> {
    const copied = await this.copy(checkpoint);
    const meta = await this.copy(metadata);
    this.calls.push({ kind: 'put', config: checkpointFields(config), checkpoint: copied.value, metadata: meta.value, newVersions: { ...newVersions }, bytes: copied.bytes + meta.bytes });
    return super.put(config, checkpoint, metadata);
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    const copied = await this.copy(writes);
    this.calls.push({ kind: 'putWrites', config: checkpointFields(config), writes: copied.value, taskId, ...(taskPath !== undefined ? { taskPath } : {}), bytes: copied.bytes });
    return super.putWrites(config, writes, taskId, taskPath);
  }
}

const FIRST_PROMPT = 'High-spending customers';
const EDIT = 'only those in Japan';
const MAX_STEPS = 10;

export async function recordConversation(workspace: Workspace, now: Date): Promise<RecordedConversation> {
  const saver = new RecordingSaver();
  const graph = createAudienceBuilderGraph({ checkpointer: saver });
  const configurable = {
    thread_id: 'recorded',
    interpreter: createOfflineInterpreter(),
    catalog: workspace.catalog,
    search: workspace.search,
    engine: workspace.engine,
    audiences: new InMemoryAudienceRepository(),
    glossary: new InMemoryGlossaryRepository(),
    workspaceId: 'bench',
    now,
  };
  const steps = [FIRST_PROMPT];
  let input: unknown = { prompt: FIRST_PROMPT };
  let edited = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    await graph.invoke(input as never, { configurable });
    const state = await graph.getState({ configurable });
    const pending = state.tasks.flatMap((t) => t.interrupts).map((i) => i.value as AudienceBuilderInterrupt)[0];
    if (!pending) return { steps, calls: saver.calls, status: String((state.values as { status?: unknown }).status) };
    let answer: unknown;
    if (pending.type === 'question') answer = pending.options[0] ?? 'yes';
    else if (!edited) answer = EDIT;
    else answer = { action: 'apply', name: 'High spenders in Japan' };
    edited ||= pending.type === 'confirm';
    steps.push(typeof answer === 'string' ? answer : JSON.stringify(answer));
    input = new Command({ resume: answer });
  }
  throw new Error(`the recorded conversation did not end within ${MAX_STEPS} steps: ${steps.join(' → ')}`);
}
