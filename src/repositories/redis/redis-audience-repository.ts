import type { Redis } from 'ioredis';
import { storedAudience } from '../../audiences/stored-audience.js';
import type { Audience, AudienceRepository } from '../../audiences/types.js';
import { readRecord, reportToStderr, type InvalidRecordSink, type RecordReader } from '../stored-records.js';
import { workspaceKeys } from './keys.js';
import { storeCall } from './redis-call.js';

/**
 * Saved audiences of each workspace: one hash per workspace, audience id → JSON. Records are
 * checked when written and when read; one that does not decode is left out and reported.
 */
export class RedisAudienceRepository implements AudienceRepository {
  private readonly reader: RecordReader<Audience>;

  constructor(private readonly client: Redis, private readonly prefix: string, report: InvalidRecordSink = reportToStderr) {
    this.reader = { kind: 'audience', decode: storedAudience, report };
  }

  async save(workspace: string, audience: Audience): Promise<Audience> {
    const stored = storedAudience(audience);
    await storeCall(() => this.client.hset(this.key(workspace), stored.id, JSON.stringify(stored)));
    return structuredClone(stored);
  }

  async get(workspace: string, id: string): Promise<Audience | undefined> {
    const raw = await storeCall(() => this.client.hget(this.key(workspace), id));
    return readRecord(this.reader, workspace, id, raw);
  }

  async list(workspace: string): Promise<Audience[]> {
    const records = await storeCall(() => this.client.hgetall(this.key(workspace)));
    const all = Object.entries(records).flatMap(([id, raw]) => readRecord(this.reader, workspace, id, raw) ?? []);
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    return (await storeCall(() => this.client.hdel(this.key(workspace), id))) === 1;
  }

  private key(workspace: string): string {
    return workspaceKeys(this.prefix, workspace).audiences;
  }
}
