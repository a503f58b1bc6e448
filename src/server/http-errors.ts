/**
 * The one place that turns failures into what clients see: `{"error":{code,message,retryable}}`
 * as an HTTP response (with `Retry-After` when the error says when to try again), or the same
 * envelope as an SSE `error` event once a stream has started. Request-shape problems (zod)
 * become `invalid_input` naming the field. Written on node's response, so the express error
 * handler and the lean `/v1/match` path send the same thing.
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { AppError, toAppError, type ErrorBody } from '../errors.js';
import type { ServerMetrics } from './metrics.js';

export interface ErrorEnvelope {
  error: ErrorBody;
}

/** Details a client may act on; causes (internal messages, addresses) stay in the log. */
export function publicBody(err: AppError): ErrorBody {
  const body = err.toJSON();
  if (body.details) {
    const { cause: _cause, ...rest } = body.details;
    if (err.code === 'internal' || Object.keys(rest).length === 0) delete body.details;
    else body.details = rest;
  }
  return body;
}

interface HttpStackError {
  status?: unknown;
  type?: unknown;
  message?: unknown;
}

/**
 * A failure the HTTP stack raised about the request itself, as `invalid_input` rather than
 * `internal`: a path that is not valid percent-encoding (`/threads/%ff%fe`), a body that does not
 * decompress as its Content-Encoding says, a charset or encoding it cannot read. These carry a
 * 4xx `status` (http-errors, the router's URIError).
 */
export function requestError(err: unknown): AppError | undefined {
  if (err instanceof AppError || typeof err !== 'object' || err === null) return undefined;
  const { status, type } = err as HttpStackError;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (err instanceof URIError) return new AppError('invalid_input', 'A part of the address is not valid percent-encoding (like %ff). Encode ids as UTF-8 before percent-encoding them.', { field: 'params' });
  if (status === 413) return new AppError('payload_too_large', 'The request body is too large.');
  if (type === 'encoding.unsupported') return new AppError('invalid_input', 'The request body has a Content-Encoding this service cannot read: send it as identity, gzip, deflate or br.', { field: 'headers.content-encoding' });
  if (type === 'charset.unsupported') return new AppError('invalid_input', 'The request body has a charset this service cannot read: send it as UTF-8.', { field: 'headers.content-type' });
  return new AppError('invalid_input', 'The request body could not be read as sent: check that it is complete and that its Content-Encoding (gzip, deflate, br) matches how it was encoded.', { field: 'body' });
}

export function errorResponse(err: unknown): { status: number; body: ErrorEnvelope; error: AppError; headers: Record<string, string> } {
  const error = requestError(err) ?? toAppError(err);
  const retryAfter = error.details?.retry_after_seconds;
  return { status: error.status, body: { error: publicBody(error) }, error, headers: typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {} };
}

/** A JSON response, as express's `res.json` writes it (without an ETag: these are answers to POSTs and errors, nothing a client revalidates). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export interface ErrorSink {
  metrics: ServerMetrics;
  /** The request's logger; `bindings` are added to its lines (the request id, when the logger does not carry it). */
  log: Logger;
  bindings?: Record<string, unknown>;
}

/** Answers a failed request with the error envelope, counting and logging it (internal failures with their cause). */
export function sendError(res: ServerResponse, err: unknown, { metrics, log, bindings }: ErrorSink): void {
  const { status, body, error, headers } = errorResponse(err);
  metrics.errors.inc({ code: error.code });
  if (error.code === 'internal') log.error({ ...bindings, err }, 'request failed');
  else log.info({ ...bindings, code: error.code }, error.message);
  if (res.headersSent) {
    // A started response (a stream) cannot change status; streams report errors themselves.
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, body);
}

/**
 * The data of an SSE `error` event: the same envelope, plus `name`/`message` at the top level,
 * which is where @langchain/langgraph-sdk reads a stream error from.
 */
export function errorEventData(err: unknown): ErrorEnvelope & { name: string; message: string } {
  const error = toAppError(err);
  return { error: publicBody(error), name: error.code, message: error.message };
}

function pathOf(issue: z.core.$ZodIssue, root: string): string {
  const parts = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') parts.push(issue.keys[0] ?? '');
  return [root, ...parts].filter(Boolean).join('.') || root;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  record: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  }
}

/** A zod failure as `invalid_input` naming the first failing field (`body.input.messages`). */
export function invalidInput(error: z.ZodError, root: string): AppError {
  const issue = error.issues[0]!;
  const field = pathOf(issue, root);
  return new AppError('invalid_input', `${field} ${describe(issue)}.`, {
    field,
    issues: error.issues.slice(0, 5).map((i) => ({ field: pathOf(i, root), message: i.message })),
  });
}

/** Parses one part of a request (body, query, params) or throws `invalid_input`. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, root: 'body' | 'query' | 'params'): z.output<S> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw invalidInput(parsed.error, root);
  return parsed.data;
}
