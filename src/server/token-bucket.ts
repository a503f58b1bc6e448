/**
 * Token buckets per key: `capacity` requests at once, refilled at `refillPerSecond`. A refused
 * take says how long until a token is back (for `Retry-After`).
 */
export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Milliseconds clock (injected in tests). */
  now?: () => number;
  /** Buckets untouched this long are forgotten (they would be full anyway). */
  idleMs?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private lastSweep: number;

  constructor(private readonly o: TokenBucketOptions) {
    if (!(o.capacity >= 1) || !(o.refillPerSecond > 0)) throw new Error('A token bucket needs capacity ≥ 1 and a positive refill rate.');
    this.now = o.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /** Takes one token: 0 when granted, else the milliseconds to wait before one is available. */
  take(key: string): number {
    const b = this.refilled(key);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return this.waitFor(b);
  }

  /** The milliseconds to wait before `key` has a token (0: it has one now), taking none; a key never taken from keeps no bucket. */
  wait(key: string): number {
    if (!this.buckets.has(key)) return 0;
    const b = this.refilled(key);
    return b.tokens >= 1 ? 0 : this.waitFor(b);
  }

  private refilled(key: string): Bucket {
    const now = this.now();
    this.sweep(now);
    const b = this.buckets.get(key) ?? { tokens: this.o.capacity, at: now };
    b.tokens = Math.min(this.o.capacity, b.tokens + ((now - b.at) / 1000) * this.o.refillPerSecond);
    b.at = now;
    this.buckets.set(key, b);
    return b;
  }

  private waitFor(b: Bucket): number {
    return Math.ceil(((1 - b.tokens) / this.o.refillPerSecond) * 1000);
  }

  private sweep(now: number): void {
    const idle = this.o.idleMs ?? Math.max(60_000, (this.o.capacity / this.o.refillPerSecond) * 1000);
    if (now - this.lastSweep < idle) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) if (now - b.at >= idle) this.buckets.delete(key);
  }
}
