/** Saved audiences the page's tests start from, over the shop workspace. */
import type { AudienceDefinition } from '../../../src/definition/schema.js';

/** Gold members who ordered at least twice in the last 90 days. */
export const GOLD_REPEAT_BUYERS: AudienceDefinition = {
  version: 1,
  root: { type: 'group', op: 'and', conditions: [
    { type: 'event', events: ['Order Completed'], filters: [], window: { kind: 'last', amount: 90, unit: 'days' }, count: { op: 'gte', value: 2 } },
    { type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' },
  ] },
  exclude: [],
};
