/** The ingestion settings: on with write keys, and live matching then renews its history in seconds. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

describe('ingestion configuration', () => {
  it('is off by default, and live history is renewed every 5 minutes', () => {
    const config = loadConfig({});
    expect(config.ingest).toEqual({ enabled: false, writeKeys: {}, flushMs: 500, catalogRefreshMs: 2_000 });
    expect(config.live.historyRefreshMs).toBe(5 * 60_000);
  });

  it('is on with write keys, and live history is then renewed every 5 seconds unless set', () => {
    const config = loadConfig({ WRITE_KEYS: 'wk1:acme,wk2:globex', INGEST_FLUSH_MS: '100' });
    expect(config.ingest).toMatchObject({ enabled: true, writeKeys: { wk1: 'acme', wk2: 'globex' }, flushMs: 100 });
    expect(config.live.historyRefreshMs).toBe(5_000);
    expect(loadConfig({ INGEST: '1', LIVE_HISTORY_REFRESH_MS: '60000' }).live.historyRefreshMs).toBe(60_000);
  });

  it('gives workspaces data folders of their own', () => {
    expect(loadConfig({ WORKSPACE_DIRS: 'acme:/data/acme, globex:/data/globex' }).workspaceDirs).toEqual({ acme: '/data/acme', globex: '/data/globex' });
    expect(() => loadConfig({ WORKSPACE_DIRS: '/data/acme' })).toThrow(/WORKSPACE_DIRS/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ WRITE_KEYS: 'just-a-key' })).toThrow(/WRITE_KEYS: "just-a-key" is not key:workspace/);
    expect(() => loadConfig({ INGEST_FLUSH_MS: '0' })).toThrow(/INGEST_FLUSH_MS/);
  });
});
