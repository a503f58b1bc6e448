/** What the middleware adds to every request, for the routes after it. */
import type { Logger } from 'pino';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** From `X-Request-Id` when the client sent a sane one, else generated. */
      id: string;
      /** The request's logger (request id, and thread id once known). */
      log: Logger;
      /** The workspace (tenant) of the API key; everything the request touches belongs to it. */
      tenant: string;
      /** The API key used ('' when the service runs without keys). */
      apiKey: string;
    }
  }
}

export {};
