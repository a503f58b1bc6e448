/**
 * CORS for the chat widget's origins only: an allowed origin gets the headers (and preflight
 * answers), any other origin gets none, so browsers refuse to read the responses. The express
 * middleware and the lean `/v1/match` path apply the same `corsPolicy` to node's request and
 * response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** What the widget and the LangGraph SDK send (X-Auth-Scheme with a key, Accept for joins and waits). */
const ALLOW_HEADERS = 'Content-Type, Accept, Authorization, X-Api-Key, X-Auth-Scheme, Last-Event-ID, X-Request-Id';
const EXPOSE_HEADERS = 'Content-Location, Location, Retry-After, X-Request-Id, X-Pagination-Total, X-Pagination-Next';

/** Sets a request's CORS headers; true when it answered the request (a preflight), so nothing else should. */
export type CorsPolicy = (req: IncomingMessage, res: ServerResponse) => boolean;

function varyOrigin(res: ServerResponse): void {
  const vary = res.getHeader('Vary');
  res.setHeader('Vary', vary ? `${String(vary)}, Origin` : 'Origin');
}

export function corsPolicy({ origins }: { origins: string[] }): CorsPolicy {
  const allowed = new Set(origins);
  const any = allowed.has('*');
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin && (any || allowed.has(origin))) {
      res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      if (!any) varyOrigin(res);
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
        res.statusCode = 204;
        res.end();
        return true;
      }
    } else if (req.method === 'OPTIONS' && origin) {
      res.statusCode = 204;
      res.end();
      return true;
    }
    return false;
  };
}

export function cors(policy: CorsPolicy): RequestHandler {
  return (req, res, next) => {
    if (!policy(req, res)) next();
  };
}
