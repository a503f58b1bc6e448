/**
 * A chat model that answers from a script and records what it was sent: graph and interpreter
 * logic can be tested turn by turn without a network. A script step is a reply, a function of
 * the messages (to answer after seeing tool results), or an error to throw.
 */
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';

export interface ScriptedCall {
  name: string;
  args: Record<string, unknown>;
}

export type ScriptStep = AIMessage | Error | ((messages: BaseMessage[]) => AIMessage);

/** An assistant turn calling tools. */
export function callTools(...calls: ScriptedCall[]): AIMessage {
  return new AIMessage({ content: '', tool_calls: calls.map((c, i) => ({ id: `call_${Math.random().toString(36).slice(2, 8)}_${i}`, name: c.name, args: c.args, type: 'tool_call' as const })) });
}

export class ScriptedChatModel extends BaseChatModel {
  readonly calls: BaseMessage[][] = [];
  boundToolNames: string[] = [];
  private readonly script: ScriptStep[];

  constructor(script: ScriptStep[], params: BaseChatModelParams = {}) {
    super(params);
    this.script = [...script];
  }

  _llmType(): string {
    return 'scripted';
  }

  /** Remaining steps: a test can check the script was used up. */
  get remaining(): number {
    return this.script.length;
  }

  enqueue(...steps: ScriptStep[]): void {
    this.script.push(...steps);
  }

  override bindTools(tools: unknown[]) {
    this.boundToolNames = tools.map((t) => {
      const named = t as { name?: string; function?: { name?: string } };
      return named.name ?? named.function?.name ?? '?';
    });
    return this.withConfig({});
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    this.calls.push([...messages]);
    const step = this.script.shift();
    if (!step) throw new Error('ScriptedChatModel: script exhausted');
    if (step instanceof Error) throw step;
    const message = typeof step === 'function' ? step(messages) : step;
    return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
  }
}
