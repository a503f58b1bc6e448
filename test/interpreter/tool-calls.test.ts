import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import type { ToolCallRecord } from '../../src/interpreter/types.js';
import { openTiny } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const tiny = useWorkspace(openTiny);

describe('lookups are reported as they happen', () => {
  it('reports the event and values it found, live and in the answer', async () => {
    const live: ToolCallRecord[] = [];
    const r = await interpreter.interpret('Customers from Germany who purchased in the last 30 days', tiny.context({ onToolCall: (c) => live.push(c) }));
    const summaries = r.toolCalls.map((c) => c.summary);
    expect(summaries).toContain('Found event Order Placed');
    expect(summaries).toContain('Found value DE of country');
    expect(live.map((c) => c.summary)).toEqual(summaries);
  });

});
