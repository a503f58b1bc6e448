/**
 * A minimal HTTP/1.1 client for load drivers: keep-alive connections (at most `max`, reused most
 * recently freed first), one request at a time on each, requests encoded once before the run
 * (`encodePost`) and answers read by Content-Length or chunked encoding. It allocates little and
 * does little per request, so at a fixed rate the client's own pauses (event loop, GC) add as
 * little as possible to the latency it measures; node:http's client costs several times more.
 */
import { connect, type Socket } from 'node:net';

export interface Exchange {
  /** HTTP status; 0 when the request failed without an answer. */
  status: number;
  /** The body, or what went wrong. */
  body: string;
}

/** `POST path` with a JSON body, as bytes on the wire. */
export function encodePost(target: URL, body: string, headers: Record<string, string> = {}): Buffer {
  const payload = Buffer.from(body, 'utf8');
  const lines = [`POST ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`, 'Content-Type: application/json', `Content-Length: ${payload.length}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** Reads one response from the bytes received so far: undefined until it is complete. */
function parseResponse(data: Buffer): { status: number; body: Buffer; rest: Buffer } | undefined {
  const headEnd = data.indexOf(HEAD_END);
  if (headEnd < 0) return undefined;
  const head = data.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const start = headEnd + 4;
  if (length) {
    const end = start + Number(length[1]);
    return data.length < end ? undefined : { status, body: data.subarray(start, end), rest: data.subarray(end) };
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return { status, body: data.subarray(start, start), rest: data.subarray(start) };
  const chunks: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    const chunkEnd = lineEnd + 2 + size;
    if (data.length < chunkEnd + 2) return undefined;
    if (size === 0) return { status, body: Buffer.concat(chunks), rest: data.subarray(chunkEnd + 2) };
    chunks.push(data.subarray(lineEnd + 2, chunkEnd));
    at = chunkEnd + 2;
  }
}

interface Connection {
  socket: Socket;
  received: Buffer;
  closed: boolean;
  pending?: { resolve: (e: Exchange) => void; timer: NodeJS.Timeout };
}

export class HttpConnections {
  private readonly idle: Connection[] = [];
  private open = 0;

  constructor(private readonly target: URL, private readonly o: { max: number; timeoutMs: number }) {}

  /** Whether a request can start now (an idle connection, or room for a new one). */
  get available(): boolean {
    return this.idle.length > 0 || this.open < this.o.max;
  }

  /** Sends on an idle connection (or a new one); the caller keeps to `available`. Never rejects. */
  send(request: Buffer): Promise<Exchange> {
    const c = this.idle.pop() ?? this.connectOne();
    return new Promise<Exchange>((resolve) => {
      const timer = setTimeout(() => this.fail(c, `no answer within ${this.o.timeoutMs} ms`), this.o.timeoutMs);
      c.pending = { resolve, timer };
      c.socket.write(request);
    });
  }

  close(): void {
    for (const c of this.idle.splice(0)) c.socket.destroy();
  }

  private connectOne(): Connection {
    const socket = connect({ host: this.target.hostname, port: Number(this.target.port || 80), noDelay: true });
    const c: Connection = { socket, received: Buffer.alloc(0), closed: false };
    this.open++;
    socket.on('data', (chunk: Buffer) => {
      c.received = c.received.length === 0 ? chunk : Buffer.concat([c.received, chunk]);
      const response = parseResponse(c.received);
      if (!response || !c.pending) return;
      c.received = response.rest;
      const { resolve, timer } = c.pending;
      c.pending = undefined;
      clearTimeout(timer);
      if (c.received.length > 0) this.fail(c, 'bytes after the response');
      else this.idle.push(c);
      resolve({ status: response.status, body: response.body.toString('utf8') });
    });
    socket.on('error', (err) => this.fail(c, err.message));
    socket.on('close', () => this.fail(c, 'connection closed'));
    return c;
  }

  /** Ends a connection; its request, if any, fails. */
  private fail(c: Connection, why: string): void {
    if (!c.closed) {
      c.closed = true;
      this.open--;
      const at = this.idle.indexOf(c);
      if (at >= 0) this.idle.splice(at, 1);
      c.socket.destroy();
    }
    const pending = c.pending;
    c.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.resolve({ status: 0, body: why });
    }
  }
}
