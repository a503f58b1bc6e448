/**
 * One SSE response following one run: frames carry the log's event ids (so `Last-Event-ID`
 * resumes exactly), the headers tell the SDK where to rejoin, the run's end is an `end` event
 * (so clients know it ended rather than dropped), and a failure once the stream has started is
 * an `error` event, never an HTTP error.
 */
import type { Request, Response } from 'express';
import type { RunEventLog, RunRecord } from '../../repositories/types.js';
import { errorEventData } from '../http-errors.js';
import type { ServerMetrics } from '../metrics.js';
import { openSse } from '../sse.js';
import { followRun } from './follow-run.js';

export interface StreamTiming {
  keepAliveMs: number;
  pollMs: number;
  livenessMs: number;
}

export interface StreamRunOptions {
  run: RunRecord;
  afterId: number;
  /** Only these event names (before any `|namespace`), plus metadata and error; all when absent. */
  modes?: Set<string>;
  events: RunEventLog;
  metrics: ServerMetrics;
  timing: StreamTiming;
  isOver(): Promise<boolean>;
  /** Called when the client goes away before the run ended. */
  onDisconnect?(): void;
}

/** An SSE response with nothing to follow: just the end. */
export function streamNothing(res: Response, timing: StreamTiming): void {
  const sse = openSse(res, { keepAliveMs: timing.keepAliveMs });
  void sse.send({ event: 'end', data: null });
  sse.close();
}

export function runPaths(run: Pick<RunRecord, 'thread_id' | 'run_id'>): { contentLocation: string; location: string } {
  const base = `/threads/${encodeURIComponent(run.thread_id)}/runs/${encodeURIComponent(run.run_id)}`;
  return { contentLocation: base, location: `${base}/stream` };
}

function wanted(event: string, modes: Set<string> | undefined): boolean {
  if (!modes || event === 'metadata' || event === 'error') return true;
  const base = event.split('|')[0]!;
  return modes.has(base) || (base === 'messages' && modes.has('messages-tuple')) || (base.startsWith('messages/') && modes.has('messages'));
}

/** Whether the client asked to rejoin after the end event itself (an id past the log's last event). */
async function hadTheEnd(o: StreamRunOptions, lastId: number): Promise<boolean> {
  if (lastId !== o.afterId || o.afterId < 0) return false;
  const { events } = await o.events.read(o.run.run_id, o.afterId - 1);
  return events.length === 0;
}

export async function streamRunToClient(req: Request, res: Response, o: StreamRunOptions): Promise<void> {
  const paths = runPaths(o.run);
  const sse = openSse(res, { keepAliveMs: o.timing.keepAliveMs, headers: { 'Content-Location': paths.contentLocation, Location: paths.location } });
  o.metrics.openStreams.inc();
  let ended = false;
  sse.signal.addEventListener('abort', () => {
    if (!ended) o.onDisconnect?.();
  });
  try {
    const events = followRun({
      events: o.events,
      runId: o.run.run_id,
      afterId: o.afterId,
      signal: sse.signal,
      pollMs: o.timing.pollMs,
      livenessMs: o.timing.livenessMs,
      isOver: o.isOver,
    });
    let lastId = o.afterId;
    for await (const e of events) {
      lastId = e.id;
      if (wanted(e.event, o.modes)) await sse.send({ id: e.id, event: e.event, data: e.data });
    }
    ended = !sse.signal.aborted;
    // Numbered after the log's last event, so ids stay consecutive for clients that count them;
    // a client rejoining from the end's own id has had it.
    if (ended && !(await hadTheEnd(o, lastId))) await sse.send({ id: lastId + 1, event: 'end', data: null });
  } catch (err) {
    ended = true;
    req.log.warn({ err, run_id: o.run.run_id }, 'run stream failed');
    await sse.send({ event: 'error', data: errorEventData(err) });
  } finally {
    o.metrics.openStreams.dec();
    sse.close();
  }
}
