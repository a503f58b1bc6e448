/** Graph stream payloads as plain JSON: whatever a payload holds, turning it into JSON never fails the run. */
import { describe, expect, it } from 'vitest';
import { checkpointPayload, toRunEvent, toWire } from '../../src/server/runs/run-events.js';

describe('payloads as plain JSON', () => {
  it('leaves out a reference back to an object it is inside of, and keeps the same object met twice', () => {
    const shared = { n: 1 };
    const client: Record<string, unknown> = { name: 'redis', options: { retries: 2 } };
    client.self = client;
    (client.options as Record<string, unknown>).owner = client;
    expect(toWire({ a: shared, b: shared, client, list: [shared, shared] })).toEqual({
      a: { n: 1 },
      b: { n: 1 },
      client: { name: 'redis', options: { retries: 2 } },
      list: [{ n: 1 }, { n: 1 }],
    });
  });

  it('drops functions and writes bigints as text', () => {
    expect(toWire({ f: () => 1, big: 10n })).toEqual({ big: '10' });
  });
});

describe('checkpoint events', () => {
  // The checkpointer knows the thread by its key (workspace/id); clients see its id.
  const config = (id: string) => ({ configurable: { thread_id: 'acme/t1', checkpoint_ns: '', checkpoint_id: id, catalog: { huge: true }, engine: {} }, callbacks: { handlers: [] }, metadata: { run_id: 'r1' } });

  it('carry the checkpoint address only, as the official server sends them', () => {
    const payload = checkpointPayload({ config: config('c2'), parentConfig: config('c1'), values: { prompt: 'x' }, metadata: { step: 1 }, next: ['draft'], tasks: [{ state: config('c3') }] }, 't1');
    expect(payload).toEqual({
      values: { prompt: 'x' },
      next: ['draft'],
      config: { configurable: { thread_id: 't1', checkpoint_ns: '', checkpoint_id: 'c2' } },
      parent_config: { configurable: { thread_id: 't1', checkpoint_ns: '', checkpoint_id: 'c1' } },
      metadata: { step: 1 },
      tasks: [{ state: { configurable: { thread_id: 't1', checkpoint_ns: '', checkpoint_id: 'c3' } } }],
    });
  });

  it('are shaped the same inside debug events', () => {
    const event = toRunEvent(['debug', { type: 'checkpoint', step: 1, payload: { config: config('c2'), values: {}, next: [], tasks: [] } }], false, 't1');
    expect(event?.data).toMatchObject({ type: 'checkpoint', payload: { config: { configurable: { checkpoint_id: 'c2' } }, parent_config: null } });
    expect(JSON.stringify(event)).not.toContain('catalog');
  });
});
