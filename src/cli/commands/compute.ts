import { readFile } from 'node:fs/promises';
import type { Config } from '../../config/env.js';
import { AppError } from '../../errors.js';
import { parseDefinition } from '../../definition/parse.js';
import { assertValid } from '../../definition/validate.js';
import { explainDefinition } from '../../definition/explain.js';
import type { AudienceResult } from '../../engine/types.js';
import { openWorkspaceFromFlags, parseNow, type WorkspaceFlags } from '../workspace-option.js';
import { writeJson } from '../output.js';

export interface ComputeFlags extends WorkspaceFlags {
  now?: string;
  definition: string;
  members?: boolean;
  json?: boolean;
  /** Stream only the member list, as csv or jsonl. */
  export?: 'csv' | 'jsonl';
  sql?: boolean;
}

async function readDefinitionFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError('invalid_input', `Cannot read the definition file ${path}.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid_input', `The definition file ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

export async function computeCommand(flags: ComputeFlags, config: Config): Promise<void> {
  const now = parseNow(flags.now);
  const def = parseDefinition(await readDefinitionFile(flags.definition));
  const ws = await openWorkspaceFromFlags(flags, config);
  try {
    assertValid(def, ws.catalog, { now, search: ws.search });
    if (flags.sql) {
      const { sql, params } = ws.engine.toSql(def, { now });
      return flags.json ? writeJson({ sql, params }) : void process.stdout.write(`${sql}\n-- parameters: ${JSON.stringify(params)}\n`);
    }
    if (flags.export) {
      if (flags.export === 'csv') process.stdout.write('user_id\n');
      for await (const id of ws.engine.streamMembers(def, { now })) {
        const line = flags.export === 'csv' ? `${id}\n` : `${JSON.stringify({ userId: id })}\n`;
        if (!process.stdout.write(line)) await new Promise((r) => process.stdout.once('drain', r));
      }
      return;
    }
    const result = await ws.engine.compute(def, { now });
    const explanation = explainDefinition(def, { currency: ws.catalog.workspace.currency });
    const members = flags.members ? await ws.engine.memberIds(def, { now }) : undefined;
    if (flags.json) return writeJson({ definition: def, explanation, ...result, ...(members ? { members } : {}) });
    process.stdout.write(renderResult(explanation, result, members));
  } finally {
    await ws.close();
  }
}

export function renderResult(explanation: string[], r: AudienceResult, members?: string[]): string {
  const pct = (n: number) => (r.totalProfiles ? `${((100 * n) / r.totalProfiles).toFixed(1)}%` : '–');
  const lines = ['Audience', ...explanation.map((l) => `  ✓ ${l}`), '', `Size: ${r.size.toLocaleString('en-US')} of ${r.totalProfiles.toLocaleString('en-US')} profiles (${pct(r.size)})`, 'Reachable'];
  for (const [channel, n] of Object.entries(r.reachability)) lines.push(`  ${channel.padEnd(8)} ${String(n).padStart(7)}  ${'█'.repeat(r.size ? Math.round((20 * n) / r.size) : 0)}`);
  if (r.conditionSizes.length > 1) {
    lines.push('Each condition on its own');
    for (const c of r.conditionSizes) lines.push(`  ${String(c.size).padStart(7)}  ${c.line}`);
  }
  if (r.samples.length) {
    lines.push('Sample members');
    for (const s of r.samples) lines.push(`  ${s.userId}  ${Object.entries(s.traits).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  if (members) lines.push(`Members (${members.length})`, ...members.map((m) => `  ${m}`));
  return `${lines.join('\n')}\n`;
}
