/** Every lookup the interpreter makes, reported live (onToolCall) and kept for the answer. */
import type { ToolCallRecord } from '../../types.js';

export class ToolLog {
  readonly calls: ToolCallRecord[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly onToolCall?: (call: ToolCallRecord) => void) {}

  /** Records a lookup once per distinct summary (the same value found twice is one finding). */
  record(tool: string, input: unknown, summary: string): void {
    if (this.seen.has(summary)) return;
    this.seen.add(summary);
    const call = { tool, input, summary };
    this.calls.push(call);
    this.onToolCall?.(call);
  }
}
