/**
 * JSON request bodies with a size limit: a body over it is 413 `payload_too_large`, a body
 * that is not JSON is 400 `invalid_input` saying where it breaks. The lean `/v1/match` path
 * (read-json-body.ts) answers with the same errors, made here.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { AppError } from '../../errors.js';

interface BodyParserError extends Error {
  type?: string;
  limit?: number;
}

export function bodyTooLarge(limitBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${limitBytes} bytes.`, { limit_bytes: limitBytes });
}

/** `reason`: the JSON parser's own words (where it broke). */
export function bodyNotJson(reason: string): AppError {
  return new AppError('invalid_input', `The request body is not valid JSON: ${reason}.`, { field: 'body' });
}

export function jsonBody({ limitBytes }: { limitBytes: number }): [RequestHandler, ErrorRequestHandler] {
  const parse = express.json({ limit: limitBytes, strict: false, type: ['application/json', 'application/*+json'] });
  const explain: ErrorRequestHandler = (err: BodyParserError, _req, _res, next) => {
    if (err.type === 'entity.too.large') return next(bodyTooLarge(limitBytes));
    if (err.type === 'entity.parse.failed') return next(bodyNotJson(err.message));
    if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return next(new AppError('invalid_input', err.message));
    next(err);
  };
  return [parse, explain];
}
