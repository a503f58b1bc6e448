/**
 * The service's public HTTP API as the widget uses it: JSON requests with the optional API key,
 * and every failure as an ApiError carrying the service's error code, so the page can say what
 * went wrong in plain words and offer a retry only where one helps.
 */

export class ApiError extends Error {
  /**
   * @param {{ code: string, message: string, retryable: boolean, status?: number, details?: Record<string, unknown> }} body
   */
  constructor({ code, message, retryable, status = 0, details }) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.retryable = retryable;
    this.status = status;
    this.details = details;
  }
}

/** The service's `{"error":{code,message,retryable}}` envelope, or a code guessed from the status. */
export function errorFromBody(body, status) {
  const e = body && typeof body === 'object' ? body.error : undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    return new ApiError({ code: e.code, message: String(e.message ?? ''), retryable: Boolean(e.retryable), status, details: e.details });
  }
  const retryable = status === 0 || status === 429 || status >= 500;
  return new ApiError({ code: retryable ? 'unavailable' : 'internal', message: '', retryable, status });
}

/** fetch() itself failed: no answer from the service at all. */
export function networkError(cause) {
  const err = new ApiError({ code: 'network', message: '', retryable: true });
  err.cause = cause;
  return err;
}

export function isAbort(err) {
  return err instanceof DOMException && err.name === 'AbortError';
}

async function readJson(res) {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * @param {{ baseUrl?: string, apiKey?: string }} options baseUrl '' = the page's own origin.
 */
export function createApiClient({ baseUrl = '', apiKey } = {}) {
  const root = baseUrl.replace(/\/+$/, '');

  function headers(extra = {}) {
    return { ...(apiKey ? { 'X-Api-Key': apiKey } : {}), ...extra };
  }

  /** Sends a request; resolves with the raw Response when it succeeded, throws ApiError otherwise. */
  async function send(method, path, { body, signal, headers: extra } = {}) {
    let res;
    try {
      res = await fetch(root + path, {
        method,
        headers: headers({ ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...extra }),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (err) {
      if (isAbort(err)) throw err;
      throw networkError(err);
    }
    if (!res.ok) throw errorFromBody(await readJson(res), res.status);
    return res;
  }

  async function json(method, path, body, signal) {
    const res = await send(method, path, { body, signal });
    return res.status === 204 ? null : readJson(res);
  }

  return {
    send,
    get: (path, signal) => json('GET', path, undefined, signal),
    post: (path, body, signal) => json('POST', path, body, signal),
    patch: (path, body, signal) => json('PATCH', path, body, signal),
    put: (path, body, signal) => json('PUT', path, body, signal),
  };
}
