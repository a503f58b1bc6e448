/**
 * Write keys → workspaces, read as Segment's libraries send them: HTTP Basic with the write key
 * as the user name and no password (`Authorization: Basic base64("<key>:")`), or `writeKey` in
 * the body. Checked by the same resolver as API keys (constant time, failures limited per
 * address). A service without write keys takes messages only when it has no API keys either
 * (it then listens on 127.0.0.1 only), into the one local workspace.
 */
import { AppError } from '../errors.js';
import { callerResolver, LOCAL_TENANT, type AuthFailureLimit } from '../server/middleware/auth.js';

export type WriteKeyResolver = (authorization: string | undefined, bodyKey: string | undefined, address: string | undefined) => string;

export function writeKeyFromHeader(authorization: string | undefined): string | undefined {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon < 0 ? decoded : decoded.slice(0, colon);
  return key || undefined;
}

export function writeKeyResolver(opts: { writeKeys: Record<string, string>; apiKeys: Record<string, string>; failures?: AuthFailureLimit }): WriteKeyResolver {
  const open = Object.keys(opts.writeKeys).length === 0 && Object.keys(opts.apiKeys).length === 0;
  const resolve = callerResolver({ apiKeys: opts.writeKeys, ...(opts.failures ? { failures: opts.failures } : {}) });
  return (authorization, bodyKey, address) => {
    if (open) return LOCAL_TENANT;
    if (Object.keys(opts.writeKeys).length === 0) {
      throw new AppError('unauthorized', 'This service takes no data: it has no write keys (set WRITE_KEYS=key:workspace).');
    }
    const key = writeKeyFromHeader(authorization) ?? bodyKey;
    if (!key) {
      // Through the resolver, so the failure counts against the address.
      return resolve(undefined, undefined, address).tenant;
    }
    return resolve(undefined, key, address).tenant;
  };
}
