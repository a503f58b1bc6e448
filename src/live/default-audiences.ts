/**
 * The live audiences every workspace starts with. They can be moved, edited and disabled, not
 * deleted; their ids are fixed so every workspace (and every process seeding them) agrees.
 */
import { DEFINITION_VERSION, type ContextCondition } from '../definition/schema.js';
import type { LiveAudience } from './types.js';

export const DEFAULT_LIVE_AUDIENCE_IDS = ['default-mobile', 'default-desktop', 'default-returning', 'default-new', 'default-everyone'] as const;

const BUILT_IN = new Set<string>(DEFAULT_LIVE_AUDIENCE_IDS);

/** Whether the id is one of the defaults (which are built in, whatever a save says). */
export function isBuiltInLiveAudience(id: string): boolean {
  return BUILT_IN.has(id);
}

interface DefaultSpec {
  id: (typeof DEFAULT_LIVE_AUDIENCE_IDS)[number];
  name: string;
  description: string;
  condition: ContextCondition;
  enabled: boolean;
}

const DEFAULTS: DefaultSpec[] = [
  {
    id: 'default-mobile',
    name: 'Mobile visitors',
    description: 'Visitors on a phone.',
    condition: { type: 'context', field: 'device', op: 'in', value: ['mobile'] },
    enabled: true,
  },
  {
    id: 'default-desktop',
    name: 'Desktop visitors',
    description: 'Visitors on a desktop or laptop computer.',
    condition: { type: 'context', field: 'device', op: 'in', value: ['desktop'] },
    enabled: true,
  },
  {
    id: 'default-returning',
    name: 'Returning visitors',
    description: 'Visitors who have been here before (second session or later).',
    condition: { type: 'context', field: 'session_count', op: 'gte', value: 2 },
    enabled: true,
  },
  {
    id: 'default-new',
    name: 'New visitors',
    description: 'Visitors on their first session.',
    condition: { type: 'context', field: 'session_count', op: 'lte', value: 1 },
    enabled: true,
  },
  {
    // Off by default: a visitor who matches nothing gets the default experience until a team turns it on.
    id: 'default-everyone',
    name: 'Everyone',
    description: 'Every visitor. Turn it on to give everyone not caught above the same experience.',
    condition: { type: 'context', field: 'session_count', op: 'gte', value: 1 },
    enabled: false,
  },
];

/** The defaults in their starting order, stamped with `now`. */
export function defaultLiveAudiences(now: Date): LiveAudience[] {
  const at = now.toISOString();
  return DEFAULTS.map((d) => ({
    id: d.id,
    name: d.name,
    description: d.description,
    definition: { version: DEFINITION_VERSION, root: { type: 'group', op: 'and', conditions: [d.condition] }, exclude: [] },
    duration: { unit: 'session' },
    enabled: d.enabled,
    builtIn: true,
    createdAt: at,
    updatedAt: at,
  }));
}
