/**
 * The reference evaluator: every profile tested one by one in plain TypeScript. Slow and
 * obviously right, it is the oracle the SQL engines are checked against, so it shares no code
 * with the compiler (only the definition's time conventions).
 */
import type { AudienceDefinition, Condition } from '../definition/schema.js';
import type { ReferenceData, UserEvents } from './load.js';
import { evaluateAggregate, evaluateEvent, evaluateRecency, type EventContext } from './events.js';
import { evaluateTrait } from './traits.js';

const NO_EVENTS: UserEvents = new Map();

interface Subject {
  userId: string;
  traits: Record<string, unknown>;
  events: UserEvents;
}

function eventContext(data: ReferenceData, now: Date): EventContext {
  return { now, propertyTypes: data.propertyTypes, ...(data.lookbackDays !== undefined ? { lookbackDays: data.lookbackDays } : {}) };
}

function test(c: Condition, s: Subject, data: ReferenceData, now: Date): boolean {
  switch (c.type) {
    case 'group':
      return c.op === 'and' ? c.conditions.every((x) => test(x, s, data, now)) : c.conditions.some((x) => test(x, s, data, now));
    case 'event': return evaluateEvent(s.events, c, eventContext(data, now));
    case 'aggregate': return evaluateAggregate(s.events, c, eventContext(data, now));
    case 'recency': return evaluateRecency(s.events, c, eventContext(data, now));
    case 'trait': return evaluateTrait(s.traits, c, data.traitTypes, now);
    case 'context': throw new Error('The reference evaluator covers history only; context conditions are evaluated live.');
    case 'list': {
      const member = data.lists.get(c.list)?.has(s.userId) ?? false;
      return c.op === 'in' ? member : !member;
    }
  }
}

/** Member ids of the definition over the data, sorted (by code unit, as user ids are ASCII). */
export function evaluateReference(def: AudienceDefinition, data: ReferenceData, now: Date): string[] {
  const members: string[] = [];
  for (const [userId, traits] of data.profiles) {
    const s: Subject = { userId, traits, events: data.events.get(userId) ?? NO_EVENTS };
    if (test(def.root, s, data, now) && !def.exclude.some((e) => test(e.root, s, data, now))) members.push(userId);
  }
  return members.sort();
}

/** Whether one condition holds for a profile, for per-condition checks in tests. */
export function evaluateConditionFor(c: Condition, userId: string, data: ReferenceData, now: Date): boolean {
  return test(c, { userId, traits: data.profiles.get(userId) ?? {}, events: data.events.get(userId) ?? NO_EVENTS }, data, now);
}
