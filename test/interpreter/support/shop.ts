/**
 * The shop demo workspace imported into a throwaway home (DuckDB lets one process hold a file,
 * and test files run in parallel workers), with an InterpreterContext for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../../src/store/workspace.js';
import type { InterpreterContext } from '../../../src/interpreter/types.js';

export const SHOP_DIR = '/work/shared/datasets/shop';
export const SHOP_NOW = new Date('2026-11-01T00:00:00Z');

export interface Shop {
  ws: Workspace;
  context(extra?: Partial<InterpreterContext>): InterpreterContext;
  dispose(): Promise<void>;
}

export async function openShop(): Promise<Shop> {
  const home = mkdtempSync(join(tmpdir(), 'aa-interp-'));
  const ws = await openWorkspace({ dir: SHOP_DIR, home });
  return {
    ws,
    context: (extra = {}) => ({ catalog: ws.catalog, search: ws.search, engine: ws.engine, now: SHOP_NOW, ...extra }),
    async dispose() {
      await ws.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
