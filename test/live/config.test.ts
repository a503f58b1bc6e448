/** The live settings come from the environment once, validated, with defaults. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

describe('live settings in the configuration', () => {
  it('defaults to a 30-minute session and history snapshots renewed every 5 minutes', () => {
    expect(loadConfig({}).live).toEqual({ sessionTimeoutMs: 30 * 60_000, historyRefreshMs: 5 * 60_000 });
  });

  it('reads the session timeout and the history refresh from LIVE_* variables', () => {
    const env = { LIVE_SESSION_TIMEOUT_MS: '900000', LIVE_HISTORY_REFRESH_MS: '60000' };
    expect(loadConfig(env).live).toEqual({ sessionTimeoutMs: 900_000, historyRefreshMs: 60_000 });
  });

  it('refuses a value that is not a number, naming the variable', () => {
    expect(() => loadConfig({ LIVE_SESSION_TIMEOUT_MS: 'half an hour' })).toThrow(/LIVE_SESSION_TIMEOUT_MS/);
    expect(() => loadConfig({ LIVE_HISTORY_REFRESH_MS: '0' })).toThrow(/LIVE_HISTORY_REFRESH_MS/);
  });
});
