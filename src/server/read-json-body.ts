/**
 * The JSON body of a request on the lean `/v1/match` path, read as express.json reads it for
 * the common case: `Content-Type: application/json` in UTF-8, not compressed. A request in any
 * other form (another JSON media type or charset, a Content-Encoding) goes to express, whose
 * body parser handles them all. Same limit, same errors (json-body.ts): over the limit is 413,
 * not JSON (or nested too deep) is 400 saying where it breaks, an empty body is `{}`.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { bodyNotJson, bodyTooLarge, checkBodyDepth } from './middleware/json-body.js';

const UTF8_PARAMS = /^\s*charset\s*=\s*"?utf-8"?\s*$/i;

/** Whether the body is plain UTF-8 JSON that readJsonBody reads exactly as express.json would. */
export function isPlainJson(headers: IncomingHttpHeaders): boolean {
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = headers['content-type'];
  if (type === undefined) return false;
  const semicolon = type.indexOf(';');
  if ((semicolon < 0 ? type : type.slice(0, semicolon)).trim().toLowerCase() !== 'application/json') return false;
  return semicolon < 0 || UTF8_PARAMS.test(type.slice(semicolon + 1));
}

/** The parsed body (`{}` when empty); AppError `payload_too_large` over `limitBytes`, `invalid_input` when it is not JSON. */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = req.headers['content-length'];
  // Refused before reading, as express.json does; node discards the unread body once the answer is sent.
  if (declared !== undefined && Number(declared) > limitBytes) return Promise.reject(bodyTooLarge(limitBytes));
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let rest: Buffer[] | undefined;
    let size = 0;
    let ended = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off('data', onData);
        reject(bodyTooLarge(limitBytes));
        return;
      }
      if (first === undefined) first = chunk;
      else (rest ??= [first]).push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      ended = true;
      if (size > limitBytes) return;
      try {
        resolve(parseJson(rest ? Buffer.concat(rest, size) : first));
      } catch (err) {
        reject(err);
      }
    });
    // The caller left (or the connection broke) before the body was complete.
    req.once('error', reject);
    req.once('close', () => {
      if (!ended) reject(new Error('The request ended before its body was complete.'));
    });
  });
}

function parseJson(body: Buffer | undefined): unknown {
  if (body === undefined || body.length === 0) return {};
  let text = body.toString('utf8');
  // express.json's decoder drops a byte-order mark.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw bodyNotJson((err as Error).message);
  }
  return checkBodyDepth(parsed);
}
