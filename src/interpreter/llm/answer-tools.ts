/**
 * The three ways the model finishes, as tools with JSON schemas: a definition (its schema is the
 * definition's own zod schema, converted), a question, or a reasoned refusal. Arguments are
 * parsed again on our side: a schema sent to the model is a request, not a guarantee.
 */
import { z } from 'zod';
import { AudienceDefinition } from '../../definition/schema.js';
import { ANSWER_TOOLS } from './system-prompt.js';

export const SubmitArgs = z.object({
  definition: z.unknown(),
  not_understood: z.array(z.string().max(300)).max(20).optional(),
});

export const AskArgs = z.object({
  term: z.string().min(1).max(200),
  question: z.string().min(1).max(500),
  options: z.array(z.string().min(1).max(200)).min(1).max(6),
});

export const REFUSAL_CODES = ['unknown_reference', 'out_of_scope', 'lookback_exceeded', 'invalid_prompt'] as const;
export const RefuseArgs = z.object({
  code: z.enum(REFUSAL_CODES),
  message: z.string().min(1).max(500),
  suggestions: z.array(z.string().max(200)).max(10).optional(),
});

export interface FunctionToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export function answerToolDefinitions(): FunctionToolDefinition[] {
  // The definition is recursive: its $defs must sit at the root of the parameters for "#/$defs/…" to resolve.
  const { $defs, ...definitionSchema } = jsonSchema(AudienceDefinition);
  return [
    {
      type: 'function',
      function: {
        name: ANSWER_TOOLS.submit,
        description: 'Finish with the audience definition.',
        parameters: {
          type: 'object',
          properties: {
            definition: definitionSchema,
            not_understood: { type: 'array', items: { type: 'string' }, description: 'Parts of the description that could not be expressed.' },
          },
          required: ['definition'],
          ...($defs ? { $defs } : {}),
        },
      },
    },
    {
      type: 'function',
      function: { name: ANSWER_TOOLS.ask, description: 'Finish with one clarifying question and concrete options.', parameters: jsonSchema(AskArgs) },
    },
    {
      type: 'function',
      function: { name: ANSWER_TOOLS.refuse, description: 'Finish when the data cannot answer the request.', parameters: jsonSchema(RefuseArgs) },
    },
  ];
}
