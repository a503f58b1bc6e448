/** The live settings come from the environment once, validated, with defaults. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

describe('live settings in the configuration', () => {
  it('defaults to a 30-minute session, history snapshots renewed every 5 minutes and 2,000 matches a second per key (4,000 at once)', () => {
    expect(loadConfig({}).live).toEqual({ sessionTimeoutMs: 30 * 60_000, historyRefreshMs: 5 * 60_000, rateLimit: { burst: 4_000, perSecond: 2_000 } });
  });

  it('reads the session timeout, the history refresh and the match rate limit from LIVE_* variables', () => {
    const env = { LIVE_SESSION_TIMEOUT_MS: '900000', LIVE_HISTORY_REFRESH_MS: '60000', LIVE_RATE_LIMIT_PER_SECOND: '250', LIVE_RATE_LIMIT_BURST: '500' };
    expect(loadConfig(env).live).toEqual({ sessionTimeoutMs: 900_000, historyRefreshMs: 60_000, rateLimit: { burst: 500, perSecond: 250 } });
  });

  it('refuses a value that is not a number, naming the variable', () => {
    expect(() => loadConfig({ LIVE_SESSION_TIMEOUT_MS: 'half an hour' })).toThrow(/LIVE_SESSION_TIMEOUT_MS/);
    expect(() => loadConfig({ LIVE_HISTORY_REFRESH_MS: '0' })).toThrow(/LIVE_HISTORY_REFRESH_MS/);
    expect(() => loadConfig({ LIVE_RATE_LIMIT_PER_SECOND: 'lots' })).toThrow(/LIVE_RATE_LIMIT_PER_SECOND/);
    expect(() => loadConfig({ LIVE_RATE_LIMIT_BURST: '0' })).toThrow(/LIVE_RATE_LIMIT_BURST/);
  });
});
