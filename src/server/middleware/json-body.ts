/**
 * JSON request bodies with a size limit: a body over it is 413 `payload_too_large`, a body
 * that is not JSON is 400 `invalid_input` saying where it breaks, and so is a body nested more
 * than MAX_BODY_DEPTH levels (it parses, but would overflow the stack of what reads it next).
 * Other failures to read a body (a Content-Encoding that does not match) are `invalid_input`
 * too (http-errors.ts). The lean `/v1/match` path (read-json-body.ts) answers with the same
 * errors, made here.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { nestsDeeperThan } from '../../json/depth.js';

/** Deeper than any request this service takes (a definition is at most 15 levels), far below what overflows a stack. */
export const MAX_BODY_DEPTH = 64;

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

export function bodyTooDeep(): AppError {
  return new AppError('invalid_input', `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`, { field: 'body', limit: MAX_BODY_DEPTH });
}

/** The body as parsed, or `bodyTooDeep` when it nests deeper than any request of this service. */
export function checkBodyDepth(body: unknown): unknown {
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) throw bodyTooDeep();
  return body;
}

export function jsonBody({ limitBytes }: { limitBytes: number }): [RequestHandler, ErrorRequestHandler, RequestHandler] {
  const parse = express.json({ limit: limitBytes, strict: false, type: ['application/json', 'application/*+json'] });
  const explain: ErrorRequestHandler = (err: BodyParserError, _req, _res, next) => {
    if (err.type === 'entity.too.large') return next(bodyTooLarge(limitBytes));
    if (err.type === 'entity.parse.failed') return next(bodyNotJson(err.message));
    next(err);
  };
  const depth: RequestHandler = (req, _res, next) => {
    checkBodyDepth(req.body);
    next();
  };
  return [parse, explain, depth];
}
