/**
 * What a destination is sent for one audience count: everyone as entered on its first sync,
 * then who entered and who left since what it was last given (so a member is never queued
 * twice for the same change), cut into batches.
 */
import type { DeliveryJob } from './types.js';

export interface PlanInput {
  destinationId: string;
  workspace: string;
  audienceId: string;
  audienceName: string;
  countSeq: number;
  members: string[];
  /** What the destination was given so far; undefined before its first sync. */
  given: Set<string> | undefined;
  batchSize: number;
  newId: () => string;
  at: Date;
}

export function planDeliveries(p: PlanInput): DeliveryJob[] {
  const current = new Set(p.members);
  const entered = p.given ? p.members.filter((id) => !p.given!.has(id)) : [...p.members];
  const exited = p.given ? [...p.given].filter((id) => !current.has(id)).sort() : [];
  const sync = p.given ? 'changes' : 'full';
  // A first sync of an empty audience is still sent: the receiver learns it is empty.
  if (sync === 'changes' && entered.length === 0 && exited.length === 0) return [];
  const changes: { id: string; kind: 'entered' | 'exited' }[] = [...entered.map((id) => ({ id, kind: 'entered' as const })), ...exited.map((id) => ({ id, kind: 'exited' as const }))];
  const parts = Math.max(1, Math.ceil(changes.length / p.batchSize));
  const jobs: DeliveryJob[] = [];
  for (let part = 0; part < parts; part++) {
    const slice = changes.slice(part * p.batchSize, (part + 1) * p.batchSize);
    jobs.push({
      id: p.newId(),
      destinationId: p.destinationId,
      workspace: p.workspace,
      audienceId: p.audienceId,
      audienceName: p.audienceName,
      countSeq: p.countSeq,
      sync,
      part: part + 1,
      parts,
      entered: slice.filter((c) => c.kind === 'entered').map((c) => c.id),
      exited: slice.filter((c) => c.kind === 'exited').map((c) => c.id),
      attempts: 0,
      createdAt: p.at.toISOString(),
    });
  }
  return jobs;
}
