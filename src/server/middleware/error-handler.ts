/** The last handlers: unknown routes are 404, and every error leaves as the one error envelope. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { errorResponse } from '../http-errors.js';
import type { ServerMetrics } from '../metrics.js';

export const notFound: RequestHandler = (req) => {
  throw new AppError('not_found', `There is no ${req.method} ${req.path}.`);
};

export function errorHandler({ metrics }: { metrics: ServerMetrics }): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { status, body, error } = errorResponse(err);
    metrics.errors.inc({ code: error.code });
    if (error.code === 'internal') req.log.error({ err }, 'request failed');
    else req.log.info({ code: error.code }, error.message);
    if (res.headersSent) {
      // A started response (a stream) cannot change status; streams report errors themselves.
      res.end();
      return;
    }
    res.status(status).json(body);
  };
}
