/**
 * Holds generated events by UTC day until the day is complete, then hands them out in time
 * order. Events are generated per person and per campaign, not in time order; a day can only be
 * written once nothing generated later can still fall into it, which the generator guarantees
 * by generating days in order and only ever scheduling follow-ups (refunds, opens) forward.
 * Only the days between today and the furthest follow-up are held, never the whole year, and
 * as columns of typed arrays: strings held that long would keep the garbage collector busy.
 */
import { AppError } from '../errors.js';
import { DAY, dayOf } from './clock.js';
import type { Kind } from './event-kinds.js';

/** Sort keys pack (second of day, arrival) in one double: 17 bits + 27 bits, exact below 2^53. */
const ARRIVALS = 2 ** 27;

/** One day's events as columns; see event-kinds.ts for what a–d and value mean per kind. */
export class DayEvents {
  length = 0;
  second: Int32Array;
  kind: Uint8Array;
  user: Int32Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  d: Int32Array;
  value: Float64Array;

  constructor(capacity = 1024) {
    this.second = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.user = new Int32Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.c = new Int32Array(capacity);
    this.d = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
  }

  push(second: number, kind: Kind, user: number, a: number, b: number, c: number, d: number, value: number): void {
    if (this.length === this.second.length) this.grow();
    const j = this.length++;
    this.second[j] = second;
    this.kind[j] = kind;
    this.user[j] = user;
    this.a[j] = a;
    this.b[j] = b;
    this.c[j] = c;
    this.d[j] = d;
    this.value[j] = value;
  }

  /** Indexes of the events in time order; within a second, in the order they were added. */
  timeOrder(): Int32Array {
    if (this.length >= ARRIVALS) {
      throw new AppError('limit_exceeded', `A generated day holds more than ${ARRIVALS} events; ask for fewer events per profile.`);
    }
    const keys = new Float64Array(this.length);
    for (let j = 0; j < this.length; j++) keys[j] = (this.second[j] ?? 0) * ARRIVALS + j;
    keys.sort();
    const order = new Int32Array(this.length);
    for (let k = 0; k < this.length; k++) order[k] = (keys[k] ?? 0) % ARRIVALS;
    return order;
  }

  private grow(): void {
    const size = this.second.length * 2;
    this.second = grown(new Int32Array(size), this.second);
    this.kind = grown(new Uint8Array(size), this.kind);
    this.user = grown(new Int32Array(size), this.user);
    this.a = grown(new Int32Array(size), this.a);
    this.b = grown(new Int32Array(size), this.b);
    this.c = grown(new Int32Array(size), this.c);
    this.d = grown(new Int32Array(size), this.d);
    this.value = grown(new Float64Array(size), this.value);
  }
}

function grown<T extends { set(from: ArrayLike<number>): void }>(bigger: T, old: ArrayLike<number>): T {
  bigger.set(old);
  return bigger;
}

export class DayBuffer {
  private readonly days = new Map<number, DayEvents>();

  /** @param endBefore events at or after this second (now) are dropped */
  constructor(private readonly endBefore: number) {}

  add(second: number, kind: Kind, user: number, a = 0, b = 0, c = 0, d = 0, value = 0): void {
    if (second >= this.endBefore) return;
    const day = dayOf(second);
    let held = this.days.get(day);
    if (held === undefined) {
      held = new DayEvents();
      this.days.set(day, held);
    }
    held.push(second - day * DAY, kind, user, a, b, c, d, value);
  }

  /** Removes and returns a day's events (undefined when nothing happened that day). */
  take(day: number): DayEvents | undefined {
    const held = this.days.get(day);
    this.days.delete(day);
    return held;
  }

  get heldDays(): number {
    return this.days.size;
  }
}
