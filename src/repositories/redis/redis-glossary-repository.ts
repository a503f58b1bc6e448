import type { Redis } from 'ioredis';
import type { GlossaryEntry } from '../../catalog/types.js';
import { glossaryKey, type GlossaryRepository } from '../../glossary/types.js';
import { workspaceKeys } from './keys.js';
import { storeCall } from './redis-call.js';

/** A workspace's saved meanings: one hash per workspace, term key → JSON entry. */
export class RedisGlossaryRepository implements GlossaryRepository {
  constructor(private readonly client: Redis, private readonly prefix: string) {}

  async list(workspace: string): Promise<GlossaryEntry[]> {
    const all = Object.values(await storeCall(() => this.client.hgetall(this.key(workspace)))).map((raw) => JSON.parse(raw) as GlossaryEntry);
    return all.sort((a, b) => a.term.localeCompare(b.term));
  }

  async get(workspace: string, term: string): Promise<GlossaryEntry | undefined> {
    const raw = await storeCall(() => this.client.hget(this.key(workspace), glossaryKey(term)));
    return raw ? (JSON.parse(raw) as GlossaryEntry) : undefined;
  }

  async save(workspace: string, entry: GlossaryEntry): Promise<void> {
    const stored: GlossaryEntry = { term: entry.term.trim(), meaning: entry.meaning.trim() };
    await storeCall(() => this.client.hset(this.key(workspace), glossaryKey(entry.term), JSON.stringify(stored)));
  }

  async delete(workspace: string, term: string): Promise<boolean> {
    return (await storeCall(() => this.client.hdel(this.key(workspace), glossaryKey(term)))) === 1;
  }

  private key(workspace: string): string {
    return workspaceKeys(this.prefix, workspace).glossary;
  }
}
