/**
 * Every route of /openapi.json, walked with hostile values: wrong types, huge and empty
 * strings, NUL and lone surrogates, deep nesting, prototype keys, ids that are not valid
 * percent-encoding, odd query values, invalid UTF-8, wrong or odd content types, charsets and
 * encodings, bodies over the limit. Whatever the request, the answer is never a 5xx, a stream
 * never ends with `internal`, and the service answers as usual afterwards. On memory and on
 * Redis stores (issue 10).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builderService, deepJsonText, nestedDefinition, type Answer, type BuilderService } from './support/builder-service.js';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header' }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const germans = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }] } };

function deepObject(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Values of the wrong type, size or content for any field. */
const HOSTILE: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['-1', -1],
  ['1e308', 1e308],
  ['0.5', 0.5],
  ['a 60,000-character string', 'x'.repeat(60_000)],
  ['an empty string', ''],
  ['a NUL character', 'a\u0000b'],
  ['a lone surrogate', '\ud800'],
  ['an empty array', []],
  ['nested arrays', [[[[]]]]],
  ['an empty object', {}],
  ['an object nested 40 deep', deepObject(40)],
  ['prototype keys', JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown],
  ['a definition nested 10 deep', nestedDefinition(10)],
  ['markup', '<script>alert(1)</script>'],
  ['SQL', "' OR 1=1; DROP TABLE profiles --"],
];

/** Path ids that are not ids. */
const HOSTILE_IDS = ['%ff%fe', '%00', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(5_000), '%E2%98%83', 'null', '%20', encodeURIComponent('{"$gt":""}'), '%25', '*'];

/** Query values that are not what a query says. */
const HOSTILE_QUERY = ['', '-1', '1e309', 'NaN', 'x'.repeat(10_000), '%ff', 'true', 'null', '%00'];

/** A body that gets past "required" so the field under test is what is judged. */
const BASE: Record<string, Record<string, unknown>> = {
  RunCreate: { assistant_id: 'audience-builder' },
  ComputeRequest: { definition: germans },
  LiveAudienceCreate: { name: 'walk', definition: germans },
  MatchRequest: { visitor: { id: 'v1' } },
  MatchBatchRequest: { visitors: [{ id: 'v1' }] },
  VisitorTraitsRecord: { traits: { shopping_for: 'cat' } },
};

/** Raw bodies: not JSON, not UTF-8, too large, too deep, or sent as something else. */
const RAW: [string, string | Uint8Array, Record<string, string>][] = [
  ['broken JSON', '{"a":', {}],
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]), {}],
  ['a body over the limit', `{"a":"${'x'.repeat(300 * 1024)}"}`, {}],
  ['JSON nested 5,000 deep', deepJsonText(5_000), {}],
  ['text/plain', '{"a":1}', { 'content-type': 'text/plain' }],
  ['a form', 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' }],
  ['multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' }],
  ['an unknown charset', '{"a":1}', { 'content-type': 'application/json; charset=klingon' }],
  ['latin1', '{"a":"\u00e9"}', { 'content-type': 'application/json; charset=latin1' }],
  ['gzip that is not', '{"a":1}', { 'content-encoding': 'gzip' }],
  ['brotli garbage', '\u0001\u0002\u0003', { 'content-encoding': 'br' }],
  ['two encodings', '{"a":1}', { 'content-encoding': 'gzip, deflate' }],
  ['an unknown encoding', '{"a":1}', { 'content-encoding': 'snappy' }],
  ['a gzip bomb over the limit', gzipSync(`{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`), { 'content-encoding': 'gzip' }],
];

function resolve(schema: Schema | undefined, doc: OpenApi): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!], doc);
  return schema;
}

/** The object shape of a schema (the first object among its alternatives). */
function objectShape(schema: Schema | undefined, doc: OpenApi): Record<string, Schema> | undefined {
  const s = resolve(schema, doc);
  if (!s) return undefined;
  if (s.properties) return s.properties;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const found = objectShape(alt, doc);
    if (found) return found;
  }
  return undefined;
}

interface Probe {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  what: string;
}

interface Ids {
  thread: string;
  run: string;
  audience: string;
  liveAudience: string;
}

function fill(template: string, ids: Ids, override?: string): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (override !== undefined) return override;
    if (name === 'thread_id') return ids.thread;
    if (name === 'run_id') return ids.run;
    if (name === 'assistant_id') return 'audience-builder';
    return template.startsWith('/v1/live-audiences') ? ids.liveAudience : template.startsWith('/v1/audiences') ? ids.audience : 'v1';
  });
}

function probes(doc: OpenApi, ids: Ids): Probe[] {
  const out: Probe[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const M = method.toUpperCase();
      const path = fill(template, ids);
      const params = op.parameters ?? [];
      if (params.some((p) => p.in === 'path')) {
        for (const id of HOSTILE_IDS) out.push({ method: M, path: fill(template, ids, id), what: `path id ${id.slice(0, 20)}` });
      }
      for (const q of params.filter((p) => p.in === 'query')) {
        for (const v of HOSTILE_QUERY) out.push({ method: M, path: `${path}?${q.name}=${v}`, what: `query ${q.name}=${v.slice(0, 20)}` });
        out.push({ method: M, path: `${path}?${q.name}=1&${q.name}=2&${q.name}[a]=3`, what: `query ${q.name} repeated` });
      }
      if (params.some((p) => p.name === 'Last-Event-ID')) {
        for (const v of ['abc', '-5', '1e400', 'x'.repeat(8_000)]) out.push({ method: M, path, headers: { 'last-event-id': v }, what: `Last-Event-ID ${v.slice(0, 20)}` });
      }
      out.push({ method: M, path: `${path}${path.includes('?') ? '&' : '?'}unknown=1`, what: 'an unknown query parameter' });
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!op.requestBody) continue;
      const name = schema?.$ref?.split('/').at(-1) ?? '';
      const base = BASE[name] ?? {};
      for (const [label, value] of HOSTILE) out.push({ method: M, path, body: value, what: `the body as ${label}` });
      for (const [label, raw, headers] of RAW) out.push({ method: M, path, body: raw, headers, what: `the body as ${label}` });
      for (const [prop, propSchema] of Object.entries(objectShape(schema, doc) ?? {})) {
        for (const [label, value] of HOSTILE) out.push({ method: M, path, body: { ...base, [prop]: value }, what: `${prop} as ${label}` });
        for (const [sub] of Object.entries(objectShape(propSchema, doc) ?? {})) {
          const inner = typeof base[prop] === 'object' && base[prop] !== null ? (base[prop] as Record<string, unknown>) : {};
          for (const [label, value] of HOSTILE) out.push({ method: M, path, body: { ...base, [prop]: { ...inner, [sub]: value } }, what: `${prop}.${sub} as ${label}` });
        }
      }
    }
  }
  return out;
}

interface Failure {
  request: string;
  status: number;
  answer: string;
}

function failureOf(p: Probe, a: Answer): Failure | undefined {
  const internal = a.frames.find((f) => f.event === 'error' && JSON.stringify(f.data).includes('"internal"'));
  if (a.status < 500 && !internal) return undefined;
  return { request: `${p.method} ${p.path.slice(0, 80)} with ${p.what}`, status: a.status, answer: JSON.stringify(internal?.data ?? a.body).slice(0, 300) };
}

/** Runs `work` over `items`, `width` at a time. */
async function inPool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

function walk(kind: string, api: BuilderService): void {
  it(`answers every route of /openapi.json without a 5xx, whatever it is sent (${kind} stores)`, async () => {
    const doc = (await api.call('GET', '/openapi.json')).body as OpenApi;
    const thread = await api.thread();
    const first = await api.call('POST', `/threads/${thread}/runs/stream`, { assistant_id: 'audience-builder', input: { prompt: 'Customers from Germany' } });
    const run = (first.frames[0]?.data as { run_id: string }).run_id;
    const live = (await api.call('POST', '/v1/live-audiences', { name: 'walked', definition: germans })).body as { id: string };
    const ids: Ids = { thread, run, audience: 'no-such-audience', liveAudience: live.id };
    const all = probes(doc, ids);
    expect(all.length).toBeGreaterThan(1000);
    const failures: Failure[] = [];
    await inPool(all, 8, async (p) => {
      const failure = failureOf(p, await api.call(p.method, p.path, p.body, p.headers));
      if (failure) failures.push(failure);
    });
    console.info(`openapi walk (${kind} stores): ${all.length} requests over ${Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)} routes, ${failures.length} answered 5xx or internal`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect((await api.call('GET', '/healthz')).status).toBe(200);
    expect((await api.call('POST', '/v1/compute', { definition: germans })).status).toBe(200);
  }, 300_000);
}

describe('on memory stores', () => {
  walk('memory', builderService());
});

describe('on Redis stores', () => {
  walk('Redis', builderService({ redis: true }));
});
