/**
 * Malformed requests: every one is answered with the error envelope, a 4xx status and a message
 * naming the field, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

let svc: TestService;
let threadId: string;

beforeAll(async () => {
  svc = await startTestService({ assistants: [tinyAssistant()] });
  threadId = (await svc.client().threads.create()).thread_id;
});

afterAll(async () => {
  await svc?.stop();
});

interface Case {
  name: string;
  method: string;
  path: string;
  /** A raw string is sent as is; anything else as JSON. */
  body?: unknown;
  status: number;
  code: string;
  /** The message must name this (a field, usually). */
  mentions: string;
}

const run = (extra: Record<string, unknown>) => ({ assistant_id: TINY_ID, input: { prompt: 'x' }, ...extra });

const CASES: Case[] = [
  { name: 'body that is not JSON', method: 'POST', path: '/threads', body: '{"metadata": ', status: 400, code: 'invalid_input', mentions: 'not valid JSON' },
  { name: 'unknown field', method: 'POST', path: '/threads', body: { thread_idd: 'x' }, status: 400, code: 'invalid_input', mentions: 'body.thread_idd is not a known field' },
  { name: 'wrong type', method: 'POST', path: '/threads', body: { metadata: 'vip' }, status: 400, code: 'invalid_input', mentions: 'body.metadata must be an object' },
  { name: 'thread id with spaces', method: 'POST', path: '/threads', body: { thread_id: 'a b' }, status: 400, code: 'invalid_input', mentions: 'body.thread_id' },
  { name: 'body that is an array', method: 'POST', path: '/threads/search', body: [], status: 400, code: 'invalid_input', mentions: 'body' },
  { name: 'limit as a string', method: 'POST', path: '/threads/search', body: { limit: '10' }, status: 400, code: 'invalid_input', mentions: 'body.limit must be a number' },
  { name: 'limit of zero', method: 'POST', path: '/threads/search', body: { limit: 0 }, status: 400, code: 'invalid_input', mentions: 'body.limit' },
  { name: 'unknown status', method: 'POST', path: '/threads/search', body: { status: 'sleeping' }, status: 400, code: 'invalid_input', mentions: 'body.status' },
  { name: 'run without assistant', method: 'POST', path: '/threads/{t}/runs/stream', body: { input: { prompt: 'x' } }, status: 400, code: 'invalid_input', mentions: 'body.assistant_id is required' },
  { name: 'unsupported stream mode', method: 'POST', path: '/threads/{t}/runs/stream', body: run({ stream_mode: ['events'] }), status: 400, code: 'invalid_input', mentions: 'body.stream_mode' },
  { name: 'unsupported multitask strategy', method: 'POST', path: '/threads/{t}/runs/stream', body: run({ multitask_strategy: 'rollback' }), status: 400, code: 'invalid_input', mentions: 'body.multitask_strategy' },
  { name: 'input and command together', method: 'POST', path: '/threads/{t}/runs/stream', body: run({ command: { resume: 'a' } }), status: 400, code: 'invalid_input', mentions: 'body.command' },
  { name: 'empty command', method: 'POST', path: '/threads/{t}/runs/stream', body: { assistant_id: TINY_ID, command: {} }, status: 400, code: 'invalid_input', mentions: 'body.command' },
  { name: 'unknown command field', method: 'POST', path: '/threads/{t}/runs/stream', body: { assistant_id: TINY_ID, command: { resum: 'a' } }, status: 400, code: 'invalid_input', mentions: 'body.command.resum' },
  { name: 'update for an assistant that takes only resume', method: 'POST', path: '/threads/{t}/runs/stream', body: { assistant_id: TINY_ID, command: { update: { answer: 'x' } } }, status: 400, code: 'invalid_input', mentions: 'takes only command.resume' },
  { name: 'unknown assistant', method: 'POST', path: '/threads/{t}/runs/stream', body: { assistant_id: 'nope', input: {} }, status: 404, code: 'not_found', mentions: 'nope' },
  { name: 'run on a missing thread', method: 'POST', path: '/threads/missing/runs/stream', body: run({}), status: 404, code: 'not_found', mentions: 'missing' },
  { name: 'malformed thread id in the path', method: 'GET', path: '/threads/a%20b', status: 400, code: 'invalid_input', mentions: 'params.thread_id' },
  { name: 'history limit too large', method: 'POST', path: '/threads/{t}/history', body: { limit: 100000 }, status: 400, code: 'invalid_input', mentions: 'body.limit' },
  { name: 'compute without definition', method: 'POST', path: '/v1/compute', body: {}, status: 400, code: 'invalid_input', mentions: 'body.definition is required' },
  { name: 'compute with a wrong definition version', method: 'POST', path: '/v1/compute', body: { definition: { version: 2, root: {} } }, status: 422, code: 'invalid_definition', mentions: 'version' },
  { name: 'compute with a bad time', method: 'POST', path: '/v1/compute', body: { definition: {}, now: 'yesterday' }, status: 400, code: 'invalid_input', mentions: 'body.now' },
  { name: 'catalog search without words', method: 'GET', path: '/v1/catalog/search', status: 400, code: 'invalid_input', mentions: 'query.q' },
  { name: 'members in an unknown format', method: 'GET', path: '/v1/audiences/a1/members?format=xml', status: 400, code: 'invalid_input', mentions: 'query.format' },
  { name: 'audience patch with nothing to change', method: 'PATCH', path: '/v1/audiences/a1', body: {}, status: 400, code: 'invalid_input', mentions: 'at least one' },
  { name: 'unknown route', method: 'GET', path: '/v2/everything', status: 404, code: 'not_found', mentions: '/v2/everything' },
];

describe('malformed requests', () => {
  it.each(CASES)('answers $name with $status $code naming the problem', async (c) => {
    const body = c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
    const res = await fetch(`${svc.url}${c.path.replace('{t}', threadId)}`, {
      method: c.method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body,
    });
    const payload = (await res.json()) as { error: { code: string; message: string; retryable: boolean } };
    expect({ status: res.status, code: payload.error.code, retryable: payload.error.retryable }).toEqual({ status: c.status, code: c.code, retryable: false });
    expect(payload.error.message).toContain(c.mentions);
  });
});
