/**
 * Takes accepted messages for one workspace and makes them visible: kept in memory, written to
 * the live store every `flushMs` in one transaction (questions keep reading meanwhile), and the
 * catalog rebuilt from the store once something arrived: at once when a name it lacks arrived (a
 * new event, property or trait), else at most every `catalogRefreshMs` (and never taking more
 * than a fifth of the time, however long a rebuild takes on a big store). A
 * message id seen within `dedupeWindowMs` is acknowledged and not kept again (also after a
 * restart: the ids are in the store). A failed flush keeps its messages for the next one.
 */
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/types.js';
import { AppError } from '../errors.js';
import { buildCatalog } from '../store/import/build-catalog.js';
import type { AudiencesFile, WorkspaceFile } from '../store/import/workspace-files.js';
import { META_KEYS } from '../store/layout.js';
import type { LiveStore } from './live-store.js';
import type { IngestMessage } from './segment-messages.js';
import { seenMessageIds, writeMessages } from './store-writer.js';

export interface IngestTiming {
  /** How often buffered messages are written (what new computes see). */
  flushMs: number;
  /** How often, at most, the catalog is rebuilt after new data (new events, properties, values). */
  catalogRefreshMs: number;
  /** Messages waiting at most; beyond, senders are asked to retry (429). */
  maxPending: number;
  /** How long a message id is remembered for de-duplication. */
  dedupeWindowMs: number;
}

export const DEFAULT_INGEST_TIMING: IngestTiming = { flushMs: 500, catalogRefreshMs: 2_000, maxPending: 500_000, dedupeWindowMs: 24 * 3_600_000 };

export interface IngestorOptions {
  store: LiveStore;
  /** The workspace folder's tracking plan and lists, which the catalog is built with. */
  plan: WorkspaceFile;
  audiences: AudiencesFile;
  timing?: Partial<IngestTiming>;
  clock?: () => Date;
  logger: Logger;
  /** Called with each rebuilt catalog. */
  onCatalog(catalog: Catalog): void;
}

export interface AcceptReport {
  accepted: number;
  /** Already received (same messageId): acknowledged, not kept twice. */
  duplicates: number;
}

export interface IngestStats {
  pending: number;
  /** Messages written to the store since start. */
  written: number;
  /** Events and identifies accepted and not yet in the catalog. */
  catalogBehind: boolean;
}

export class Ingestor {
  private pending: IngestMessage[] = [];
  private written = 0;
  private catalogDirty = false;
  /** A flush brought a name the catalog does not have (event, property, trait): rebuilt without waiting. */
  private catalogMissesNames = false;
  private readonly knownEvents: Set<string>;
  private catalogAt = 0;
  /** How long the last catalog rebuild took: rebuilds are spaced so they take at most a fifth of the time. */
  private catalogCostMs = 0;
  private working: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private closed = false;
  private readonly timing: IngestTiming;
  private readonly clock: () => Date;

  private constructor(private readonly opts: IngestorOptions, private readonly seen: Map<string, number>) {
    this.timing = { ...DEFAULT_INGEST_TIMING, ...opts.timing };
    this.knownEvents = new Set(opts.store.catalog.events.map((e) => e.name));
    this.clock = opts.clock ?? (() => new Date());
  }

  static async open(opts: IngestorOptions): Promise<Ingestor> {
    const clock = opts.clock ?? (() => new Date());
    const window = opts.timing?.dedupeWindowMs ?? DEFAULT_INGEST_TIMING.dedupeWindowMs;
    const seen = await seenMessageIds(opts.store.writer, new Date(clock().getTime() - window));
    const ingestor = new Ingestor(opts, seen);
    ingestor.timer = setInterval(() => void ingestor.tick(), ingestor.timing.flushMs);
    ingestor.timer.unref();
    return ingestor;
  }

  accept(messages: IngestMessage[]): AcceptReport {
    if (this.closed) throw new AppError('unavailable', 'The service is shutting down; send the messages again in a moment.');
    if (this.pending.length + messages.length > this.timing.maxPending) {
      throw new AppError('rate_limited', 'Messages are arriving faster than they can be kept. Send them again in a second.', { retry_after_seconds: 1 });
    }
    const now = this.clock().getTime();
    let duplicates = 0;
    for (const m of messages) {
      if (this.seen.has(m.messageId)) {
        duplicates++;
        continue;
      }
      this.seen.set(m.messageId, now);
      if (m.kind !== 'ignored') this.pending.push(m);
    }
    return { accepted: messages.length - duplicates, duplicates };
  }

  stats(): IngestStats {
    return { pending: this.pending.length, written: this.written, catalogBehind: this.catalogDirty };
  }

  /** Writes what is waiting and rebuilds the catalog now (tests, shutdown, on-demand counts). */
  async settle(): Promise<void> {
    await this.run(true);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.settle().catch((err: unknown) => this.opts.logger.error({ err }, 'the last flush of arrived data failed'));
    this.closed = true;
  }

  private tick(): Promise<void> {
    return this.run(false).catch((err: unknown) => this.opts.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'writing arrived data failed; it is tried again'));
  }

  /** Flushes and catalog rebuilds take turns, one at a time. */
  private run(force: boolean): Promise<void> {
    const next = this.working.catch(() => undefined).then(() => this.work(force));
    this.working = next;
    return next;
  }

  private async work(force: boolean): Promise<void> {
    if (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const { schema } = this.opts.store;
      const names = schema.propertyColumns.length + Object.keys(schema.traitTypes).length;
      try {
        const report = await writeMessages(this.opts.store.writer, schema, batch, this.clock());
        this.written += batch.length;
        this.catalogDirty = true;
        for (const m of batch) {
          if (m.kind === 'track' && !this.knownEvents.has(m.event)) {
            this.knownEvents.add(m.event);
            this.catalogMissesNames = true;
          }
        }
        if (schema.propertyColumns.length + Object.keys(schema.traitTypes).length > names) this.catalogMissesNames = true;
        if (report.typeConflicts > 0) this.opts.logger.warn({ values: report.typeConflicts }, 'arrived values that do not fit their property or trait type were kept empty');
      } catch (err) {
        this.pending = batch.concat(this.pending);
        throw err;
      }
    }
    const now = this.clock().getTime();
    const due = now - this.catalogAt >= Math.max(this.timing.catalogRefreshMs, 4 * this.catalogCostMs);
    if (this.catalogDirty && (force || due || this.catalogMissesNames)) {
      this.catalogDirty = false;
      this.catalogMissesNames = false;
      this.catalogAt = now;
      try {
        const started = performance.now();
        await this.refreshCatalog();
        this.catalogCostMs = performance.now() - started;
      } catch (err) {
        this.catalogDirty = true;
        throw err;
      }
    }
    this.forgetOldIds(now);
  }

  private async refreshCatalog(): Promise<void> {
    const { writer, schema } = this.opts.store;
    const catalog = await buildCatalog([writer], schema, this.opts.plan, this.opts.audiences);
    await writer.run('UPDATE meta SET value = $1 WHERE key = $2', [JSON.stringify(catalog), META_KEYS.catalog]);
    this.opts.onCatalog(catalog);
  }

  private forgetOldIds(now: number): void {
    const cutoff = now - this.timing.dedupeWindowMs;
    // Map order is arrival order: the oldest come first.
    for (const [id, at] of this.seen) {
      if (at >= cutoff) break;
      this.seen.delete(id);
    }
  }
}
