/**
 * The shop demo workspace, imported into a throwaway home per test file: DuckDB lets one
 * process hold a file, and test files run in parallel workers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../src/store/workspace.js';

export const SHOP_DIR = '/work/shared/datasets/shop';
export const SHOP_NOW = new Date('2026-11-01T00:00:00Z');

export interface OpenShop extends Workspace {
  dispose(): Promise<void>;
}

export async function openShop(): Promise<OpenShop> {
  const home = mkdtempSync(join(tmpdir(), 'audience-agent-test-'));
  const ws = await openWorkspace({ dir: SHOP_DIR, home });
  return Object.assign(ws, {
    async dispose() {
      await ws.close();
      rmSync(home, { recursive: true, force: true });
    },
  });
}
