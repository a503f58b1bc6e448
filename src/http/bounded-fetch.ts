/**
 * A fetch whose every exchange ends by a deadline and reads at most so many bytes back: a
 * server that trickles its reply (one chunk a second, forever) is cut when the deadline
 * passes, however often it sends, and one that sends megabytes is cut at the cap instead of
 * filling memory. A per-request timeout that only waits for the headers bounds neither.
 *
 * The errors are marked as not worth retrying (LangChain's retry mark): the same request would
 * trickle or overflow again.
 */
import { stampRetryable } from '@langchain/core/errors';

export interface BoundedFetchOptions {
  /** From sending the request to the last byte of the reply. */
  deadlineMs: number;
  /** Bytes of reply body read at most (after decompression). */
  maxResponseBytes: number;
  /** The fetch to bound (default: the global one). */
  fetch?: typeof fetch;
}

export class DeadlineExceededError extends Error {
  // Not 'AbortError': the OpenAI client ends a stream quietly on an abort, as if the reply were complete.
  override readonly name = 'DeadlineExceededError';
  constructor(readonly deadlineMs: number) {
    super(`No complete reply within ${deadlineMs} ms.`);
    stampRetryable(this, false);
  }
}

export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The reply is larger than ${maxBytes} bytes.`);
    stampRetryable(this, false);
  }
}

function capped(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  // An error here cancels the body it reads, which closes the connection.
  return body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) controller.error(new ResponseTooLargeError(maxBytes));
      else controller.enqueue(chunk);
    },
  }));
}

export function boundedFetch({ deadlineMs, maxResponseBytes, fetch: inner = globalThis.fetch }: BoundedFetchOptions): typeof fetch {
  return async (input, init = {}) => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineExceededError(deadlineMs)), deadlineMs);
    timer.unref?.();
    const signal = init.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
    let res: Response;
    try {
      res = await inner(input, { ...init, signal });
    } catch (err) {
      clearTimeout(timer);
      throw err;
    }
    if (!res.body) {
      clearTimeout(timer);
      return res;
    }
    const body = capped(res.body, maxResponseBytes).pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      flush: () => clearTimeout(timer),
    }));
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
