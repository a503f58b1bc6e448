/**
 * The audience definition: typed, versioned, JSON-serialisable. Every engine (SQL, reference
 * evaluator) and every interpreter (offline, LLM) speaks this shape.
 */
import { z } from 'zod';

export const DEFINITION_VERSION = 1 as const;

export const LIMITS = {
  maxDepth: 4,
  maxConditions: 50,
  maxListValues: 500,
  maxStringLength: 200,
  maxExclusions: 5,
  maxEventsPerCondition: 10,
  maxWindowAmount: 10_000,
} as const;

const text = z.string().min(1).max(LIMITS.maxStringLength);
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const comparators = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
export const Comparator = z.enum(comparators);
export type Comparator = z.infer<typeof Comparator>;

export const TimeUnit = z.enum(['days', 'weeks', 'months', 'years']);
export type TimeUnit = z.infer<typeof TimeUnit>;

/** Relative windows end at `now`; `between` is inclusive of `from`, exclusive of `to`. */
export const Window = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('last'),
    amount: z.number().int().positive().max(LIMITS.maxWindowAmount),
    unit: TimeUnit,
  }).strict(),
  z.object({ kind: z.literal('between'), from: isoDate, to: isoDate }).strict(),
]);
export type Window = z.infer<typeof Window>;

const scalar = z.union([text, z.number().finite(), z.boolean()]);
export type Scalar = z.infer<typeof scalar>;

/** A filter on a property of the event being counted ("whose category is Beauty"). */
export const PropertyFilter = z.discriminatedUnion('op', [
  z.object({ property: text, op: z.enum(['exists', 'not_exists']) }).strict(),
  z.object({ property: text, op: Comparator, value: scalar }).strict(),
  z.object({ property: text, op: z.enum(['in', 'not_in']), value: z.array(scalar).min(1).max(LIMITS.maxListValues) }).strict(),
  z.object({ property: text, op: z.literal('between'), value: z.tuple([z.number().finite(), z.number().finite()]) }).strict(),
  z.object({ property: text, op: z.enum(['contains', 'not_contains']), value: text }).strict(),
]);
export type PropertyFilter = z.infer<typeof PropertyFilter>;

const eventSelector = {
  /** Any of these events counts (one name for a single event). */
  events: z.array(text).min(1).max(LIMITS.maxEventsPerCondition),
  filters: z.array(PropertyFilter).max(10).default([]),
  /** Absent: all history the plan allows. */
  window: Window.optional(),
};

/** "Performed Order Completed at least 3 times in the last 90 days"; count 0 = never did it. */
export const EventCondition = z.object({
  type: z.literal('event'),
  ...eventSelector,
  count: z.object({ op: Comparator, value: z.number().int().min(0).max(1_000_000) }).strict(),
}).strict();
export type EventCondition = z.infer<typeof EventCondition>;

/**
 * An aggregate of a numeric property over the matching events. A profile with no matching
 * event has sum 0 and no avg/min/max (it never matches those).
 */
export const AggregateCondition = z.object({
  type: z.literal('aggregate'),
  ...eventSelector,
  fn: z.enum(['sum', 'avg', 'min', 'max']),
  property: text,
  op: Comparator,
  value: z.number().finite(),
}).strict();
export type AggregateCondition = z.infer<typeof AggregateCondition>;

/**
 * Recency of the last matching event. `more_than`: did it, and the last time is older than the
 * amount. `within`: the last time is within the amount. `never`: never did it.
 */
export const RecencyCondition = z.discriminatedUnion('op', [
  z.object({
    type: z.literal('recency'),
    events: eventSelector.events,
    filters: eventSelector.filters,
    op: z.enum(['more_than', 'within']),
    amount: z.number().int().positive().max(LIMITS.maxWindowAmount),
    unit: TimeUnit,
  }).strict(),
  z.object({
    type: z.literal('recency'),
    events: eventSelector.events,
    filters: eventSelector.filters,
    op: z.literal('never'),
  }).strict(),
]);
export type RecencyCondition = z.infer<typeof RecencyCondition>;

/**
 * A condition on a profile trait. Negative operators (neq, not_in, not_contains, contains_none,
 * not_exists) also match profiles that do not have the trait: "not from Germany" includes
 * people whose country is unknown.
 */
export const TraitCondition = z.discriminatedUnion('op', [
  z.object({ type: z.literal('trait'), trait: text, op: z.enum(['exists', 'not_exists']) }).strict(),
  z.object({ type: z.literal('trait'), trait: text, op: Comparator, value: scalar }).strict(),
  z.object({ type: z.literal('trait'), trait: text, op: z.literal('between'), value: z.tuple([z.union([z.number().finite(), isoDate]), z.union([z.number().finite(), isoDate])]) }).strict(),
  z.object({ type: z.literal('trait'), trait: text, op: z.enum(['in', 'not_in']), value: z.array(scalar).min(1).max(LIMITS.maxListValues) }).strict(),
  z.object({ type: z.literal('trait'), trait: text, op: z.enum(['contains', 'not_contains']), value: text }).strict(),
  z.object({ type: z.literal('trait'), trait: text, op: z.enum(['contains_any', 'contains_all', 'contains_none']), value: z.array(text).min(1).max(LIMITS.maxListValues) }).strict(),
  /** For date and datetime traits: the value falls in the last N units (`in_last`) or before that (`before_last`). */
  z.object({ type: z.literal('trait'), trait: text, op: z.enum(['in_last', 'before_last']), amount: z.number().int().positive().max(LIMITS.maxWindowAmount), unit: TimeUnit }).strict(),
]);
export type TraitCondition = z.infer<typeof TraitCondition>;

export const ListCondition = z.object({
  type: z.literal('list'),
  list: text,
  op: z.enum(['in', 'not_in']),
}).strict();
export type ListCondition = z.infer<typeof ListCondition>;

/**
 * A condition on the visit itself, known only when a visitor arrives (live audiences): where
 * they are, what they use, which page and campaign brought them, their cookies and how many
 * sessions they have had. Text tests are case-insensitive; `matches` is a regular expression
 * (RE2 syntax, linear time), also case-insensitive. Negative operators (not_in, neq,
 * not_contains, not_matches, not_exists) also match a visit that does not say: "not on mobile"
 * includes visits of unknown device. A history-only engine (SQL) refuses these with
 * `live_only_condition`.
 */
export const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
export const DAYS_OF_WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const contextTextOps = ['eq', 'neq', 'contains', 'not_contains', 'starts_with', 'matches', 'not_matches'] as const;
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour)');
const contextType = { type: z.literal('context') };
const textTest = { op: z.enum(contextTextOps), value: text };
const setTest = { op: z.enum(['in', 'not_in']), value: z.array(text).min(1).max(LIMITS.maxListValues) };
const presenceTest = { op: z.enum(['exists', 'not_exists']) };
/** URL parameters and cookies are named: `utm_campaign`, `plan`. */
const named = { ...contextType, field: z.enum(['url_param', 'cookie']), name: text };

export const ContextCondition = z.union([
  z.object({ ...contextType, field: z.literal('device'), op: z.enum(['in', 'not_in']), value: z.array(z.enum(DEVICES)).min(1).max(DEVICES.length) }).strict(),
  /** country is ISO 3166-1 alpha-2 (`DE`); city, os and browser as the visit reports them. */
  z.object({ ...contextType, field: z.enum(['country', 'city', 'os', 'browser']), ...setTest }).strict(),
  /** `url` is the current page's full address; `referrer` the page the visitor came from. */
  z.object({ ...contextType, field: z.enum(['url', 'referrer']), ...textTest }).strict(),
  z.object({ ...contextType, field: z.enum(['url', 'referrer']), ...presenceTest }).strict(),
  z.object({ ...named, ...textTest }).strict(),
  z.object({ ...named, ...setTest }).strict(),
  z.object({ ...named, ...presenceTest }).strict(),
  /** The visitor's local time of day, from inclusive to exclusive; wraps past midnight when from > to. */
  z.object({ ...contextType, field: z.literal('local_time'), op: z.literal('between'), value: z.tuple([clockTime, clockTime]) }).strict(),
  z.object({ ...contextType, field: z.literal('day_of_week'), op: z.enum(['in', 'not_in']), value: z.array(z.enum(DAYS_OF_WEEK)).min(1).max(7) }).strict(),
  /** The visitor's sessions so far, this one included: 1 is a new visitor, more is returning; a visit that does not say counts as 1. */
  z.object({ ...contextType, field: z.literal('session_count'), op: Comparator, value: z.number().int().min(0).max(1_000_000) }).strict(),
]);
export type ContextCondition = z.infer<typeof ContextCondition>;
export type ContextField = ContextCondition['field'];

export type Group = { type: 'group'; op: 'and' | 'or'; conditions: Condition[] };
export type LeafCondition = EventCondition | AggregateCondition | RecencyCondition | TraitCondition | ListCondition | ContextCondition;
/** Conditions over history and profiles, which the SQL engines compute. */
export type HistoryCondition = Exclude<LeafCondition, ContextCondition>;
export type Condition = LeafCondition | Group;

export const LeafCondition: z.ZodType<LeafCondition> = z.union([
  EventCondition, AggregateCondition, RecencyCondition, TraitCondition, ListCondition, ContextCondition,
]);

export const Group: z.ZodType<Group> = z.lazy(() =>
  z.object({
    type: z.literal('group'),
    op: z.enum(['and', 'or']),
    conditions: z.array(Condition).min(1).max(LIMITS.maxConditions),
  }).strict(),
);

export const Condition: z.ZodType<Condition> = z.lazy(() => z.union([Group, LeafCondition]));

export const Exclusion = z.object({
  /** What the user calls the excluded audience ("Blocklist", "Recent buyers"). */
  name: text,
  root: Group,
}).strict();
export type Exclusion = z.infer<typeof Exclusion>;

export const AudienceDefinition = z.object({
  version: z.literal(DEFINITION_VERSION),
  root: Group,
  exclude: z.array(Exclusion).max(LIMITS.maxExclusions).default([]),
}).strict();
export type AudienceDefinition = z.infer<typeof AudienceDefinition>;
/** What callers may pass in: defaults (filters, exclude) may be left out. */
export type AudienceDefinitionInput = z.input<typeof AudienceDefinition>;
