/**
 * The audience builder's input and state as JSON Schema, for `/assistants/:id/schemas` (Studio
 * and other clients draw their input forms from it). The fields a client may write are the ones
 * `command.update` checks (client-command.ts); the rest are what the graph alone writes.
 */
import { z } from 'zod';
import { ClientStateUpdate } from './client-command.js';

const ChatMessage = z.object({
  id: z.string().optional(),
  type: z.enum(['human', 'ai']),
  content: z.union([z.string(), z.array(z.record(z.string(), z.unknown()))]),
});

export const AudienceBuilderInput = z.object({
  /** The conversation so far, or just the new message: its last human message is what is read. */
  messages: z.array(ChatMessage).optional(),
  /** The new message as plain text (instead of `messages`). */
  prompt: z.string().optional(),
});

const Json = z.record(z.string(), z.unknown());

export const AudienceBuilderStateSchema = ClientStateUpdate.extend({
  messages: z.array(ChatMessage),
  offering: z.boolean(),
  currentDraft: Json.nullable(),
  audience: Json.nullable(),
  liveAudience: Json.nullable(),
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean(), suggestions: z.array(z.string()).optional() }).nullable(),
  toolCalls: z.array(Json),
  status: z.enum(['drafting', 'clarifying', 'confirming', 'saved', 'error']),
}).partial();

function jsonSchema(schema: z.ZodType, title: string): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { title, ...rest };
}

export function audienceBuilderSchemas() {
  return {
    input: jsonSchema(AudienceBuilderInput, 'AudienceBuilderInput'),
    output: jsonSchema(AudienceBuilderStateSchema, 'AudienceBuilderState'),
    state: jsonSchema(AudienceBuilderStateSchema, 'AudienceBuilderState'),
    // The service decides a run's dependencies (workspace, engine, interpreter): nothing to configure.
    config: { title: 'Configurable', type: 'object', properties: {} },
  };
}
