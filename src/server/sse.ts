/**
 * Server-sent events on an HTTP response: numbered frames, a keep-alive comment when nothing
 * else was sent for a while (proxies and the SDK's idle detector rely on it), and writes that
 * wait for `drain` so a slow client never makes the process buffer a run in memory.
 */
import type { Response } from 'express';

export interface SseFrame {
  event: string;
  data: unknown;
  /** Omitted for frames that are not part of the run's log (e.g. a transport error). */
  id?: number;
}

export interface SseStream {
  send(frame: SseFrame): Promise<void>;
  /** Aborted when the client goes away or the stream is closed. */
  readonly signal: AbortSignal;
  close(): void;
}

export interface OpenSseOptions {
  keepAliveMs: number;
  /** Extra response headers (Location, Content-Location…). */
  headers?: Record<string, string>;
}

export function formatFrame({ event, data, id }: SseFrame): string {
  // JSON.stringify never emits raw newlines, so one `data:` line always suffices.
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}

export function openSse(res: Response, { keepAliveMs, headers = {} }: OpenSseOptions): SseStream {
  const closed = new AbortController();
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx buffers responses unless told not to.
    'X-Accel-Buffering': 'no',
    ...headers,
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);

  let writing: Promise<void> = Promise.resolve();
  let lastWrite = Date.now();

  const write = (chunk: string): Promise<void> => {
    writing = writing.then(async () => {
      if (closed.signal.aborted) return;
      lastWrite = Date.now();
      if (res.write(chunk)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          closed.signal.removeEventListener('abort', done);
          resolve();
        };
        res.once('drain', done);
        closed.signal.addEventListener('abort', done, { once: true });
      });
    });
    return writing;
  };

  const timer = setInterval(() => {
    if (Date.now() - lastWrite >= keepAliveMs - 5 && res.writableLength === 0) void write(': keep-alive\n\n');
  }, keepAliveMs);
  timer.unref();

  const stop = () => {
    clearInterval(timer);
    if (!closed.signal.aborted) closed.abort();
  };
  res.on('close', stop);

  return {
    signal: closed.signal,
    send: (frame) => write(formatFrame(frame)),
    close() {
      void writing.finally(() => {
        stop();
        if (!res.writableEnded) res.end();
      });
    },
  };
}
