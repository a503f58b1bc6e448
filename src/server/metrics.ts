/**
 * Prometheus metrics of one service instance (runs, latency, errors, open streams), on a
 * registry of its own so several apps in one process (tests) never collide.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  errors: Counter<'code'>;
  runs: Counter<'status'>;
  runDuration: Histogram<'status'>;
  /** From the run's start to its first graph event: the part of a turn a user waits for first. */
  runFirstEvent: Histogram;
  activeRuns: Gauge;
  openStreams: Gauge;
}

export function createServerMetrics({ defaults = true }: { defaults?: boolean } = {}): ServerMetrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request (to the end of the response; streams excluded)',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    errors: new Counter({ name: 'errors_total', help: 'Errors answered to clients, by code', labelNames: ['code'], registers }),
    runs: new Counter({ name: 'runs_total', help: 'Graph runs finished, by outcome', labelNames: ['status'], registers }),
    runDuration: new Histogram({
      name: 'run_duration_seconds',
      help: 'Duration of a graph run (one turn of a conversation)',
      labelNames: ['status'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    runFirstEvent: new Histogram({
      name: 'run_first_event_seconds',
      help: 'From the start of a run to its first graph event',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    activeRuns: new Gauge({ name: 'active_runs', help: 'Runs executing in this process', registers }),
    openStreams: new Gauge({ name: 'open_streams', help: 'SSE streams open on this process', registers }),
  };
}
