import { LOG_KEPT, type DeliveryJob, type DeliveryLogEntry, type Destination, type DestinationStore } from './types.js';

/** Destinations and their queues held in the process: for tests and single-process demos (lost on restart). */
export class MemoryDestinationStore implements DestinationStore {
  private readonly destinations = new Map<string, Destination>();
  private readonly givenSets = new Map<string, Set<string>>();
  private readonly queues = new Map<string, DeliveryJob[]>();
  /** Destination id → when its head job is due (or its lease ends). */
  private readonly dueAt = new Map<string, number>();
  private readonly logs = new Map<string, DeliveryLogEntry[]>();

  async add(destination: Destination): Promise<void> {
    this.destinations.set(destination.id, structuredClone(destination));
  }

  async get(workspace: string, id: string): Promise<Destination | undefined> {
    const found = this.destinations.get(id);
    return found && found.workspace === workspace ? structuredClone(found) : undefined;
  }

  async ofAudience(workspace: string, audienceId: string): Promise<Destination[]> {
    return [...this.destinations.values()].filter((d) => d.workspace === workspace && d.audienceId === audienceId).map((d) => structuredClone(d));
  }

  async remove(workspace: string, id: string): Promise<boolean> {
    if (!(await this.get(workspace, id))) return false;
    for (const map of [this.destinations, this.givenSets, this.queues, this.dueAt, this.logs]) map.delete(id);
    return true;
  }

  async given(destinationId: string): Promise<Set<string> | undefined> {
    const found = this.givenSets.get(destinationId);
    return found ? new Set(found) : undefined;
  }

  async enqueue(destinationId: string, jobs: DeliveryJob[], members: string[]): Promise<void> {
    const queue = this.queues.get(destinationId) ?? [];
    if (queue.length === 0 && jobs.length > 0) this.dueAt.set(destinationId, 0);
    queue.push(...structuredClone(jobs));
    this.queues.set(destinationId, queue);
    this.givenSets.set(destinationId, new Set(members));
  }

  async claim(nowMs: number, leaseMs: number): Promise<{ destinationId: string; job: DeliveryJob } | undefined> {
    for (const [destinationId, at] of this.dueAt) {
      const job = this.queues.get(destinationId)?.[0];
      if (at > nowMs || !job) continue;
      this.dueAt.set(destinationId, nowMs + leaseMs);
      return { destinationId, job: structuredClone(job) };
    }
    return undefined;
  }

  async complete(destinationId: string, nowMs: number): Promise<void> {
    const queue = this.queues.get(destinationId) ?? [];
    queue.shift();
    if (queue.length > 0) this.dueAt.set(destinationId, nowMs);
    else this.dueAt.delete(destinationId);
  }

  async retry(destinationId: string, job: DeliveryJob, retryAtMs: number): Promise<void> {
    const queue = this.queues.get(destinationId);
    if (!queue?.length) return;
    queue[0] = structuredClone(job);
    this.dueAt.set(destinationId, retryAtMs);
  }

  async pending(destinationId: string): Promise<number> {
    return this.queues.get(destinationId)?.length ?? 0;
  }

  async log(destinationId: string, entry: DeliveryLogEntry): Promise<void> {
    const list = this.logs.get(destinationId) ?? [];
    list.unshift({ ...entry });
    this.logs.set(destinationId, list.slice(0, LOG_KEPT));
  }

  async deliveries(destinationId: string, limit: number): Promise<DeliveryLogEntry[]> {
    return structuredClone((this.logs.get(destinationId) ?? []).slice(0, limit));
  }
}
