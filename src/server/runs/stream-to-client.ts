/**
 * One SSE response following one run: frames carry the log's event ids (so `Last-Event-ID`
 * resumes exactly), the headers tell the SDK where to rejoin, and a failure once the stream
 * has started is an `error` event, never an HTTP error.
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

export function runPaths(run: Pick<RunRecord, 'thread_id' | 'run_id'>): { contentLocation: string; location: string } {
  const base = `/threads/${encodeURIComponent(run.thread_id)}/runs/${encodeURIComponent(run.run_id)}`;
  return { contentLocation: base, location: `${base}/stream` };
}

function wanted(event: string, modes: Set<string> | undefined): boolean {
  if (!modes || event === 'metadata' || event === 'error') return true;
  const base = event.split('|')[0]!;
  return modes.has(base) || (base === 'messages' && modes.has('messages-tuple')) || (base.startsWith('messages/') && modes.has('messages'));
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
    for await (const e of events) {
      if (wanted(e.event, o.modes)) await sse.send({ id: e.id, event: e.event, data: e.data });
    }
    ended = !sse.signal.aborted;
  } catch (err) {
    ended = true;
    req.log.warn({ err, run_id: o.run.run_id }, 'run stream failed');
    await sse.send({ event: 'error', data: errorEventData(err) });
  } finally {
    o.metrics.openStreams.dec();
    sse.close();
  }
}
