/** The shared demo workspace, imported once per test run into a cache every test file shares. */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';

export const SHOP_DIR = join(import.meta.dirname, '../../../shared/datasets/shop');
export const SHOP_NOW = new Date('2026-11-01T00:00:00Z');
export const TEST_HOME = join(tmpdir(), 'audience-agent-test-home');

export function openShop(opts: { engine?: 'duckdb' | 'postgres'; databaseUrl?: string } = {}): Promise<Workspace> {
  return openWorkspace({ dir: SHOP_DIR, home: TEST_HOME, ...opts });
}
