/**
 * One turn of a conversation over the LangGraph protocol: start a run and follow its events
 * (POST /threads/:id/runs/stream), or join a run already going (after a reload). A dropped
 * connection is rejoined from the last event seen (GET …/runs/:run_id/stream with
 * Last-Event-ID), so a flaky network neither loses nor repeats progress.
 */
import { ApiError, isAbort, networkError } from './client.js';
import { readSse } from './sse.js';

export const ASSISTANT_ID = 'audience-builder';
const STREAM_MODES = ['values', 'custom'];
const MAX_REJOINS = 4;

const sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

function runIdFrom(res) {
  const where = res.headers.get('Content-Location') ?? '';
  const match = /\/runs\/([^/?#]+)/.exec(where);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** The data of an SSE `error` event: the service's envelope (or the SDK's name/message pair). */
function streamError(data) {
  const e = data && typeof data === 'object' ? (data.error ?? data) : {};
  return new ApiError({
    code: typeof e.code === 'string' ? e.code : typeof data?.name === 'string' ? data.name : 'internal',
    message: String(e.message ?? data?.message ?? ''),
    retryable: e.retryable === undefined ? true : Boolean(e.retryable),
  });
}

/**
 * Follows a run's events until it ends: `openFirst` opens the first response, later attempts
 * rejoin through the join endpoint from the last event id seen.
 * @param {{ api: ReturnType<import('./client.js').createApiClient>, threadId: string, runId?: string, signal?: AbortSignal,
 *           onEvent: (frame: { event: string, data: unknown }) => void, onRun?: (runId: string) => void }} o
 * @param {() => Promise<Response>} openFirst
 */
async function follow(o, openFirst) {
  let runId = o.runId;
  let lastId = -1;
  let failures = 0;
  let open = openFirst;
  const noteRun = (id) => {
    if (id && id !== runId) {
      runId = id;
      o.onRun?.(id);
    }
  };
  while (true) {
    try {
      const res = await open();
      noteRun(runIdFrom(res));
      for await (const frame of readSse(res)) {
        if (frame.id !== undefined && /^\d+$/.test(frame.id)) lastId = Number(frame.id);
        if (frame.event === 'metadata') noteRun(frame.data?.run_id);
        if (frame.event === 'error') throw streamError(frame.data);
        o.onEvent(frame);
        failures = 0;
      }
      return { runId };
    } catch (err) {
      if (isAbort(err) || o.signal?.aborted) throw err;
      // A failed read of the body (TypeError) is the connection dropping mid-stream.
      const dropped = !(err instanceof ApiError) || err.code === 'network';
      if (!dropped) throw err;
      if (!runId || failures >= MAX_REJOINS) throw err instanceof ApiError ? err : networkError(err);
    }
    failures += 1;
    await sleep(200 * 2 ** failures, o.signal);
    open = () => joinResponse(o, runId, lastId);
  }
}

function joinResponse(o, runId, lastId) {
  const path = `/threads/${encodeURIComponent(o.threadId)}/runs/${encodeURIComponent(runId)}/stream`;
  return o.api.send('GET', path, { signal: o.signal, headers: { 'Last-Event-ID': String(lastId) } });
}

/**
 * Starts a turn: `{ input }` for a new message, `{ command: { resume } }` to answer an interrupt.
 */
export function startTurn(o, payload) {
  const path = `/threads/${encodeURIComponent(o.threadId)}/runs/stream`;
  const body = { assistant_id: ASSISTANT_ID, stream_mode: STREAM_MODES, ...payload };
  return follow(o, () => o.api.send('POST', path, { body, signal: o.signal }));
}

/** Joins a run that is already going (from its first event, to redraw its progress). */
export function joinTurn(o) {
  return follow(o, () => joinResponse(o, o.runId, -1));
}
