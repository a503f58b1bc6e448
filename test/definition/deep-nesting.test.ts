/**
 * Work over a definition grows with its size, not exponentially with its depth. The parser
 * refuses more than LIMITS.maxDepth groups, but every walker must stay linear anyway: a
 * definition that reached the matcher by another way (50 nested AND groups) once spun the
 * process, because explaining a one-condition group phrased its child twice per level.
 *
 * The leaf is a proxy that counts how often it is read and throws past a budget, so a walker
 * that revisits it per level fails here at once instead of spinning.
 */
import { describe, expect, it } from 'vitest';
import { explainDefinition } from '../../src/definition/explain.js';
import { parseDefinition } from '../../src/definition/parse.js';
import type { AudienceDefinition, Condition, ContextCondition, TraitCondition } from '../../src/definition/schema.js';
import { compileAudience } from '../../src/engine/compile/audience.js';
import { compileLiveList } from '../../src/live/compile/index.js';
import { historyPart } from '../../src/live/history-part.js';
import { naiveQualify } from '../../src/live/naive.js';
import type { LiveAudience } from '../../src/live/types.js';
import { visitFacts } from '../../src/live/visit-facts.js';

const DEPTH = 50;
/** Reads of the leaf's `type` one pass over the definition may make, whatever the depth. */
const READS_PER_PASS = 20;

function countedLeaf<T extends Condition>(leaf: T): { leaf: T; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(leaf, {
    get(target, key, receiver) {
      if (key === 'type' && ++reads > READS_PER_PASS) throw new Error(`the leaf was read ${reads} times: work grows with depth`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { leaf: proxy, reads: () => reads };
}

function nested(leaf: Condition, depth: number, op: 'and' | 'or' = 'and'): AudienceDefinition {
  let c: Condition = leaf;
  for (let i = 0; i < depth; i++) c = { type: 'group', op, conditions: [c] };
  return { version: 1, root: { type: 'group', op: 'and', conditions: [c] }, exclude: [] };
}

const mobile: ContextCondition = { type: 'context', field: 'device', op: 'in', value: ['mobile'] };
const german: TraitCondition = { type: 'trait', trait: 'country', op: 'eq', value: 'DE' };
const opts = { currency: 'USD', traitTypes: { country: 'string' as const } };
const visitor = { id: 'v1', context: { device: 'mobile' as const }, traits: {} };
const live = (definition: AudienceDefinition): LiveAudience => ({
  id: 'a1', name: 'Deep', description: '', definition, duration: { unit: 'session' }, enabled: true, builtIn: false, createdAt: '', updatedAt: '',
});

describe(`a definition nested ${DEPTH} groups deep`, () => {
  it('is explained reading each condition a bounded number of times', () => {
    const { leaf, reads } = countedLeaf(mobile);
    expect(explainDefinition(nested(leaf, DEPTH), { currency: 'USD' })).toEqual(['Device is mobile']);
    expect(reads()).toBeLessThanOrEqual(READS_PER_PASS);
  });

  it('compiles into a live predicate and matches a visitor', () => {
    const { leaf } = countedLeaf(mobile);
    const list = compileLiveList([live(nested(leaf, DEPTH))], opts);
    expect(list.qualify(visitFacts(visitor, {}), [], new Date()).map((q) => q.qualifies)).toEqual([true]);
  });

  it('is matched by the naive baseline', () => {
    const { leaf } = countedLeaf(mobile);
    const [q] = naiveQualify([live(nested(leaf, DEPTH, 'or'))], { visitor, recordedTraits: {}, historyConditions: [], history: [], now: new Date() }, opts);
    expect(q!.qualifies).toBe(true);
  });

  it('keeps its history part', () => {
    const { leaf } = countedLeaf(german);
    expect(historyPart(nested(leaf, DEPTH))).toBeDefined();
  });

  it('is refused by the parser as limit_exceeded', () => {
    expect(() => parseDefinition(nested(mobile, DEPTH))).toThrow(expect.objectContaining({ code: 'limit_exceeded', message: expect.stringContaining('the limit is 4') }));
  });

  it('is refused as limit_exceeded before the schema reads it, even 3,000 groups deep', () => {
    // The schema's recursive parser overflows the stack long before 3,000 levels.
    expect(() => parseDefinition(nested(mobile, 3000))).toThrow(expect.objectContaining({ code: 'limit_exceeded' }));
  });

  it('compiles to SQL', () => {
    const { leaf } = countedLeaf(german);
    const { sql } = compileAudience(nested(leaf, DEPTH), { schema: { propertyColumns: [], traitTypes: { country: 'string' } }, now: new Date() });
    expect(sql).toContain('SELECT p.user_id');
  });
});
