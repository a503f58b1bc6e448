import type { BuildResult } from '../../agent/run-once.js';

export function renderBuildResult(r: BuildResult): string {
  const lines: string[] = [];
  if (r.status === 'error') lines.push(`error [${r.error?.code}]: ${r.error?.message}`);
  if (r.status === 'needs_clarification') {
    lines.push(r.question ?? 'A question is needed.');
    (r.options ?? []).forEach((o, i) => lines.push(`  ${i + 1}. ${o}`));
  }
  if (r.explanation) {
    lines.push(r.kind === 'live' ? 'Live audience' : 'Audience', ...r.explanation.map((l) => `  ✓ ${l}`));
    if (r.note) lines.push(r.note);
    else if (r.count !== undefined) lines.push(`Size: ${r.count.toLocaleString('en-US')}`);
  }
  if (r.members) lines.push(`Members (${r.members.length}): ${r.members.join(' ')}`);
  return `${lines.join('\n')}\n`;
}
