/**
 * The real audience builder graph, served over HTTP on Redis with the shop workspace, driven by
 * the official SDK client: a vague prompt, its question, an answer, the draft, apply; then the
 * saved audience through the plain REST API (members as CSV/JSONL, SQL, edit, delete).
 */
import type { Client } from '@langchain/langgraph-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { AUDIENCE_BUILDER_ID, audienceBuilderAssistant } from '../../src/server/assistants/audience-builder.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { postJson } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';

let redis: TestRedis;
let shop: OpenShop;
let svc: TestService;

beforeAll(async () => {
  redis = await getTestRedis();
  shop = await openShop();
  svc = await startTestService({
    assistants: (repositories) => [audienceBuilderAssistant({ interpreter: createOfflineInterpreter(), audiences: repositories.audiences, glossary: repositories.glossary })],
    redis,
    workspaces: { get: async (tenant) => (tenant === 'default' ? shop : undefined) },
    deps: { referenceTime: () => SHOP_NOW },
    // A first turn on a busy machine can block the loop past the fast tests' lock lifetime.
    settings: { lockTtlMs: 10_000 },
  });
}, 120_000);

afterAll(async () => {
  await svc?.stop();
  await shop?.dispose();
  await redis?.stop();
});

interface Interrupt {
  type: 'question' | 'confirm';
  question?: string;
  options?: string[];
  draft?: { size: number; explanation: string[]; samples: unknown[]; reachability: Record<string, number> };
}

async function turn(client: Client, threadId: string, payload: { input?: Record<string, unknown>; command?: { resume: unknown } }): Promise<{ interrupt?: Interrupt; events: string[]; values: Record<string, unknown> }> {
  const events: string[] = [];
  let interrupt: Interrupt | undefined;
  let values: Record<string, unknown> = {};
  for await (const p of client.runs.stream(threadId, AUDIENCE_BUILDER_ID, { ...payload, streamMode: ['values', 'updates', 'custom', 'messages-tuple'] })) {
    events.push(p.event);
    if (p.event !== 'values') continue;
    const data = p.data as Record<string, unknown> & { __interrupt__?: { value: Interrupt }[] };
    if (data.__interrupt__) interrupt = data.__interrupt__[0]?.value;
    else values = data;
  }
  return { interrupt, events, values };
}

describe('the audience builder over HTTP', () => {
  let audienceId = '';
  let draftSize = 0;

  it('asks what a vague word means, takes an option, shows the draft and saves it on apply', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    let step = await turn(client, thread.thread_id, { input: { messages: [{ type: 'human', content: 'High-spending customers' }] } });
    expect(step.events[0]).toBe('metadata');
    expect(step.events).toContain('custom');
    expect(step.interrupt).toMatchObject({ type: 'question' });
    expect(step.interrupt?.options?.length).toBeGreaterThanOrEqual(2);
    expect(step.interrupt?.question).toMatch(/high-spending/i);
    const firstOption = step.interrupt!.options![0]!;
    for (let i = 0; i < 4 && step.interrupt?.type === 'question'; i++) {
      step = await turn(client, thread.thread_id, { command: { resume: i === 0 ? firstOption : step.interrupt.options?.[0] ?? 'no' } });
    }
    expect(step.interrupt?.type).toBe('confirm');
    const draft = step.interrupt!.draft!;
    expect(draft.size).toBeGreaterThan(0);
    expect(draft.explanation.join(' ')).toMatch(/spen|Order/i);
    draftSize = draft.size;

    const applied = await turn(client, thread.thread_id, { command: { resume: { action: 'apply', name: 'Big spenders', description: 'For the VIP night' } } });
    expect(applied.interrupt).toBeUndefined();
    const audience = applied.values.audience as { id: string; name: string };
    expect(audience.name).toBe('Big spenders');
    audienceId = audience.id;

    const listed = (await client.threads.search({ limit: 10 })).find((t) => t.thread_id === thread.thread_id);
    expect(listed).toMatchObject({ status: 'idle', title: 'High-spending customers' });
    const history = await client.threads.getHistory(thread.thread_id, { limit: 100 });
    expect(history.length).toBeGreaterThan(4);
  });

  it('lists the saved audience and streams exactly its members as CSV and JSONL', async () => {
    const headers = { 'content-type': 'application/json' };
    const list = (await (await fetch(`${svc.url}/v1/audiences`)).json()) as { audiences: { id: string; name: string }[] };
    expect(list.audiences.map((a) => a.id)).toContain(audienceId);
    const csv = await fetch(`${svc.url}/v1/audiences/${audienceId}/members?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (await csv.text()).trim().split('\n');
    expect(rows[0]).toBe('user_id');
    expect(rows.length - 1).toBe(draftSize);
    const jsonl = (await (await fetch(`${svc.url}/v1/audiences/${audienceId}/members?format=jsonl`)).text()).trim().split('\n');
    expect(jsonl.map((l) => (JSON.parse(l) as { userId: string }).userId)).toEqual(rows.slice(1));

    const sql = (await (await fetch(`${svc.url}/v1/audiences/${audienceId}/sql`)).json()) as { sql: string; params: unknown[] };
    expect(sql.sql).toMatch(/select/i);
    expect(sql.sql).not.toContain('Order Completed');

    const saved = (await (await fetch(`${svc.url}/v1/audiences/${audienceId}`)).json()) as { definition: unknown };
    const computed = (await (await postJson(`${svc.url}/v1/compute`, { definition: saved.definition, sample_size: 3 }, headers)).json()) as { size: number; samples: unknown[]; explanation: string[]; reachability: Record<string, number> };
    expect(computed.size).toBe(draftSize);
    expect(computed.samples).toHaveLength(3);
    expect(Object.keys(computed.reachability).length).toBeGreaterThan(0);
  });

  it('renames, redefines with validation, and deletes a saved audience', async () => {
    const patch = (body: unknown) => fetch(`${svc.url}/v1/audiences/${audienceId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(await (await patch({ name: 'Biggest spenders' })).json()).toMatchObject({ id: audienceId, name: 'Biggest spenders' });
    const unknown = await patch({ definition: { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'membership_teir', op: 'eq', value: 'gold' }] } } });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'unknown_reference' });
    const gold = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' }] } };
    expect((await patch({ definition: gold })).status).toBe(200);
    const rows = (await (await fetch(`${svc.url}/v1/audiences/${audienceId}/members`)).text()).trim().split('\n');
    const computed = (await (await postJson(`${svc.url}/v1/compute`, { definition: gold })).json()) as { size: number };
    expect(rows.length - 1).toBe(computed.size);
    expect((await fetch(`${svc.url}/v1/audiences/${audienceId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${svc.url}/v1/audiences/${audienceId}`)).status).toBe(404);
  });

  it('streams debug and checkpoints events as the official server does: checkpoint addresses, never the run\'s dependencies', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    const seen: { event: string; data: unknown }[] = [];
    for await (const p of client.runs.stream(thread.thread_id, AUDIENCE_BUILDER_ID, { input: { prompt: 'Customers from Germany' }, streamMode: ['debug', 'checkpoints', 'tasks', 'values'] })) seen.push(p);
    const events = seen.map((p) => p.event);
    expect(events).not.toContain('error');
    expect(events).toEqual(expect.arrayContaining(['debug', 'checkpoints', 'tasks', 'values']));
    type Address = { configurable: Record<string, unknown> } | null;
    const checkpoints = seen.filter((p) => p.event === 'checkpoints').map((p) => p.data as { config: Address; parent_config: Address; values: unknown; next: string[]; metadata: unknown; tasks: unknown[] });
    for (const c of checkpoints) {
      expect(Object.keys(c).sort()).toEqual(['config', 'metadata', 'next', 'parent_config', 'tasks', 'values']);
      expect(Object.keys(c.config!.configurable).sort()).toEqual(expect.arrayContaining(['checkpoint_id', 'checkpoint_ns', 'thread_id']));
      expect(Object.keys(c.config!.configurable).every((k) => ['thread_id', 'checkpoint_ns', 'checkpoint_id', 'checkpoint_map'].includes(k))).toBe(true);
    }
    expect(checkpoints.at(-1)?.next).toEqual(['confirm']);
    const debugCheckpoint = seen.find((p) => p.event === 'debug' && (p.data as { type: string }).type === 'checkpoint')?.data as { payload: { config: Address } };
    expect(Object.keys(debugCheckpoint.payload.config!.configurable)).not.toContain('catalog');
    // Nothing of the workspace or the stores travels in the events.
    expect(JSON.stringify(seen)).not.toMatch(/"catalog"|"engine"|"interpreter"|"callbacks"/);
  });

  it('serves the catalog and its typo-tolerant search', async () => {
    const catalog = (await (await fetch(`${svc.url}/v1/catalog`)).json()) as { events: { name: string }[]; profiles: number; roles: { events: Record<string, { event: string; property?: string }> } };
    expect(catalog.roles.events.purchase).toEqual({ event: 'Order Completed', property: 'total', source: 'inferred' });
    expect(catalog.profiles).toBe(2000);
    expect(catalog.events.map((e) => e.name)).toContain('Order Completed');
    const found = (await (await fetch(`${svc.url}/v1/catalog/search?q=ordr%20complted&limit=3`)).json()) as { hits: { name: string }[] };
    expect(found.hits.map((h) => h.name)).toContain('Order Completed');
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    type Schema = { $ref?: string; properties: Record<string, unknown>; additionalProperties: boolean };
    const doc = (await (await fetch(`${svc.url}/openapi.json`)).json()) as { openapi: string; components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, { requestBody?: { content: { 'application/json': { schema: Schema } } } }>> };
    expect(doc.openapi).toBe('3.1.0');
    const ref = doc.paths['/threads/{thread_id}/runs/stream']!.post!.requestBody!.content['application/json'].schema.$ref!;
    expect(ref).toBe('#/components/schemas/RunCreate');
    const runBody = doc.components.schemas.RunCreate!;
    // Every reference in the document resolves.
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas[name!], name).toBeDefined();
    expect(Object.keys(runBody.properties)).toEqual(expect.arrayContaining(['assistant_id', 'input', 'command', 'stream_mode', 'multitask_strategy']));
    expect(runBody.additionalProperties).toBe(false);
    expect(doc.paths['/v1/compute']!.post).toBeDefined();
  });
});
