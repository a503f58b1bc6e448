/**
 * Where the service listens, decided before anything opens: with keys anywhere (0.0.0.0 by
 * default); without keys on the loopback address only, unless ALLOW_OPEN=1 says otherwise; and
 * a wider HOST without keys refuses to start, naming what to set. The Dockerfile sets
 * HOST=0.0.0.0, so a container without API_KEYS stops at once instead of listening where the
 * published port never reaches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindAddress, isLoopback } from '../../src/cli/commands/bind-address.js';
import { loadConfig } from '../../src/config/env.js';

/** As `serve` calls it, from the environment. */
function fromEnv(env: Record<string, string>) {
  const config = loadConfig(env);
  return bindAddress({ host: config.host, hasKeys: Object.keys(config.apiKeys).length > 0, allowOpen: config.allowOpen });
}

describe('where the service listens', () => {
  it('with API keys: on every address unless HOST says otherwise', () => {
    expect(fromEnv({ API_KEYS: 'k:acme' })).toEqual({ host: '0.0.0.0', open: false });
    expect(fromEnv({ API_KEYS: 'k:acme', HOST: '10.0.0.5' })).toEqual({ host: '10.0.0.5', open: false });
  });

  it('without keys and without HOST: on 127.0.0.1 only, saying so', () => {
    expect(fromEnv({})).toMatchObject({ host: '127.0.0.1', open: true, warning: expect.stringContaining('127.0.0.1 only') });
    expect(fromEnv({ HOST: '::1' })).toMatchObject({ host: '::1', open: true });
  });

  it('refuses a container started without API_KEYS (HOST=0.0.0.0), naming what to set', () => {
    expect(() => fromEnv({ HOST: '0.0.0.0' })).toThrow(expect.objectContaining({
      code: 'invalid_input',
      message: expect.stringMatching(/API_KEYS is not set.*Set API_KEYS=key:workspace.*ALLOW_OPEN=1/),
    }));
  });

  it('serves a container without keys when ALLOW_OPEN=1 says so, with a warning', () => {
    expect(fromEnv({ HOST: '0.0.0.0', ALLOW_OPEN: '1' })).toMatchObject({ host: '0.0.0.0', open: true, warning: expect.stringContaining('WITHOUT AUTHENTICATION') });
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'example.com'].some(isLoopback)).toBe(false);
  });
});

describe('the Dockerfile and CI', () => {
  const root = join(import.meta.dirname, '../..');
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

  it('listen on 0.0.0.0 in the container, so a published port reaches the service (or it refuses to start)', () => {
    expect(dockerfile).toMatch(/^\s*HOST=0\.0\.0\.0/m);
  });

  it('install from the lock file with npm ci', () => {
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).not.toMatch(/^npm install\b/m);
  });
});
