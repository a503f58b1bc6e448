/**
 * The end-to-end live workload on the shop workspace: the live bench's 50 ordered audiences
 * (bench/live-audiences.ts) with its list and plan-trait conditions pointed at the shop's own
 * list and `membership_tier`, and its visitors (bench/live-visitors.ts), a third of them shop
 * customers so history conditions have real answers. Each visitor's expected first match comes
 * from the naive interpretation of the definitions, with history answers from the engine's
 * member queries: an oracle that shares neither the compiled predicates nor `evaluateFor`.
 */
import type { Catalog } from '../src/catalog/types.js';
import type { AudienceDefinition, Condition, Group, HistoryCondition } from '../src/definition/schema.js';
import type { AudienceEngine } from '../src/engine/types.js';
import { compileLiveList } from '../src/live/compile/index.js';
import { naiveQualify } from '../src/live/naive.js';
import type { LiveAudience, MembershipDuration, VisitorTraitInfo, VisitorTraitValue } from '../src/live/types.js';
import type { VisitorInput } from '../src/live/visitor.js';
import { benchLiveAudiences } from './live-audiences.js';
import { benchVisitors } from './live-visitors.js';

/** The service seeds these five at the bottom of every workspace. */
export const DEFAULT_AUDIENCES = 5;

export interface LiveAudienceSpec {
  name: string;
  description: string;
  definition: AudienceDefinition;
  duration: MembershipDuration;
}

export interface WorkloadVisitor {
  visitor: VisitorInput;
  /** Self-segmentation answers to record before the run. */
  recorded: Record<string, VisitorTraitValue>;
  /** The name of the audience the visitor should get, or null for the default experience. */
  expected: string | null;
}

export interface LiveHttpWorkload {
  /** The 45 audiences to add above the service's defaults, top first. */
  audiences: LiveAudienceSpec[];
  visitors: WorkloadVisitor[];
  /** Distinct history conditions of the list (answered per visitor by the engine). */
  historyConditions: number;
}

/** Each of `visitors` visitors visits `visits` times, spread over the run in a fixed shuffled order: visitor index by request. */
export function requestOrder(visitors: number, visits: number): number[] {
  const order = Array.from({ length: visitors * visits }, (_v, i) => i % visitors);
  let seed = 42;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Whether each request of `order` is its visitor's first visit. */
export function firstVisits(order: readonly number[]): boolean[] {
  const seen = new Set<number>();
  return order.map((v) => !seen.has(v) && Boolean(seen.add(v)));
}

function forShop(c: Condition, list: string): Condition {
  if (c.type === 'group') return { ...c, conditions: c.conditions.map((x) => forShop(x, list)) };
  if (c.type === 'list') return { ...c, list };
  if (c.type === 'trait' && c.trait === 'plan') return { ...c, trait: 'membership_tier' };
  return c;
}

function groupForShop(g: Group, list: string): Group {
  return { ...g, conditions: g.conditions.map((c) => forShop(c, list)) };
}

/** Every profile id of the workspace: a count of 0 or more of any event holds for everyone. */
function everyone(catalog: Catalog): AudienceDefinition {
  return { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: [catalog.events[0]!.name], filters: [], count: { op: 'gte', value: 0 } }] }, exclude: [] };
}

export async function liveHttpWorkload(o: { engine: AudienceEngine; catalog: Catalog; now: Date; visitors: number; seed?: number }): Promise<LiveHttpWorkload> {
  const list = o.catalog.lists[0]?.name;
  if (!list) throw new Error('the live workload needs a workspace with at least one list');
  // The bench list ends with its own copies of the defaults; the service brings the real ones
  // (with Everyone turned on by the workload, as the bench list has it).
  const bench = benchLiveAudiences();
  const added = bench.slice(0, bench.length - DEFAULT_AUDIENCES);
  const audiences: LiveAudienceSpec[] = added.map((a) => ({
    name: a.name,
    description: a.description,
    definition: { ...a.definition, root: groupForShop(a.definition.root, list), exclude: a.definition.exclude.map((e) => ({ ...e, root: groupForShop(e.root, list) })) },
    duration: a.duration,
  }));

  const profiles = await o.engine.memberIds(everyone(o.catalog), { now: o.now });
  const visitors = benchVisitors(o.visitors, o.seed).map(({ visitor, recorded }, i) => {
    const id = i % 3 === 0 ? profiles[(i / 3) % profiles.length]! : visitor.id;
    const traits = Object.fromEntries(Object.entries(visitor.traits).map(([k, v]) => [k === 'plan' ? 'membership_tier' : k, v]));
    return { visitor: { ...visitor, id, traits }, recorded };
  });

  // The list as the service will hold it, for the oracle: the added ones, then the defaults.
  const at = o.now.toISOString();
  const served: LiveAudience[] = [
    ...audiences.map((a, i) => ({ ...a, id: `added-${i}`, enabled: true, builtIn: false, createdAt: at, updatedAt: at })),
    ...bench.slice(-DEFAULT_AUDIENCES),
  ];
  const traitTypes = Object.fromEntries(o.catalog.traits.map((t) => [t.name, t.type]));
  const visitorTraits: VisitorTraitInfo[] = [{ name: 'shopping_for', type: 'string', values: [...new Set(visitors.flatMap((v) => Object.values(v.recorded).map(String)))] }];
  const opts = { currency: o.catalog.workspace.currency, traitTypes, visitorTraits };
  const historyConditions: readonly HistoryCondition[] = compileLiveList(served, opts).historyConditions;
  const members = await Promise.all(historyConditions.map(async (c) => new Set(await o.engine.memberIds({ version: 1, root: { type: 'group', op: 'and', conditions: [c] }, exclude: [] }, { now: o.now }))));

  return {
    audiences,
    historyConditions: historyConditions.length,
    visitors: visitors.map(({ visitor, recorded }) => {
      const qs = naiveQualify(served, { visitor, recordedTraits: recorded, historyConditions, history: members.map((m) => m.has(visitor.id)), now: o.now }, opts);
      const first = qs.findIndex((q, i) => q.qualifies && served[i]!.enabled);
      return { visitor, recorded, expected: first < 0 ? null : served[first]!.name };
    }),
  };
}
