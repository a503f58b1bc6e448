import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../src/synth/main.js';

describe('the generator script arguments', () => {
  it('reads the required options, with an integer seed as a number', () => {
    expect(parseGenerateArgs(['--dir', '/tmp/w', '--profiles', '2000', '--seed', '1', '--now', '2026-11-01T00:00:00Z'])).toEqual({
      dir: '/tmp/w',
      profiles: 2000,
      seed: 1,
      now: '2026-11-01T00:00:00Z',
      eventsPerProfile: undefined,
      gzip: true,
      gzipLevel: undefined,
      name: undefined,
    });
  });

  it('keeps a text seed as text and reads the optional switches', () => {
    const options = parseGenerateArgs([
      '--dir', 'w', '--profiles', '5', '--seed', 'demo', '--now', '2026-01-01T00:00:00Z',
      '--events-per-profile', '30', '--no-gzip', '--gzip-level', '6', '--name', 'Test shop',
    ]);
    expect(options).toMatchObject({ seed: 'demo', eventsPerProfile: 30, gzip: false, gzipLevel: 6, name: 'Test shop' });
  });

  it('asks for the usage when a required option is missing', () => {
    expect(() => parseGenerateArgs(['--dir', 'w', '--profiles', '5'])).toThrow(/usage/);
  });
});
