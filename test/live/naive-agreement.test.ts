import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineAudience } from '../../src/definition/parse.js';
import type { AudienceDefinitionInput } from '../../src/definition/schema.js';
import { compileLiveList } from '../../src/live/compile/index.js';
import { naiveQualify } from '../../src/live/naive.js';
import type { VisitorTraitValue } from '../../src/live/types.js';
import { VisitorInput } from '../../src/live/visitor.js';
import { visitFacts } from '../../src/live/visit-facts.js';
import { definitionInput, visitorCase } from './live-arbitraries.js';
import { liveAudience, NOW, TRAIT_TYPES, VISITOR_TRAITS } from './live-fixtures.js';

const OPTS = { currency: 'EUR', traitTypes: TRAIT_TYPES, visitorTraits: VISITOR_TRAITS };

describe('compiled live list and naive interpretation', () => {
  it('agree on every audience for random definitions and random visitors', () => {
    fc.assert(
      fc.property(
        fc.array(definitionInput, { minLength: 1, maxLength: 5 }),
        fc.array(visitorCase, { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
        (inputs, visitors, bits) => {
          const audiences = inputs.map((d, i) => liveAudience(`a${i}`, defineAudience(d as AudienceDefinitionInput), i % 4 !== 3));
          const list = compileLiveList(audiences, OPTS);
          const history = list.historyConditions.map((_, i) => bits[i % bits.length]!);
          for (const { visitor: raw, recorded } of visitors) {
            const visitor = VisitorInput.parse(raw);
            const traits = recorded as Record<string, VisitorTraitValue>;
            const compiled = list.qualify(visitFacts(visitor, traits), history, NOW);
            const naive = naiveQualify(audiences, { visitor, recordedTraits: traits, historyConditions: list.historyConditions, history, now: NOW }, OPTS);
            expect(naive).toEqual(compiled);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
