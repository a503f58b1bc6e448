/**
 * A fake OpenAI-compatible server on 127.0.0.1 so tests run the real ChatOpenAI client over
 * HTTP: scripted replies (text or tool calls), streamed as SSE chunks ending in `data: [DONE]`
 * when the client asks for a stream, plus failures (HTTP errors, a hang for timeouts, a reply
 * that trickles forever, a reply of any size). Every request is recorded so a test can assert
 * what reached "the model".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ScriptedToolCall {
  name: string;
  args: unknown;
  id?: string;
}

export type ScriptedReply =
  | { kind: 'message'; content: string }
  | { kind: 'tool_calls'; calls: ScriptedToolCall[]; content?: string }
  | { kind: 'error'; status: number; message?: string }
  /** Never answers; the socket stays open until the client gives up or the server closes. */
  | { kind: 'hang' }
  /** Answers at once, then sends one more byte of content every `everyMs`, never finishing. */
  | { kind: 'trickle'; everyMs: number }
  /** A message whose content is `bytes` long, streamed in 64 KB chunks when the client streams. */
  | { kind: 'huge'; bytes: number };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body as received: what "reached the model". */
  raw: string;
  body: ChatCompletionRequest;
}

export interface ChatCompletionRequest {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: Array<{ role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
  [key: string]: unknown;
}

/** A reply, or a function choosing one from the request (e.g. after seeing tool results). */
export type ReplySource = ScriptedReply | ((req: RecordedRequest, index: number) => ScriptedReply);

export interface FakeOpenAIOptions {
  replies?: ReplySource[];
  /** Answer when the script is used up (default: an HTTP 500, so a test never loops silently). */
  fallback?: ReplySource;
  /** Characters per streamed content/argument fragment. */
  chunkSize?: number;
}

export interface FakeOpenAI {
  /** Base URL including `/v1`, as ChatOpenAI's `configuration.baseURL` expects. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Appends replies to the script. */
  enqueue(...replies: ReplySource[]): void;
  close(): Promise<void>;
}

export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const script: ReplySource[] = [...(opts.replies ?? [])];
  const fallback: ReplySource = opts.fallback ?? { kind: 'error', status: 500, message: 'script exhausted' };
  const chunkSize = opts.chunkSize ?? 7;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let completions = 0;

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    let body: ChatCompletionRequest = {};
    try {
      body = raw ? (JSON.parse(raw) as ChatCompletionRequest) : {};
    } catch {
      sendJson(res, 400, { error: { message: 'invalid JSON', type: 'invalid_request_error' } });
      return;
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, raw, body };
    requests.push(recorded);
    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'test' }] });
      return;
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
      return;
    }
    const index = completions++;
    const source = script.length ? script.shift()! : fallback;
    const reply = typeof source === 'function' ? source(recorded, index) : source;
    respond(res, reply, body, index);
  }

  function trickle(res: ServerResponse, everyMs: number, streamed: boolean, id: string): void {
    if (streamed) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_790_000_000, model: 'fake-model', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] })}\n\n`);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"id":"${id}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"`);
    }
    const piece = streamed
      ? `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_790_000_000, model: 'fake-model', choices: [{ index: 0, delta: { content: '.' }, logprobs: null, finish_reason: null }] })}\n\n`
      : '.';
    const timer = setInterval(() => res.write(piece), everyMs);
    res.on('close', () => clearInterval(timer));
  }

  function respond(res: ServerResponse, reply: ScriptedReply, body: ChatCompletionRequest, index: number): void {
    if (reply.kind === 'hang') return;
    if (reply.kind === 'trickle') return trickle(res, reply.everyMs, body.stream === true, `chatcmpl-fake-${index}`);
    if (reply.kind === 'huge') return respond(res, { kind: 'message', content: 'x'.repeat(reply.bytes) }, body, index);
    if (reply.kind === 'error') {
      sendJson(res, reply.status, { error: { message: reply.message ?? 'scripted failure', type: 'server_error' } });
      return;
    }
    const id = `chatcmpl-fake-${index}`;
    const model = body.model ?? 'fake-model';
    const toolCalls = reply.kind === 'tool_calls'
      ? reply.calls.map((c, i) => ({ id: c.id ?? `call_${index}_${i}`, type: 'function' as const, function: { name: c.name, arguments: JSON.stringify(c.args) } }))
      : [];
    const content = reply.content ?? null;
    const finish = toolCalls.length ? 'tool_calls' : 'stop';
    const usage = { prompt_tokens: Math.ceil(JSON.stringify(body.messages ?? []).length / 4), completion_tokens: 10, total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

    if (!body.stream) {
      sendJson(res, 200, {
        id, object: 'chat.completion', created: 1_790_000_000, model,
        choices: [{ index: 0, finish_reason: finish, logprobs: null, message: { role: 'assistant', content, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) } }],
        usage,
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_790_000_000, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`);
    chunk({ role: 'assistant', content: '' });
    // Long contents go out in 64 KB pieces, not `chunkSize` characters (a 10 MB reply would be 1.4M chunks).
    for (const piece of split(content ?? '', (content ?? '').length > 100_000 ? 65_536 : chunkSize)) chunk({ content: piece });
    toolCalls.forEach((call, i) => {
      chunk({ tool_calls: [{ index: i, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] });
      for (const piece of split(call.function.arguments, chunkSize)) chunk({ tool_calls: [{ index: i, function: { arguments: piece } }] });
    });
    chunk({}, finish);
    if (body.stream_options?.include_usage) {
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_790_000_000, model, choices: [], usage })}\n\n`);
    }
    res.write('data: [DONE]\n\n');
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => script.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function split(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
