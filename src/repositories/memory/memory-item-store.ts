import { itemKey } from '../item-query.js';
import type { ItemStore, StoreItem } from '../types.js';

/** Store items held in the process, by workspace; copied in and out, like a real store would. */
export class MemoryItemStore implements ItemStore {
  private readonly byWorkspace = new Map<string, Map<string, StoreItem>>();

  private of(workspace: string): Map<string, StoreItem> {
    let items = this.byWorkspace.get(workspace);
    if (!items) this.byWorkspace.set(workspace, (items = new Map()));
    return items;
  }

  async put(workspace: string, item: StoreItem): Promise<void> {
    this.of(workspace).set(itemKey(item.namespace, item.key), structuredClone(item));
  }

  async get(workspace: string, namespace: string[], key: string): Promise<StoreItem | undefined> {
    const found = this.of(workspace).get(itemKey(namespace, key));
    return found ? structuredClone(found) : undefined;
  }

  async delete(workspace: string, namespace: string[], key: string): Promise<void> {
    this.of(workspace).delete(itemKey(namespace, key));
  }

  async all(workspace: string): Promise<StoreItem[]> {
    return [...this.of(workspace).values()].map((i) => structuredClone(i));
  }

  async count(workspace: string): Promise<number> {
    return this.of(workspace).size;
  }
}
