import type { Redis } from 'ioredis';
import { decodeItem, itemKey } from '../item-query.js';
import type { ItemStore, StoreItem } from '../types.js';
import { workspaceKeys } from './keys.js';
import { storeCall } from './redis-call.js';

/** A workspace's store items: one hash per workspace, [namespace…, key] → JSON item. */
export class RedisItemStore implements ItemStore {
  constructor(private readonly client: Redis, private readonly prefix: string) {}

  async put(workspace: string, item: StoreItem): Promise<void> {
    await storeCall(() => this.client.hset(this.key(workspace), itemKey(item.namespace, item.key), JSON.stringify(item)));
  }

  async get(workspace: string, namespace: string[], key: string): Promise<StoreItem | undefined> {
    const raw = await storeCall(() => this.client.hget(this.key(workspace), itemKey(namespace, key)));
    return raw === null ? undefined : decodeItem(raw);
  }

  async delete(workspace: string, namespace: string[], key: string): Promise<void> {
    await storeCall(() => this.client.hdel(this.key(workspace), itemKey(namespace, key)));
  }

  async all(workspace: string): Promise<StoreItem[]> {
    const raw = Object.values(await storeCall(() => this.client.hgetall(this.key(workspace))));
    return raw.map(decodeItem).filter((i): i is StoreItem => i !== undefined);
  }

  async count(workspace: string): Promise<number> {
    return storeCall(() => this.client.hlen(this.key(workspace)));
  }

  private key(workspace: string): string {
    return workspaceKeys(this.prefix, workspace).items;
  }
}
