/**
 * The audience builder graph served as assistant `audience-builder`: its dependencies come from
 * the request's workspace and the service's repositories; a chat message becomes its `prompt`.
 */
import { checkClientCommand } from '../../../graphs/audience-builder/client-command.js';
import { userSays } from '../../../graphs/audience-builder/conversation.js';
import { createAudienceBuilderGraph } from '../../../graphs/audience-builder/graph.js';
import { audienceBuilderSchemas } from '../../../graphs/audience-builder/schemas.js';
import type { AudienceBuilderDeps } from '../../../graphs/audience-builder/configuration.js';
import type { AudienceRepository } from '../../audiences/types.js';
import { AppError } from '../../errors.js';
import type { GlossaryRepository } from '../../glossary/types.js';
import type { Interpreter } from '../../interpreter/types.js';
import type { LiveAudienceRepository, VisitorStateStore } from '../../live/types.js';
import type { AssistantDefinition } from '../runs/assistant.js';

export const AUDIENCE_BUILDER_ID = 'audience-builder';

export interface AudienceBuilderAssistantOptions {
  interpreter: Interpreter;
  audiences: AudienceRepository;
  glossary?: GlossaryRepository;
  /** Where applied live drafts go (the service's `liveAudiences`); without it a live draft cannot be applied. */
  liveAudiences?: LiveAudienceRepository;
  /** The traits visitors recorded (the service's `visitors`), usable in requests like profile traits. */
  visitors?: Pick<VisitorStateStore, 'traitCatalog'>;
  /** Sample members shown with a draft. */
  sampleSize?: number;
}

const SHAPE = 'input must be {"messages":[{"type":"human","content":"…"}]} or {"prompt":"…"}';

interface MessageLike {
  type?: unknown;
  role?: unknown;
  content?: unknown;
  id?: unknown;
}

function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const parts = content.map((p) => (typeof p === 'string' ? p : typeof p === 'object' && p !== null && (p as { type?: unknown }).type === 'text' ? String((p as { text?: unknown }).text ?? '') : ''));
    return parts.join('');
  }
  return undefined;
}

/** A message id a client may choose (chat UIs name their messages to show them before the answer). */
const MESSAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The user's words, and the id their chat client gave the message: `prompt`, or the last human message of `messages`. */
export function messageFromInput(input: unknown): { text: string; id?: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('invalid_input', `${SHAPE}.`, { field: 'body.input' });
  const { prompt, messages } = input as { prompt?: unknown; messages?: unknown };
  if (typeof prompt === 'string') return { text: prompt };
  if (Array.isArray(messages)) {
    const human = [...messages].reverse().find((m: MessageLike) => typeof m === 'object' && m !== null && (m.type === 'human' || m.role === 'user' || m.role === 'human')) as MessageLike | undefined;
    const text = human ? textOf(human.content) : undefined;
    if (text !== undefined) return { text, ...(typeof human!.id === 'string' && MESSAGE_ID.test(human!.id) ? { id: human!.id } : {}) };
    throw new AppError('invalid_input', `body.input.messages has no human message with text content; ${SHAPE}.`, { field: 'body.input.messages' });
  }
  throw new AppError('invalid_input', `${SHAPE}.`, { field: 'body.input' });
}

export function promptFromInput(input: unknown): string {
  return messageFromInput(input).text;
}

export function audienceBuilderAssistant(o: AudienceBuilderAssistantOptions): AssistantDefinition {
  return {
    assistantId: AUDIENCE_BUILDER_ID,
    name: 'Audience builder',
    description: "Turns a plain-language description into an audience over the workspace's data, asking when a word is vague.",
    createGraph: (checkpointer) => createAudienceBuilderGraph({ checkpointer }),
    configurable: async (ctx) => {
      const workspace = await ctx.workspace();
      return {
        interpreter: o.interpreter,
        catalog: workspace.catalog,
        search: workspace.search,
        engine: workspace.engine,
        audiences: o.audiences,
        ...(o.glossary ? { glossary: o.glossary } : {}),
        ...(o.liveAudiences ? { liveAudiences: o.liveAudiences } : {}),
        ...(o.visitors ? { visitors: o.visitors } : {}),
        workspaceId: ctx.tenant,
        now: ctx.now,
        ...(o.sampleSize !== undefined ? { sampleSize: o.sampleSize } : {}),
      } satisfies AudienceBuilderDeps;
    },
    toInput: (input) => {
      const { text, id } = messageFromInput(input);
      return { prompt: text, messages: [userSays(text, id)] };
    },
    // Typing into the chat box while a question waits answers it (the widget's buttons send command.resume).
    answerWith: (input, thread) => (thread.interrupts.length > 0 ? { resume: promptFromInput(input) } : undefined),
    checkCommand: async (command, thread, ctx) => {
      const workspace = await ctx.workspace();
      return checkClientCommand(command, {
        values: thread.values,
        interrupts: thread.interrupts,
        catalog: workspace.catalog,
        search: workspace.search,
        visitorTraits: o.visitors ? await o.visitors.traitCatalog(ctx.tenant) : [],
        now: ctx.now,
      });
    },
    schemas: audienceBuilderSchemas,
    title: (input) => {
      const text = promptFromInput(input).replace(/\s+/g, ' ').trim();
      return text.length > 80 ? `${text.slice(0, 79)}…` : text;
    },
  };
}
