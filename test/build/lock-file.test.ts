/**
 * `npm ci` installs from the lock file alone and refuses one that lacks a package any package
 * asks for, even an optional one for another platform (npm on Linux has been seen to leave
 * DuckDB's macOS and Windows bindings out, and `npm ci` then fails there). The lock file must
 * name every optional dependency of every package, for every platform.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}

const lock = JSON.parse(readFileSync(join(import.meta.dirname, '../../package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockedPackage> };

/** Where node would find `dep` from the package at `path`: its own node_modules, then its parents'. */
function resolve(path: string, dep: string): string | undefined {
  let base = path;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up >= 0 ? base.slice(0, up) : '';
  }
}

it('names every optional dependency of every package, whatever the platform', () => {
  const missing = Object.entries(lock.packages).flatMap(([path, info]) =>
    Object.keys(info.optionalDependencies ?? {}).filter((dep) => !resolve(path, dep)).map((dep) => `${path || '(root)'} → ${dep}`));
  expect(missing).toEqual([]);
});

it("has DuckDB's bindings for Linux, macOS and Windows", () => {
  const bindings = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/@duckdb/node-bindings-'));
  const platforms = new Set(bindings.flatMap(([, info]) => info.os ?? []));
  expect([...platforms].sort()).toEqual(['darwin', 'linux', 'win32']);
});
