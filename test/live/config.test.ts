/** The live settings come from the environment once, validated, with defaults. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

describe('live settings in the configuration', () => {
  it('defaults to a 30-minute session and a bounded visitor cache', () => {
    expect(loadConfig({}).live).toEqual({ sessionTimeoutMs: 30 * 60_000, visitorCacheTtlMs: 5 * 60_000, visitorCacheSize: 10_000 });
  });

  it('reads the session timeout and the visitor cache from LIVE_* variables', () => {
    const env = { LIVE_SESSION_TIMEOUT_MS: '900000', LIVE_VISITOR_CACHE_TTL_MS: '0', LIVE_VISITOR_CACHE_SIZE: '500' };
    expect(loadConfig(env).live).toEqual({ sessionTimeoutMs: 900_000, visitorCacheTtlMs: 0, visitorCacheSize: 500 });
  });

  it('refuses a value that is not a number, naming the variable', () => {
    expect(() => loadConfig({ LIVE_SESSION_TIMEOUT_MS: 'half an hour' })).toThrow(/LIVE_SESSION_TIMEOUT_MS/);
    expect(() => loadConfig({ LIVE_VISITOR_CACHE_SIZE: '-1' })).toThrow(/LIVE_VISITOR_CACHE_SIZE/);
  });
});
