/**
 * CORS for the chat widget's origins only: an allowed origin gets the headers (and preflight
 * answers), any other origin gets none, so browsers refuse to read the responses.
 */
import type { RequestHandler } from 'express';

const ALLOW_HEADERS = 'Content-Type, Authorization, X-Api-Key, Last-Event-ID, X-Request-Id';
const EXPOSE_HEADERS = 'Content-Location, Location, Retry-After, X-Request-Id, X-Pagination-Total, X-Pagination-Next';

export function cors({ origins }: { origins: string[] }): RequestHandler {
  const allowed = new Set(origins);
  const any = allowed.has('*');
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && (any || allowed.has(origin))) {
      res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      if (!any) res.vary('Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (req.method === 'OPTIONS' && origin) {
      res.status(204).end();
      return;
    }
    next();
  };
}
