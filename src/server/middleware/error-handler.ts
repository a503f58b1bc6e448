/** The last handlers: unknown routes are 404, and every error leaves as the one error envelope. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { sendError } from '../http-errors.js';
import type { ServerMetrics } from '../metrics.js';

export const notFound: RequestHandler = (req) => {
  throw new AppError('not_found', `There is no ${req.method} ${req.path}.`);
};

export function errorHandler({ metrics }: { metrics: ServerMetrics }): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => sendError(res, err, { metrics, log: req.log });
}
