import { describe, expect, it } from 'vitest';
import { defineAudience } from '../../src/definition/parse.js';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { validateDefinition } from '../../src/definition/validate.js';
import { tinyCatalog } from '../catalog/tiny-catalog.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const catalog = tinyCatalog({ traits: [{ name: 'plan', type: 'string', profiles: 2, distinct: 2, topValues: [], pii: false }] });

function audience(...conditions: unknown[]): AudienceDefinition {
  return defineAudience({ version: 1, root: { type: 'group', op: 'and', conditions } } as Parameters<typeof defineAudience>[0]);
}

describe('validateDefinition on context conditions', () => {
  it('accepts context conditions of every kind', () => {
    const def = audience(
      { type: 'context', field: 'device', op: 'in', value: ['mobile'] },
      { type: 'context', field: 'url', op: 'matches', value: '/products/(cat|dog)-[0-9]+' },
      { type: 'context', field: 'url_param', name: 'utm_source', op: 'not_matches', value: '^(google|bing)$' },
      { type: 'context', field: 'local_time', op: 'between', value: ['22:00', '06:00'] },
      { type: 'context', field: 'session_count', op: 'gt', value: 1 },
    );
    expect(validateDefinition(def, catalog, { now: NOW })).toEqual([]);
  });

  it('refuses a pattern RE2 cannot compile as a type mismatch naming its path', () => {
    const def = audience(
      { type: 'context', field: 'device', op: 'in', value: ['mobile'] },
      { type: 'group', op: 'or', conditions: [{ type: 'context', field: 'referrer', op: 'matches', value: '(?<=google)\\.com' }] },
      { type: 'context', field: 'cookie', name: 'plan', op: 'not_matches', value: '(gold' },
    );
    const issues = validateDefinition(def, catalog, { now: NOW });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['type_mismatch', 'root.conditions.1.conditions.0.value'],
      ['type_mismatch', 'root.conditions.2.value'],
    ]);
    expect(issues[1]!.message).toBe(
      'The condition "Cookie plan does not match (gold" cannot work: "(gold" is not a pattern that can be used (missing closing )); lookarounds and back-references are not supported.',
    );
  });

  it('refuses a local time window that starts where it ends', () => {
    const issues = validateDefinition(audience({ type: 'context', field: 'local_time', op: 'between', value: ['09:00', '09:00'] }), catalog, { now: NOW });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'type_mismatch', path: 'root.conditions.0.value' });
    expect(issues[0]!.message).toContain('from 09:00 to 09:00 is empty');
  });

  it('checks exclusions too', () => {
    const def = defineAudience({
      version: 1,
      root: { type: 'group', op: 'and', conditions: [{ type: 'context', field: 'device', op: 'in', value: ['mobile'] }] },
      exclude: [{ name: 'Night', root: { type: 'group', op: 'and', conditions: [{ type: 'context', field: 'url', op: 'matches', value: 'a{2,1}' }] } }],
    });
    expect(validateDefinition(def, catalog, { now: NOW }).map((i) => i.path)).toEqual(['exclude.0.root.conditions.0.value']);
  });
});

describe('validateDefinition with recorded visitor traits', () => {
  const visitorTraits = [
    { name: 'shopping_for', type: 'string' as const, values: ['cat', 'dog'] },
    { name: 'pets', type: 'array' as const, values: ['cat'] },
    { name: 'plan', type: 'number' as const, values: [] },
  ];

  it('knows a recorded trait instead of calling it unknown', () => {
    const def = audience({ type: 'trait', trait: 'shopping_for', op: 'eq', value: 'cat' }, { type: 'trait', trait: 'pets', op: 'contains_any', value: ['cat'] });
    expect(validateDefinition(def, catalog, { now: NOW }).map((i) => i.code)).toEqual(['unknown_reference', 'unknown_reference']);
    expect(validateDefinition(def, catalog, { now: NOW, visitorTraits })).toEqual([]);
  });

  it('types a recorded trait from its info', () => {
    const issues = validateDefinition(audience({ type: 'trait', trait: 'pets', op: 'gt', value: 3 }), catalog, { now: NOW, visitorTraits });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['type_mismatch', 'root.conditions.0']]);
  });

  it('keeps the catalog type when a profile trait has the same name', () => {
    const def = audience({ type: 'trait', trait: 'plan', op: 'eq', value: 'gold' });
    expect(validateDefinition(def, catalog, { now: NOW, visitorTraits })).toEqual([]);
  });
});
