import type { Redis } from 'ioredis';
import type { Audience, AudienceRepository } from '../../audiences/types.js';
import { workspaceKeys } from './keys.js';
import { storeCall } from './redis-call.js';

/** Saved audiences of each workspace: one hash per workspace, audience id → JSON. */
export class RedisAudienceRepository implements AudienceRepository {
  constructor(private readonly client: Redis, private readonly prefix: string) {}

  async save(workspace: string, audience: Audience): Promise<Audience> {
    await storeCall(() => this.client.hset(this.key(workspace), audience.id, JSON.stringify(audience)));
    return structuredClone(audience);
  }

  async get(workspace: string, id: string): Promise<Audience | undefined> {
    const raw = await storeCall(() => this.client.hget(this.key(workspace), id));
    return raw ? (JSON.parse(raw) as Audience) : undefined;
  }

  async list(workspace: string): Promise<Audience[]> {
    const all = Object.values(await storeCall(() => this.client.hgetall(this.key(workspace)))).map((raw) => JSON.parse(raw) as Audience);
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    return (await storeCall(() => this.client.hdel(this.key(workspace), id))) === 1;
  }

  private key(workspace: string): string {
    return workspaceKeys(this.prefix, workspace).audiences;
  }
}
