/** A webhook receiver on loopback that can be told to fail, to be slow, and to come back. */
import { createServer, type Server } from 'node:http';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifySignature } from '../../src/destinations/webhook.js';

export interface Received {
  deliveryId: string;
  signed: boolean;
  body: { sync: 'full' | 'changes'; count_seq: number; part: number; parts: number; entered: string[]; exited: string[]; audience: { id: string; name: string } };
  /** What the receiver answered (a slow one answers after the sender gave up). */
  answered: 'ok' | 'fail' | 'slow';
}

export interface Receiver {
  url: string;
  mode: 'ok' | 'fail' | 'slow';
  /** The secret deliveries are checked against (set once the destination is connected). */
  secret: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startReceiver(slowMs = 2_000): Promise<Receiver> {
  const receiver = { mode: 'ok', secret: '', received: [] } as unknown as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const mode = receiver.mode;
      receiver.received.push({ deliveryId: String(req.headers[DELIVERY_HEADER]), signed: verifySignature(receiver.secret, req.headers[SIGNATURE_HEADER] as string | undefined, text), body: JSON.parse(text) as Received['body'], answered: mode });
      if (mode === 'fail') res.writeHead(500).end('down');
      else if (mode === 'slow') setTimeout(() => res.writeHead(200).end('late'), slowMs).unref();
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  receiver.url = `http://127.0.0.1:${port}/hook`;
  receiver.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return receiver;
}

/** The deliveries the receiver accepted (answered 2xx in time), one per delivery id. */
export function accepted(r: Receiver): Received[] {
  const seen = new Map<string, Received>();
  for (const x of r.received) if (x.answered === 'ok' && x.signed) seen.set(x.deliveryId, x);
  return [...seen.values()];
}
