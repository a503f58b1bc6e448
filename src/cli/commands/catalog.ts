import type { Config } from '../../config/env.js';
import type { Catalog } from '../../catalog/types.js';
import { openWorkspaceFromFlags, type WorkspaceFlags } from '../workspace-option.js';
import { writeJson } from '../output.js';
import { rolesOf } from '../../vocabulary/roles.js';

export async function catalogCommand(flags: WorkspaceFlags & { json?: boolean; search?: string }, config: Config): Promise<void> {
  const ws = await openWorkspaceFromFlags({ data: flags.data }, config);
  try {
    if (flags.search) {
      const hits = ws.search.search(flags.search, { limit: 10 });
      if (flags.json) return writeJson(hits);
      for (const h of hits) process.stdout.write(`${h.kind.padEnd(9)} ${h.kind === 'value' ? `${h.value} (${h.trait ?? `${h.events?.join('/')}.${h.property}`})` : h.name}${h.count !== undefined ? `  ×${h.count}` : ''}\n`);
      return;
    }
    if (flags.json) return writeJson({ ...ws.catalog, roles: rolesOf(ws.catalog) });
    process.stdout.write(renderCatalog(ws.catalog));
  } finally {
    await ws.close();
  }
}

function top(values: { value: unknown; count: number }[], n = 5): string {
  const shown = values.slice(0, n).map((v) => `${String(v.value)} (${v.count})`).join(', ');
  return values.length > n ? `${shown}, … ${values.length - n} more` : shown;
}

export function renderCatalog(c: Catalog): string {
  const lines: string[] = [`${c.workspace.name}: ${c.profiles.toLocaleString('en-US')} profiles, ${c.eventsTotal.toLocaleString('en-US')} events, history ${c.workspace.lookbackDays} days`, '', 'Events'];
  for (const e of c.events) {
    lines.push(`  ${e.name} — ${e.volume.toLocaleString('en-US')} events by ${e.profiles.toLocaleString('en-US')} profiles, last seen ${e.lastSeen?.slice(0, 10) ?? 'never'}${e.description ? `. ${e.description}` : ''}`);
    for (const p of e.properties) lines.push(`      ${p.name} (${p.type})${p.topValues.length ? `: ${top(p.topValues)}` : ''}`);
  }
  lines.push('', 'Traits');
  for (const t of c.traits) {
    const range = t.min !== undefined ? ` range ${t.min} – ${t.max}` : '';
    lines.push(`  ${t.name} (${t.type}) — ${t.profiles.toLocaleString('en-US')} profiles${t.pii ? ', personal data' : ''}${range}${t.topValues.length && t.type !== 'number' ? `: ${top(t.topValues)}` : ''}`);
  }
  lines.push('', `Tags: ${top(c.tags, 20)}`, '', 'Lists');
  for (const l of c.lists) lines.push(`  ${l.name} — ${l.size} members${l.description ? `. ${l.description}` : ''}`);
  lines.push('', 'Roles (inferred from names and descriptions; set them in workspace.json "roles" where they are wrong)');
  const roles = rolesOf(c);
  for (const [role, r] of Object.entries(roles.events)) lines.push(`  ${role.replace(/_/g, ' ').padEnd(14)} ${r.event}${r.property ? ` (${r.property})` : ''}${r.source === 'configured' ? ' [workspace.json]' : ''}`);
  for (const [role, r] of Object.entries(roles.traits)) lines.push(`  ${role.replace(/_/g, ' ').padEnd(14)} ${r.trait}${r.source === 'configured' ? ' [workspace.json]' : ''}`);
  if (c.workspace.glossary.length) {
    lines.push('', 'Glossary');
    for (const g of c.workspace.glossary) lines.push(`  ${g.term}: ${g.meaning}`);
  }
  return `${lines.join('\n')}\n`;
}
