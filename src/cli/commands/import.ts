import { resolve } from 'node:path';
import type { Config } from '../../config/env.js';
import { importWorkspace } from '../../store/import/importer.js';
import { storePath, workspaceContentHash } from '../../store/workspace.js';
import { createProgressBar } from '../progress.js';
import { writeJson } from '../output.js';

export interface ImportFlags {
  strict?: boolean;
  json?: boolean;
}

export async function importCommand(dir: string, flags: ImportFlags, config: Config): Promise<void> {
  const id = await workspaceContentHash(resolve(dir));
  const bar = createProgressBar();
  const report = await importWorkspace(resolve(dir), {
    dbPath: storePath(config.home, id),
    strict: flags.strict,
    onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.phase === 'indexing' ? 'Building catalog' : 'Importing'),
  }).finally(() => bar.stop());
  if (flags.json) return writeJson({ workspaceId: id, ...report });
  const out = process.stdout;
  out.write(`Imported ${report.profiles.toLocaleString('en-US')} profiles, ${report.events.toLocaleString('en-US')} events and ${report.lists} lists in ${report.seconds.toFixed(2)} s (${report.eventsPerSecond.toLocaleString('en-US')} events/s).\n`);
  if (report.skipped) out.write(`Skipped ${report.skipped} messages of other types (page, screen, group, alias).\n`);
  if (report.typeConflicts) out.write(`${report.typeConflicts} values did not fit their type and were left empty.\n`);
  if (report.malformed) {
    out.write(`${report.malformed} malformed lines were not imported:\n`);
    for (const m of report.malformedLines.slice(0, 20)) out.write(`  ${m.file}:${m.line}: ${m.reason}\n`);
    if (report.malformed > 20) out.write(`  … and ${report.malformed - 20} more (see --json)\n`);
  }
  out.write(`Workspace id: ${id}\n`);
}
