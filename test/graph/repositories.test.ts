import { describe, expect, test } from 'vitest';
import { InMemoryAudienceRepository, type Audience } from '../../src/audiences/index.js';
import type { Catalog } from '../../src/catalog/types.js';
import { parseDefinition } from '../../src/definition/parse.js';
import { InMemoryGlossaryRepository, withSavedGlossary } from '../../src/glossary/index.js';

const definition = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'trait', trait: 'country', op: 'eq', value: 'DE' }] } });
const audience = (id: string, createdAt: string): Audience => ({ id, name: `A ${id}`, description: '', prompt: 'Customers in Germany', definition, createdAt });

describe('in-memory audience repository', () => {
  test('keeps audiences per workspace and lists the newest first', async () => {
    const repo = new InMemoryAudienceRepository();
    await repo.save('shop', audience('a', '2026-10-01T00:00:00.000Z'));
    await repo.save('shop', audience('b', '2026-10-02T00:00:00.000Z'));
    await repo.save('other', audience('c', '2026-10-03T00:00:00.000Z'));
    expect((await repo.list('shop')).map((a) => a.id)).toEqual(['b', 'a']);
    expect(await repo.get('other', 'a')).toBeUndefined();
  });

  test('hands out copies, so a caller cannot change what is stored', async () => {
    const repo = new InMemoryAudienceRepository();
    const saved = await repo.save('shop', audience('a', '2026-10-01T00:00:00.000Z'));
    saved.name = 'changed';
    expect((await repo.get('shop', 'a'))?.name).toBe('A a');
  });

  test('replaces an audience saved again under the same id, and deletes', async () => {
    const repo = new InMemoryAudienceRepository();
    await repo.save('shop', audience('a', '2026-10-01T00:00:00.000Z'));
    await repo.save('shop', { ...audience('a', '2026-10-01T00:00:00.000Z'), name: 'Renamed' });
    expect(await repo.list('shop')).toHaveLength(1);
    expect(await repo.delete('shop', 'a')).toBe(true);
    expect(await repo.delete('shop', 'a')).toBe(false);
  });
});

describe('glossary', () => {
  test('finds a saved term whatever its case, and a new meaning replaces the old', async () => {
    const repo = new InMemoryGlossaryRepository();
    await repo.save('shop', { term: 'Loyal ', meaning: 'at least 5 orders' });
    await repo.save('shop', { term: 'loyal', meaning: 'at least 10 orders' });
    expect(await repo.get('shop', 'LOYAL')).toEqual({ term: 'loyal', meaning: 'at least 10 orders' });
    expect(await repo.list('shop')).toHaveLength(1);
    expect(await repo.list('other')).toEqual([]);
  });

  test('adds saved meanings to the catalog glossary, a saved one overriding the built-in term', () => {
    const catalog = { workspace: { glossary: [{ term: 'active', meaning: 'session in 30 days' }, { term: 'recently', meaning: 'in the last 30 days' }] } } as Catalog;
    const merged = withSavedGlossary(catalog, [{ term: 'Recently', meaning: 'in the last 14 days' }, { term: 'loyal', meaning: 'at least 5 orders' }]);
    expect(merged.workspace.glossary).toEqual([
      { term: 'active', meaning: 'session in 30 days' },
      { term: 'Recently', meaning: 'in the last 14 days' },
      { term: 'loyal', meaning: 'at least 5 orders' },
    ]);
    expect(catalog.workspace.glossary).toHaveLength(2);
  });
});
