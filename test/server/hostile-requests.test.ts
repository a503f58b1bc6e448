/**
 * Requests that once answered 500 or ended a run with `internal` (issue 10): each is now a 4xx
 * with a code and a message, and the service answers the next request as usual.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builderService, deepJsonText, nestedDefinition, type Answer } from './support/builder-service.js';

const api = builderService();

interface ErrorBody {
  error: { code: string; message: string; retryable: boolean };
}

function expectClientError(answer: Answer, code: string, mentions?: string): void {
  const body = answer.body as ErrorBody;
  expect({ status: answer.status, code: body?.error?.code }).toMatchObject({ status: expect.any(Number), code });
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(body.error.retryable).toBe(false);
  if (mentions) expect(body.error.message).toContain(mentions);
}

describe('requests the HTTP stack cannot read', () => {
  it('answers an id that is not valid percent-encoding with invalid_input', async () => {
    expectClientError(await api.call('GET', '/threads/%ff%fe'), 'invalid_input', 'percent-encoding');
    expectClientError(await api.call('GET', '/v1/audiences/%E0%A4%A/members'), 'invalid_input', 'percent-encoding');
  });

  it('answers a body that says gzip but is plain with invalid_input', async () => {
    expectClientError(await api.call('POST', '/threads', '{"metadata":{}}', { 'content-encoding': 'gzip' }), 'invalid_input', 'Content-Encoding');
  });

  it('reads a body that is gzipped as it says', async () => {
    const res = await fetch(`${api.svc.url}/threads`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync('{"metadata":{"zipped":true}}') });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { metadata: unknown }).metadata).toEqual({ zipped: true });
  });

  it('answers an unknown Content-Encoding with invalid_input', async () => {
    expectClientError(await api.call('POST', '/threads', '{}', { 'content-encoding': 'snappy' }), 'invalid_input', 'Content-Encoding');
  });
});

describe('bodies nested too deep', () => {
  it('answers thread metadata nested 5,000 deep with invalid_input', async () => {
    expectClientError(await api.call('POST', '/threads', `{"metadata":${deepJsonText(5000)}}`), 'invalid_input', 'nested more than');
    const thread = await api.thread();
    expectClientError(await api.call('PATCH', `/threads/${thread}`, `{"metadata":${deepJsonText(5000)}}`), 'invalid_input', 'nested more than');
  });

  it('answers a definition nested 3,000 deep on /v1/compute and /v1/live-audiences with a 4xx', async () => {
    const text = JSON.stringify(nestedDefinition(30)).replace('"conditions":[', `"conditions":[${'{"type":"group","op":"and","conditions":['.repeat(2970)}`) + ']}'.repeat(2970);
    expectClientError(await api.call('POST', '/v1/compute', `{"definition":${text}}`), 'invalid_input');
    expectClientError(await api.call('POST', '/v1/live-audiences', `{"name":"deep","definition":${text}}`), 'invalid_input');
  });

  it('answers a definition a few groups too deep with limit_exceeded naming the limit', async () => {
    expectClientError(await api.call('POST', '/v1/compute', { definition: nestedDefinition(6) }), 'limit_exceeded', 'the limit is 4');
    expectClientError(await api.call('POST', '/v1/live-audiences', { name: 'deep', definition: nestedDefinition(20) }), 'limit_exceeded', 'the limit is 4');
  });

  it('answers /v1/match with a visitor nested too deep with invalid_input', async () => {
    expectClientError(await api.call('POST', '/v1/match', `{"visitor":{"id":"v1","traits":${deepJsonText(5000)}}}`), 'invalid_input', 'nested more than');
  });

  it('still answers after all of these', async () => {
    expect((await api.call('GET', '/healthz')).status).toBe(200);
    expect((await api.call('POST', '/v1/compute', { definition: nestedDefinition(1) })).status).toBe(200);
  });
});

describe('personal traits', () => {
  const emailContains = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'email', op: 'contains', value: 'a' }] } };

  it('answers /v1/compute asking what email holds with personal_data', async () => {
    expectClientError(await api.call('POST', '/v1/compute', { definition: emailContains }), 'personal_data', 'email is personal data');
  });

  it('answers a live audience asking what email holds with personal_data', async () => {
    expectClientError(await api.call('POST', '/v1/live-audiences', { name: 'gmail', definition: emailContains }), 'personal_data', 'email is personal data');
  });

  it('counts who has an email', async () => {
    const has = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'email', op: 'exists' }] } };
    const answer = await api.call('POST', '/v1/compute', { definition: has });
    expect(answer.status).toBe(200);
  });
});

describe('runs that once failed inside the graph', () => {
  const run = (extra: Record<string, unknown>) => ({ assistant_id: 'audience-builder', ...extra });
  const stream = (thread: string, body: unknown) => api.call('POST', `/threads/${thread}/runs/stream`, body);

  it('answers a run with no input on a new thread with invalid_input', async () => {
    expectClientError(await stream(await api.thread(), run({})), 'invalid_input', 'send input');
  });

  it('answers a recursion_limit too low for a turn with invalid_input naming it', async () => {
    expectClientError(await stream(await api.thread(), run({ input: { prompt: 'Customers from Germany' }, config: { recursion_limit: 1 } })), 'invalid_input', 'body.config.recursion_limit must be at least 25');
  });

  it('answers a resume on a thread that waits for nothing with invalid_input', async () => {
    expectClientError(await stream(await api.thread(), run({ command: { update: { prompts: null }, resume: 'apply' } })), 'invalid_input', 'not waiting for an answer');
  });
});

describe('command.update and command.goto', () => {
  const run = (command: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ assistant_id: 'audience-builder', command, ...extra });
  const stream = (thread: string, body: unknown) => api.call('POST', `/threads/${thread}/runs/stream`, body);
  const deepLive = nestedDefinition(50, { type: 'context', field: 'device', op: 'in', value: ['mobile'] });

  /** A thread waiting on the draft of "Customers from Germany". */
  async function atConfirm(): Promise<string> {
    const thread = await api.thread();
    const first = await stream(thread, { assistant_id: 'audience-builder', input: { prompt: 'Customers from Germany' } });
    expect(first.frames.some((f) => f.event === 'values' && JSON.stringify(f.data).includes('"type":"confirm"'))).toBe(true);
    return thread;
  }

  it('refuses the attack of issue 10: a hand-made live draft of 50 nested groups saved through goto', async () => {
    const thread = await atConfirm();
    const attack = (definition: unknown) => run({ update: { currentDraft: { kind: 'live', definition }, decision: { action: 'apply', name: 'x' } }, goto: 'save' });
    expectClientError(await stream(thread, attack(deepLive)), 'invalid_input', 'nested more than');
    expectClientError(await stream(thread, attack(nestedDefinition(3))), 'invalid_input', 'body.command.update.currentDraft is not a field a client may set');
    expect(((await api.call('GET', '/v1/live-audiences')).body as { audiences: { name: string }[] }).audiences.map((a) => a.name)).not.toContain('x');
  });

  it('refuses a null where the state holds a list, naming the field', async () => {
    expectClientError(await stream(await atConfirm(), run({ update: { prompts: null }, resume: 'apply' })), 'invalid_input', 'body.command.update.prompts');
  });

  it('parses a proposed definition with its limits and validates it against the workspace', async () => {
    const thread = await atConfirm();
    expectClientError(await stream(thread, run({ update: { proposal: { definition: deepLive, notUnderstood: [] } }, goto: 'draft' })), 'invalid_input', 'nested more than');
    expectClientError(await stream(thread, run({ update: { proposal: { definition: nestedDefinition(8), notUnderstood: [] } }, goto: 'draft' })), 'limit_exceeded', 'the limit is 4');
    expectClientError(await stream(thread, run({ update: { proposal: { definition: 'nope', notUnderstood: [] } }, goto: 'draft' })), 'invalid_input', 'body.command.update.proposal.definition');
    const emailContains = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'email', op: 'contains', value: 'a' }] } };
    expectClientError(await stream(thread, run({ update: { proposal: { definition: emailContains, notUnderstood: [] } }, goto: 'draft' })), 'personal_data');
    const unknown = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'shoe_size', op: 'eq', value: 42 }] } };
    expectClientError(await stream(thread, run({ update: { proposal: { definition: unknown, notUnderstood: [] } }, goto: 'draft' })), 'unknown_reference');
  });

  it('goes to a node only with the state it is entered with', async () => {
    const fresh = await api.thread();
    expectClientError(await stream(fresh, run({ goto: 'confirm' })), 'invalid_input', 'cannot go to confirm without a draft');
    expectClientError(await stream(fresh, run({ update: { decision: { action: 'apply', name: 'x', description: '' } }, goto: 'save' })), 'invalid_input', 'cannot go to save without a draft');
    expectClientError(await stream(fresh, run({ goto: 'nowhere' })), 'invalid_input', 'not a step of this assistant');
    expectClientError(await stream(fresh, run({ update: [['prompt', 'a'], ['prompt', 'b']] })), 'invalid_input', 'more than once');
  });

  it('answers the draft only in the shape it takes', async () => {
    expectClientError(await stream(await atConfirm(), run({ resume: { action: 'delete everything' } })), 'invalid_input', 'Answer the draft');
  });

  it('counts a valid proposal sent with goto draft, and saves it on apply', async () => {
    const thread = await atConfirm();
    const over40 = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }, { type: 'trait', trait: 'age', op: 'gt', value: 40 }] } };
    const drafted = await stream(thread, run({ update: { proposal: { definition: over40, notUnderstood: [] } }, goto: 'draft' }));
    expect(drafted.status).toBe(200);
    expect(drafted.frames.map((f) => f.event)).not.toContain('error');
    const saved = await stream(thread, run({ resume: { action: 'apply', name: 'Germans over 40' } }));
    expect(saved.frames.map((f) => f.event)).not.toContain('error');
    const audiences = ((await api.call('GET', '/v1/audiences')).body as { audiences: { name: string; definition: unknown }[] }).audiences;
    expect(audiences.find((a) => a.name === 'Germans over 40')?.definition).toEqual({ ...over40, exclude: [] });
  });

  it('refuses interrupt_before naming no step, and a checkpoint the thread does not have', async () => {
    const thread = await atConfirm();
    expectClientError(await stream(thread, { assistant_id: 'audience-builder', input: { prompt: 'Customers from France' }, interrupt_before: ['nope'] }), 'invalid_input', 'body.interrupt_before');
    const missing = await stream(thread, { assistant_id: 'audience-builder', input: { prompt: 'Customers from France' }, checkpoint_id: 'no-such-checkpoint' });
    expect(missing.status).toBe(404);
  });
});
