/**
 * Checks a parsed definition against the workspace before anything is computed: every event,
 * property, trait and list exists (with "did you mean" names when not), no window reaches
 * further back than the plan's compute history, every operator fits the type it tests, and
 * personal traits that point at a person (email, phone, name: see isIdentifierTrait) are only
 * asked whether they exist, so no count can reveal what they hold; a model's tools may ask no
 * more than that of any personal trait (notes, birthday included).
 * Issues come in reading order; `assertValid` throws the first as an AppError.
 */
import { createCatalogSearch } from '../catalog/search.js';
import { isIdentifierTrait, type Catalog, type CatalogSearch, type EventInfo, type ValueType } from '../catalog/types.js';
import { AppError } from '../errors.js';
import type { VisitorTraitInfo } from '../live/types.js';
import { explainCondition } from './explain.js';
import { patternProblem } from './pattern.js';
import type { AggregateCondition, AudienceDefinition, Condition, ContextCondition, EventCondition, Group, RecencyCondition, TraitCondition, Window } from './schema.js';
import { durationDays, windowReachDays } from './time.js';
import { aggregateProblem, filterProblem, traitProblem, VISITOR_TRAIT_TYPES } from './validate-types.js';

export type ValidationCode = 'unknown_reference' | 'lookback_exceeded' | 'type_mismatch' | 'personal_data';

export interface ValidationIssue {
  code: ValidationCode;
  message: string;
  /** Where in the definition: `root.conditions.1`, `exclude.0.root.conditions.0.filters.0`. */
  path: string;
  details: Record<string, unknown>;
}

export interface ValidateOptions {
  now: Date;
  /** The workspace's search, for suggestions; built on demand when absent. */
  search?: CatalogSearch;
  /** Traits visitors recorded about themselves (live audiences): conditions may use them like profile traits. */
  visitorTraits?: VisitorTraitInfo[];
  /**
   * `all`: every personal trait may only be asked whether it exists (a model's tools). Otherwise
   * only the identifiers (email, phone, name…); notes and birthdays may be segmented by.
   */
  personal?: 'identifiers' | 'all';
}

type ReferenceKind = 'event' | 'property' | 'trait' | 'list';

class Checker {
  readonly issues: ValidationIssue[] = [];
  private readonly events: Map<string, EventInfo>;
  private readonly traits: Map<string, ValueType>;
  private readonly personal: Set<string>;
  private readonly lists: Set<string>;
  private search: CatalogSearch | undefined;

  constructor(private readonly catalog: Catalog, private readonly opts: ValidateOptions) {
    this.events = new Map(catalog.events.map((e) => [e.name, e]));
    // Profile traits win over a visitor trait of the same name, as the live matcher reads them.
    this.traits = new Map([
      ...(opts.visitorTraits ?? []).map((t): [string, ValueType] => [t.name, VISITOR_TRAIT_TYPES[t.type]]),
      ...catalog.traits.map((t): [string, ValueType] => [t.name, t.type]),
    ]);
    this.personal = new Set(catalog.traits.filter((t) => (opts.personal === 'all' ? t.pii : isIdentifierTrait(t))).map((t) => t.name));
    this.lists = new Set(catalog.lists.map((l) => l.name));
    this.search = opts.search;
  }

  group(g: Group, path: string): void {
    g.conditions.forEach((c, i) => this.condition(c, `${path}.conditions.${i}`));
  }

  private condition(c: Condition, path: string): void {
    switch (c.type) {
      case 'group': return this.group(c, path);
      case 'event':
        this.eventSelector(c, path, c.window);
        return;
      case 'aggregate': return this.aggregate(c, path);
      case 'recency':
        this.eventSelector(c, path, undefined);
        if (c.op !== 'never') this.reach(durationDays(c.amount, c.unit), path);
        return;
      case 'trait': return this.trait(c, path);
      case 'list':
        if (!this.lists.has(c.list)) this.unknown('list', c.list, `${path}.list`);
        return;
      case 'context': return this.context(c, path);
    }
  }

  private context(c: ContextCondition, path: string): void {
    if (c.op === 'matches' || c.op === 'not_matches') {
      const why = patternProblem(c.value);
      if (why) this.mismatch(c, why, `${path}.value`);
    }
    if (c.field === 'local_time' && c.value[0] === c.value[1]) {
      this.mismatch(c, `a time window from ${c.value[0]} to ${c.value[1]} is empty; give two different times (from is included, to is not)`, `${path}.value`);
    }
  }

  /** The known events of a condition, after reporting the unknown ones. */
  private eventSelector(c: EventCondition | AggregateCondition | RecencyCondition, path: string, window: Window | undefined): EventInfo[] {
    const known = c.events.flatMap((name, i) => {
      const e = this.events.get(name);
      if (!e) this.unknown('event', name, `${path}.events.${i}`);
      return e ? [e] : [];
    });
    if (window) this.reach(windowReachDays(window, this.opts.now), path);
    c.filters.forEach((f, i) => {
      const types = this.propertyTypes(known, f.property, `${path}.filters.${i}`);
      const why = types && filterProblem(f, types);
      if (why) this.mismatch(c, why, `${path}.filters.${i}`);
    });
    return known;
  }

  private aggregate(c: AggregateCondition, path: string): void {
    const known = this.eventSelector(c, path, c.window);
    const types = this.propertyTypes(known, c.property, `${path}.property`);
    const why = types && aggregateProblem(c.fn, c.property, types);
    if (why) this.mismatch(c, why, path);
  }

  private trait(c: TraitCondition, path: string): void {
    const type = this.traits.get(c.trait);
    if (!type) return this.unknown('trait', c.trait, `${path}.trait`);
    if (this.personal.has(c.trait) && c.op !== 'exists' && c.op !== 'not_exists') return this.personalData(c, path);
    if (c.op === 'in_last') this.reach(durationDays(c.amount, c.unit), path);
    const why = traitProblem(c, type);
    if (why) this.mismatch(c, why, path);
  }

  /** Types of a property on the given events; undefined when it is unknown (reported) or there is nothing to check. */
  private propertyTypes(events: EventInfo[], property: string, path: string): ValueType[] | undefined {
    if (events.length === 0) return undefined; // the events themselves are unknown: already reported
    const types = events.flatMap((e) => e.properties.filter((p) => p.name === property).map((p) => p.type));
    if (types.length === 0) this.unknown('property', property, path, events);
    return types.length ? types : undefined;
  }

  private reach(days: number, path: string): void {
    const limit = this.catalog.workspace.lookbackDays;
    if (days <= limit) return;
    this.issues.push({
      code: 'lookback_exceeded',
      message: `Your plan only supports a compute history of ${limit} days.`,
      path,
      details: { path, limitDays: limit, requestedDays: Math.ceil(days) },
    });
  }

  private mismatch(c: Condition, why: string, path: string): void {
    const line = explainCondition(c, { currency: this.catalog.workspace.currency });
    this.issues.push({ code: 'type_mismatch', message: `The condition "${line}" cannot work: ${why}.`, path, details: { path, condition: line, reason: why } });
  }

  private personalData(c: TraitCondition, path: string): void {
    this.issues.push({
      code: 'personal_data',
      message: `${c.trait} is personal data: a condition can only ask whether it exists or does not exist, never what it holds.`,
      path,
      details: { path, trait: c.trait, allowed: ['exists', 'not_exists'] },
    });
  }

  private unknown(kind: ReferenceKind, name: string, path: string, events: EventInfo[] = []): void {
    this.search ??= createCatalogSearch(this.catalog);
    const on = events.map((e) => e.name);
    const suggestions = kind === 'property'
      ? [...new Set(on.flatMap((event) => this.search!.closestNames(name, 'property', { event })))].slice(0, 3)
      : this.search.closestNames(name, kind);
    const where = kind === 'property' ? ` on ${on.join(' or ')}` : '';
    let message = `There is no ${kind} '${name}'${where}.`;
    if (suggestions.length) message += ` Closest: ${suggestions.join(', ')}.`;
    else if (kind === 'property') message += ` ${on.join(' and ')} ${on.length > 1 ? 'have' : 'has'}: ${[...new Set(events.flatMap((e) => e.properties.map((p) => p.name)))].join(', ')}.`;
    this.issues.push({ code: 'unknown_reference', message, path, details: { path, kind, name, suggestions, ...(on.length ? { events: on } : {}) } });
  }
}

export function validateDefinition(def: AudienceDefinition, catalog: Catalog, opts: ValidateOptions): ValidationIssue[] {
  const checker = new Checker(catalog, opts);
  checker.group(def.root, 'root');
  def.exclude.forEach((e, i) => checker.group(e.root, `exclude.${i}.root`));
  return checker.issues;
}

/** Throws the first issue as an AppError; all issues are in `details.issues`. */
export function assertValid(def: AudienceDefinition, catalog: Catalog, opts: ValidateOptions): void {
  const issues = validateDefinition(def, catalog, opts);
  const first = issues[0];
  if (!first) return;
  throw new AppError(first.code, first.message, { ...first.details, issues });
}
