import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openTiny } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const tiny = useWorkspace(openTiny);

describe('what the data cannot answer is an error with alternatives', () => {
  it('refuses a window longer than the plan, naming the limit', async () => {
    const r = await interpreter.interpret('Customers who purchased something in the last 2 years', tiny.context());
    expect(r).toMatchObject({ kind: 'error', code: 'lookback_exceeded', message: 'Your plan only supports a compute history of 365 days.' });
  });

  it('says in-store activity is out of scope and offers the web event', async () => {
    const r = await interpreter.interpret('Customers who frequently shop in our physical stores', tiny.context());
    expect(r).toMatchObject({ kind: 'error', code: 'out_of_scope' });
    if (r.kind === 'error') expect(r.suggestions?.join(' ')).toContain('Order Placed');
  });

  it('does not map an unknown activity to a far-fetched event', async () => {
    const r = await interpreter.interpret('Customers who registered for a webinar in the last 30 days', tiny.context());
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(['unknown_reference', 'out_of_scope']).toContain(r.code);
  });

  it('reports an event concept the workspace does not track', async () => {
    const r = await interpreter.interpret('Customers who added something to their cart last week', tiny.context());
    expect(r).toMatchObject({ kind: 'error', code: 'unknown_reference' });
  });

  it('reports a value nobody has, with the values there are', async () => {
    const r = await interpreter.interpret('Customers from Spain who purchased recently', tiny.context());
    expect(r).toMatchObject({ kind: 'error', code: 'unknown_reference' });
    if (r.kind === 'error') expect(r.suggestions).toContain('DE');
  });

  it('refuses a prompt that is too short before reading it', async () => {
    expect(await interpreter.interpret('VIP buyers', tiny.context())).toMatchObject({ kind: 'error', code: 'invalid_prompt' });
  });

  it('says so when nothing in the prompt is a condition', async () => {
    const r = await interpreter.interpret('Please show me some of our customers', tiny.context());
    expect(r).toMatchObject({ kind: 'error', code: 'invalid_prompt' });
  });
});
