// A seeded pseudo-random generator for `klpc simulate`: xoshiro128** (Blackman and Vigna), four
// 32-bit words of state seeded through splitmix32, so a seed always gives the same traces on
// every machine and Node version (Math.random cannot be seeded). No allocation per number.

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  // Any safe integer seed; its low and high 32 bits both count.
  constructor(seed: number) {
    let s = (seed | 0) ^ Math.imul(Math.floor(seed / 2 ** 32) | 0, 0x9e3779b9);
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  // A uniformly distributed 32-bit integer (as a signed int).
  next(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r | 0;
  }

  // An integer in 0..n-1 (n >= 1, n <= 2^32), by multiply-shift: bias below n / 2^32.
  below(n: number): number {
    return Math.floor(((this.next() >>> 0) / 4294967296) * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
