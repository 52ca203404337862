// The seen-set of the search: 64-bit fingerprints (hi, lo) in one Int32Array of pairs, open
// addressing with linear probing, doubled when more than 3/4 full. No Set/Map: they cost ~145
// bytes per entry and stop at 2^24 entries; this costs 8 bytes per slot, 10.7-21 per key.
//
// A pair with lo === 0 is an empty slot, so a real lo of 0 is stored as 1. That merges a 2^-32
// sliver of fingerprints with their neighbour (far below the fingerprint collision rate), keeps
// the emptiness test to one word, and lets a future shared table claim a slot with a single
// Atomics.compareExchange on the lo word, then publish hi.

export class FpTable {
  private slots: Int32Array;
  private mask: number; // slot count - 1 (a power of two)
  private limit: number; // grow when size exceeds this
  size = 0;

  // maxLoad is a parameter only so the bench can compare load factors. A table of maxSlots does
  // not grow: past maxLoad it calls onFull (--spill then moves its fingerprints to disk, soon
  // enough that the quarter left free never fills).
  constructor(
    initialSlots = 1 << 12,
    private readonly maxLoad = 0.75,
    private readonly maxSlots = Infinity,
    private readonly onFull?: () => void,
  ) {
    let n = 16;
    while (n < initialSlots) n *= 2;
    this.slots = new Int32Array(2 * n);
    this.mask = n - 1;
    this.limit = Math.floor(n * maxLoad);
  }

  // Adds the fingerprint; true when it was not there before.
  insert(hi: number, lo: number): boolean {
    if (lo === 0) lo = 1;
    const slots = this.slots;
    const wrap = (this.mask << 1) | 1;
    let i = (hi & this.mask) << 1;
    for (;;) {
      const l = slots[i + 1]!;
      if (l === 0) {
        slots[i] = hi;
        slots[i + 1] = lo;
        if (++this.size > this.limit) this.grow();
        return true;
      }
      if (l === lo && slots[i] === hi) return false;
      i = (i + 2) & wrap;
    }
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  // Every fingerprint, compacted to the front of the slots, as (hi, lo) pairs; the table is
  // unusable until clear().
  drain(): Int32Array {
    const slots = this.slots;
    let n = 0;
    for (let j = 0; j < slots.length; j += 2) {
      if (slots[j + 1] === 0) continue;
      slots[n++] = slots[j]!;
      slots[n++] = slots[j + 1]!;
    }
    return slots.subarray(0, n);
  }

  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }

  // How many entries it holds before it doubles.
  get capacity(): number {
    return this.limit;
  }

  private grow(): void {
    if (2 * (this.mask + 1) > this.maxSlots) {
      // no checkpoint came in time: one state had more new successors than a quarter of the table
      if (this.size >= this.mask) throw new RangeError('allocation failed: the fingerprint table is full');
      return this.onFull!();
    }
    const n = 2 * (this.mask + 1);
    const slots = new Int32Array(2 * n);
    rehash(this.slots, slots);
    this.slots = slots;
    this.mask = n - 1;
    this.limit = Math.floor(n * this.maxLoad);
  }
}

// Inserts every fingerprint of table `from` into the empty, larger table `to`.
export function rehash(from: Int32Array, to: Int32Array): void {
  const mask = to.length / 2 - 1;
  const wrap = (mask << 1) | 1;
  for (let j = 0; j < from.length; j += 2) {
    const lo = from[j + 1]!;
    if (lo === 0) continue;
    const hi = from[j]!;
    let i = (hi & mask) << 1;
    while (to[i + 1] !== 0) i = (i + 2) & wrap;
    to[i] = hi;
    to[i + 1] = lo;
  }
}
