/**
 * The one interface both interpreters (offline parser, LLM) implement: a description (and the
 * current draft, for refinements) in, a definition, a question or an error out.
 */
import type { AudienceDefinition } from '../definition/schema.js';

import type { Catalog, CatalogSearch } from '../catalog/types.js';
import type { AudienceEngine } from '../engine/types.js';
import type { ErrorCode } from '../errors.js';

export type Language = 'en' | 'zh-TW' | 'ja' | 'th';

export interface ToolCallRecord {
  tool: string;
  input: unknown;
  /** Short, user-facing: "Found event Order Completed". */
  summary: string;
}

export interface InterpreterContext {
  catalog: Catalog;
  search: CatalogSearch;
  engine: AudienceEngine;
  now: Date;
  /** The draft being refined, when the message refines rather than starts over. */
  current?: AudienceDefinition;
  /** Earlier answers to clarifying questions in this conversation: term → chosen meaning. */
  answers?: Record<string, string>;
  /** Called as lookups happen, so a client can show them live. */
  onToolCall?: (call: ToolCallRecord) => void;
  signal?: AbortSignal;
}

export interface ClarifyingQuestion {
  /** The vague word or ambiguity the question is about ("high-spending"). */
  term: string;
  text: string;
  /** Concrete options computed from the data, the last one inviting free text. */
  options: string[];
  /** Options that decide what to do ("Leave it out") rather than say what the words mean: never kept in the glossary. */
  decisions?: string[];
}

export type Interpretation =
  | {
      kind: 'definition';
      definition: AudienceDefinition;
      language: Language;
      /** Parts of the request that were not understood (said honestly, never dropped silently). */
      notUnderstood: string[];
      /** Misspelt words it read as others ("purchace" → purchase), shown with the draft. */
      readAs?: Array<{ from: string; to: string }>;
      toolCalls: ToolCallRecord[];
    }
  | { kind: 'clarify'; question: ClarifyingQuestion; language: Language; toolCalls: ToolCallRecord[] }
  | {
      kind: 'error';
      code: ErrorCode;
      message: string;
      /** Closest names or alternatives the data can answer. */
      suggestions?: string[];
      language: Language;
      toolCalls: ToolCallRecord[];
    };

export interface Interpreter {
  readonly name: 'offline' | 'llm';
  interpret(prompt: string, ctx: InterpreterContext): Promise<Interpretation>;
}
