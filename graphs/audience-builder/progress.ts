/**
 * Custom stream events (stream mode `custom`): progress for a progress bar and each lookup as it
 * happens. Plain JSON, so the service can forward them as they are.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { ToolCallRecord } from '../../src/interpreter/types.js';

export type Stage = 'intake' | 'resolve' | 'clarify' | 'draft' | 'confirm' | 'save';

export interface ProgressEvent {
  type: 'progress';
  stage: Stage;
  /** 0–100 within the turn. */
  percent: number;
  message: string;
}

export interface ToolEvent {
  type: 'tool';
  tool: string;
  summary: string;
}

export type AudienceBuilderEvent = ProgressEvent | ToolEvent;

export function emitProgress(config: LangGraphRunnableConfig, stage: Stage, percent: number, message: string): void {
  config.writer?.({ type: 'progress', stage, percent, message } satisfies ProgressEvent);
}

export function emitToolCall(config: LangGraphRunnableConfig, call: ToolCallRecord): void {
  config.writer?.({ type: 'tool', tool: call.tool, summary: call.summary } satisfies ToolEvent);
}
