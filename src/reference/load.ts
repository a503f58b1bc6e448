/**
 * The raw workspace folder read into memory as plainly as possible, for the reference
 * evaluator: profiles by user id (identify traits merged in file order, later values win),
 * events per user, static lists, and the types of traits and properties (the tracking plan's,
 * else the first value seen).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ValueType } from '../catalog/types.js';

export interface ReferenceEvent {
  event: string;
  /** Epoch milliseconds (UTC). */
  ts: number;
  properties: Record<string, unknown>;
}

/** One profile's events by event name. */
export type UserEvents = ReadonlyMap<string, ReferenceEvent[]>;

export interface ReferenceData {
  profiles: Map<string, Record<string, unknown>>;
  events: Map<string, Map<string, ReferenceEvent[]>>;
  lists: Map<string, Set<string>>;
  traitTypes: Record<string, ValueType>;
  propertyTypes: Record<string, ValueType>;
  /** The plan's compute history in days (workspace.json), when it says. */
  lookbackDays?: number;
}

function readJsonLines(dir: string, base: string): unknown[] {
  const plain = join(dir, `${base}.jsonl`);
  const gz = `${plain}.gz`;
  const text = existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8') : existsSync(plain) ? readFileSync(plain, 'utf8') : '';
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function inferType(v: unknown): ValueType | undefined {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (Array.isArray(v)) return 'string[]';
  if (typeof v === 'string' && v !== '') {
    if (ISO_DATE.test(v)) return 'date';
    if (ISO_DATE_TIME.test(v)) return 'datetime';
    return 'string';
  }
  return undefined;
}

/**
 * A value as the workspace means it under its type: a value that does not fit (text in a
 * number trait) counts as no value, and text traits hold any scalar as text.
 */
export function normalizeValue(v: unknown, type: ValueType | undefined): unknown {
  if (v === undefined || v === null || v === '') return undefined;
  switch (type) {
    case 'number': return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    case 'boolean': return typeof v === 'boolean' ? v : undefined;
    case 'date': case 'datetime':
      if (typeof v === 'number') return new Date(v).toISOString();
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : undefined;
    case 'string[]': {
      const items = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
      return items.length > 0 ? items : undefined;
    }
    default:
      return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

function normalizeAll(values: Record<string, unknown>, types: Record<string, ValueType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const n = normalizeValue(v, types[k]);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

interface PlanTypes {
  traits: Record<string, ValueType>;
  properties: Record<string, ValueType>;
  lookbackDays?: number;
}

function planTypes(dir: string): PlanTypes {
  const path = join(dir, 'workspace.json');
  const out: PlanTypes = { traits: {}, properties: {} };
  if (!existsSync(path)) return out;
  const file = record(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (typeof file.lookbackDays === 'number') out.lookbackDays = file.lookbackDays;
  const plan = record(file.trackingPlan);
  for (const t of Array.isArray(plan.traits) ? plan.traits : []) {
    const { name, type } = record(t);
    if (typeof name === 'string' && typeof type === 'string') out.traits[name] = type as ValueType;
  }
  for (const e of Array.isArray(plan.events) ? plan.events : []) {
    const props = record(e).properties;
    for (const p of Array.isArray(props) ? props : []) {
      const { name, type } = record(p);
      if (typeof name === 'string' && typeof type === 'string') out.properties[name] ??= type as ValueType;
    }
  }
  return out;
}

export function loadReferenceData(dir: string): ReferenceData {
  const plan = planTypes(dir);
  const traitTypes: Record<string, ValueType> = { ...plan.traits };
  const propertyTypes: Record<string, ValueType> = { ...plan.properties };

  const profiles = new Map<string, Record<string, unknown>>();
  const events = new Map<string, Map<string, ReferenceEvent[]>>();
  // Either file may hold either kind of message; profiles are read first.
  for (const line of [...readJsonLines(dir, 'profiles'), ...readJsonLines(dir, 'events')]) {
    const msg = record(line);
    if (typeof msg.userId !== 'string' || msg.userId === '') continue;
    if (msg.type === 'identify') {
      const traits = record(msg.traits);
      profiles.set(msg.userId, { ...(profiles.get(msg.userId) ?? {}), ...traits });
      for (const [k, v] of Object.entries(traits)) {
        const t = inferType(v);
        if (t) traitTypes[k] ??= t;
      }
    } else if (msg.type === 'track' && typeof msg.event === 'string' && typeof msg.timestamp === 'string') {
      const properties = record(msg.properties);
      for (const [k, v] of Object.entries(properties)) {
        const t = inferType(v);
        if (t) propertyTypes[k] ??= t;
      }
      const byName = events.get(msg.userId) ?? new Map<string, ReferenceEvent[]>();
      const list = byName.get(msg.event) ?? [];
      list.push({ event: msg.event, ts: Date.parse(msg.timestamp), properties });
      byName.set(msg.event, list);
      events.set(msg.userId, byName);
    }
  }
  // Someone who only ever shows up in events is still a profile (with no traits).
  for (const userId of events.keys()) if (!profiles.has(userId)) profiles.set(userId, {});
  for (const [userId, traits] of profiles) profiles.set(userId, normalizeAll(traits, traitTypes));
  for (const byName of events.values()) for (const list of byName.values()) for (const e of list) e.properties = normalizeAll(e.properties, propertyTypes);

  const lists = new Map<string, Set<string>>();
  const audiencesPath = join(dir, 'audiences.json');
  if (existsSync(audiencesPath)) {
    const parsed = JSON.parse(readFileSync(audiencesPath, 'utf8')) as unknown;
    for (const a of Array.isArray(parsed) ? parsed : []) {
      const { name, members } = record(a);
      if (typeof name !== 'string') continue;
      const set = lists.get(name) ?? new Set<string>();
      for (const m of Array.isArray(members) ? members : []) if (typeof m === 'string') set.add(m);
      lists.set(name, set);
    }
  }
  return { profiles, events, lists, traitTypes, propertyTypes, ...(plan.lookbackDays !== undefined ? { lookbackDays: plan.lookbackDays } : {}) };
}
