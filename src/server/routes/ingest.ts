/**
 * The Segment-compatible ingestion API: `POST /v1/track`, `/v1/identify`, `/v1/page`,
 * `/v1/screen`, `/v1/group`, `/v1/alias` (one message) and `/v1/batch` (alias `/v1/import`),
 * authenticated by write key (write-keys.ts), mounted before API-key authentication.
 *
 * A single message that breaks the Spec is refused (400, or 413 over 32 KB). In a batch, each
 * malformed message is named in `rejected` with its index and reason, and every other message
 * is kept. A message whose `messageId` was already received is acknowledged and not kept twice.
 */
import { Router, type RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import type { Ingestor } from '../../ingest/ingestor.js';
import { BatchEnvelope, MAX_BATCH_BYTES, readMessage, type IngestMessage, type MessageType } from '../../ingest/segment-messages.js';
import type { WriteKeyResolver } from '../../ingest/write-keys.js';
import { readJsonBody } from '../read-json-body.js';
import { parseRequest } from '../http-errors.js';

export interface IngestRouterOptions {
  writeKeyOf: WriteKeyResolver;
  /** The ingestor of a workspace, or undefined when this service does not take data for it. */
  ingestorFor(tenant: string): Ingestor | undefined;
  clock?: () => Date;
}

const SINGLE: MessageType[] = ['track', 'identify', 'page', 'screen', 'group', 'alias'];

interface Rejected {
  index: number;
  messageId?: string;
  code: string;
  message: string;
}

function bodyKey(body: unknown): string | undefined {
  const key = (body as { writeKey?: unknown } | null)?.writeKey;
  return typeof key === 'string' ? key : undefined;
}

export function ingestRouter({ writeKeyOf, ingestorFor, clock = () => new Date() }: IngestRouterOptions): Router {
  const router = Router();

  const ingestorOf = (tenant: string): Ingestor => {
    const ingestor = ingestorFor(tenant);
    if (!ingestor) throw new AppError('not_found', `The workspace "${tenant}" does not take data on this service.`);
    return ingestor;
  };

  for (const type of SINGLE) {
    router.post(`/v1/${type}`, async (req, res) => {
      const body = await readJsonBody(req, MAX_BATCH_BYTES);
      const ingestor = ingestorOf(writeKeyOf(req.get('authorization'), bodyKey(body), req.socket.remoteAddress));
      const read = readMessage(body, { type, receivedAt: clock() });
      if (!read.ok) throw new AppError(read.code, read.reason);
      const report = ingestor.accept([read.message]);
      res.json({ success: true, ...report });
    });
  }

  const batch: RequestHandler = async (req, res) => {
    const body = await readJsonBody(req, MAX_BATCH_BYTES);
    const ingestor = ingestorOf(writeKeyOf(req.get('authorization'), bodyKey(body), req.socket.remoteAddress));
    const envelope = parseRequest(BatchEnvelope, body, 'body');
    const receivedAt = clock();
    const messages: IngestMessage[] = [];
    const rejected: Rejected[] = [];
    envelope.batch.forEach((raw, index) => {
      const read = readMessage(raw, { receivedAt, ...(envelope.sentAt ? { sentAt: envelope.sentAt } : {}) });
      if (read.ok) messages.push(read.message);
      else {
        const messageId = (raw as { messageId?: unknown } | null)?.messageId;
        rejected.push({ index, ...(typeof messageId === 'string' ? { messageId } : {}), code: read.code, message: read.reason });
      }
    });
    const report = ingestor.accept(messages);
    res.json({ success: true, ...report, rejected });
  };
  router.post('/v1/batch', batch);
  router.post('/v1/import', batch);

  return router;
}
