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
