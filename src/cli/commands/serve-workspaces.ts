/**
 * Workspaces with a data folder of their own (WORKSPACE_DIRS), each imported into a store of its
 * own with its own catalog: a workspace's key sees only its folder's data.
 */
import { existsSync } from 'node:fs';
import type { Config } from '../../config/env.js';
import type { EngineName } from '../../engine/types.js';
import { AppError } from '../../errors.js';
import { openWorkspace, type Workspace } from '../../store/workspace.js';

export async function openOwnWorkspaces(config: Config, engine: EngineName): Promise<Map<string, Workspace>> {
  const opened = new Map<string, Workspace>();
  try {
    for (const [tenant, dir] of Object.entries(config.workspaceDirs)) {
      if (!existsSync(dir)) throw new AppError('invalid_input', `WORKSPACE_DIRS: the folder of workspace "${tenant}" (${dir}) does not exist.`);
      opened.set(tenant, await openWorkspace({ dir, home: config.home, engine, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) }));
    }
  } catch (err) {
    await Promise.all([...opened.values()].map((w) => w.close()));
    throw err;
  }
  return opened;
}
