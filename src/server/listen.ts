/**
 * Serving an app on a port, and stopping gracefully: no new connections, readiness 503, running
 * turns get the grace period to finish (their streams end normally), then the rest are stopped
 * (their threads stay resumable from the last checkpoint) and remaining connections closed.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceApp } from './app.js';

export interface RunningServer {
  server: Server;
  /** http://host:port */
  url: string;
  port: number;
  close(graceMs?: number): Promise<void>;
}

export async function listen(service: ServiceApp, { port, host }: { port: number; host: string }): Promise<RunningServer> {
  const { requestTimeoutMs, headersTimeoutMs, connectionCheckMs } = service.context.settings;
  // A client must send its whole request (headers, then body) in time, or its connection is
  // closed (408): a slow-body client cannot hold a socket. The timeout ends once the request is
  // in, so SSE streams, long answers to short requests, are not cut.
  const server = createServer({ requestTimeout: requestTimeoutMs, headersTimeout: headersTimeoutMs, connectionsCheckingInterval: connectionCheckMs }, service.handle).listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close(graceMs) {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await service.shutdown(graceMs);
        // Streams of finished runs have ended by now; whatever is left is cut.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
        await closed;
      })();
      return closing;
    },
  };
}
