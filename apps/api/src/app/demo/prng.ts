/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) and the draws the
 * synthetic data needs. Deterministic for a seed on every platform; never `Math.random`.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** An amount in euros with cents, in [min, max]. */
  amount(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }

  /** Roughly normal (sum of three uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min: number, max: number): number {
    const n = (this.next() + this.next() + this.next() - 1.5) * 2;
    return Math.min(max, Math.max(min, mean + n * spread));
  }

  /** A random version-4 UUID, from this generator's stream. */
  uuid(): string {
    const a = this.uint32();
    const b = ((this.uint32() & 0xffff0fff) | 0x00004000) >>> 0;
    const c = ((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0;
    const d = this.uint32();
    return `${hex32(a)}-${hex16(b >>> 16)}-${hex16(b & 0xffff)}-${hex16(c >>> 16)}-${hex16(c & 0xffff)}${hex32(d)}`;
  }

  /** `k` distinct items (k ≤ items.length), in draw order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const result: T[] = [];
    for (let i = 0; i < k && copy.length > 0; i++) {
      const index = Math.floor(this.next() * copy.length);
      result.push(copy[index] as T);
      copy[index] = copy[copy.length - 1] as T;
      copy.pop();
    }
    return result;
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex16 = (v: number): string => `${BYTE_HEX[(v >>> 8) & 0xff]}${BYTE_HEX[v & 0xff]}`;
const hex32 = (v: number): string => `${hex16(v >>> 16)}${hex16(v & 0xffff)}`;

/** Draws among weighted items in O(log n), from a cumulative table built once. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('bad weighted table');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((weight, i) => {
      sum += Math.max(0, weight);
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  static of<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
    return new WeightedTable(
      entries.map(([item]) => item),
      entries.map(([, weight]) => weight),
    );
  }

  draw(random: Prng): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}

/** A deterministic 32-bit hash of a number, to derive independent streams (one per rank, say). */
export function hash32(value: number, salt = 0): number {
  let z = (Math.imul(value | 0, 0x9e3779b1) ^ salt) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
