/**
 * Where the service listens, and whether it may listen there without API keys. Without keys
 * anyone who reaches the port uses the service, so it listens on the loopback address only,
 * unless told in so many words (ALLOW_OPEN=1) to serve a wider address without them; asked for
 * a wider address without keys and without that, it refuses to start and says what to set,
 * rather than listen somewhere a container's published port (`docker run -p`) never reaches.
 */
import { AppError } from '../../errors.js';

export interface BindRequest {
  /** `--host`, else HOST; undefined: the default for the keys. */
  host?: string;
  /** Whether API keys are configured. */
  hasKeys: boolean;
  /** ALLOW_OPEN=1: serve a non-loopback address without keys (a local trial in a container). */
  allowOpen: boolean;
}

export interface BindAddress {
  host: string;
  /** Whether requests need no key. */
  open: boolean;
  /** What to tell the operator about it. */
  warning?: string;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}

export function bindAddress({ host, hasKeys, allowOpen }: BindRequest): BindAddress {
  if (hasKeys) return { host: host ?? '0.0.0.0', open: false };
  if (host === undefined || isLoopback(host)) {
    return { host: host ?? '127.0.0.1', open: true, warning: `No API_KEYS configured: listening on ${host ?? '127.0.0.1'} only, without authentication (workspace "default").` };
  }
  if (!allowOpen) {
    throw new AppError(
      'invalid_input',
      `HOST is ${host} but API_KEYS is not set: anyone who can reach the port would use the service without a key. `
        + 'Set API_KEYS=key:workspace (several separated by commas), or ALLOW_OPEN=1 to serve without keys for a local trial, or leave HOST unset to listen on 127.0.0.1 only.',
    );
  }
  return { host, open: true, warning: `ALLOW_OPEN=1 and no API_KEYS: listening on ${host} WITHOUT AUTHENTICATION; anyone who reaches the port uses the service (workspace "default").` };
}
