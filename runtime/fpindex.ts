// A map from 64-bit fingerprints (hi, lo) to int32 values: the runtime's FpTable (open
// addressing, linear probing, grown at 3/4 load) with a value word beside each key, for the
// questions FpTable cannot answer: which stored state has this fingerprint (the search, when it
// records the state graph), which id has this view (`klpc diff`). 12 bytes a slot; like
// FpTable, lo === 0 is the empty mark, so a real lo of 0 is stored as 1.

export class FpIndex {
  private slots: Int32Array; // hi, lo, value
  private mask: number;
  private limit: number;
  size = 0;

  constructor(initialSlots = 1 << 12) {
    let n = 16;
    while (n < initialSlots) n *= 2;
    this.slots = new Int32Array(3 * n);
    this.mask = n - 1;
    this.limit = Math.floor(n * 0.75);
  }

  // The value of (hi, lo), or -1 when absent.
  get(hi: number, lo: number): number {
    const i = this.find(this.slots, this.mask, hi, lo === 0 ? 1 : lo);
    return this.slots[i + 1] === 0 ? -1 : this.slots[i + 2]!;
  }

  // Replaces the value of a present (hi, lo).
  set(hi: number, lo: number, value: number): void {
    const i = this.find(this.slots, this.mask, hi, lo === 0 ? 1 : lo);
    if (this.slots[i + 1] === 0) throw new Error('internal: FpIndex.set of an absent key');
    this.slots[i + 2] = value;
  }

  // The value of (hi, lo); when absent, stores `value` and returns it. (The probe is written out:
  // this is on the search's per-transition path when it records the graph.)
  getOrAdd(hi: number, lo: number, value: number): number {
    if (lo === 0) lo = 1;
    const slots = this.slots;
    const mask = this.mask;
    let i = hi & mask;
    for (;;) {
      const j = 3 * i;
      const l = slots[j + 1]!;
      if (l === 0) {
        slots[j] = hi;
        slots[j + 1] = lo;
        slots[j + 2] = value;
        if (++this.size > this.limit) this.grow();
        return value;
      }
      if (l === lo && slots[j] === hi) return slots[j + 2]!;
      i = (i + 1) & mask;
    }
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  // The slot holding (hi, lo), or the empty slot where it would go.
  private find(slots: Int32Array, mask: number, hi: number, lo: number): number {
    let i = hi & mask;
    for (;;) {
      const l = slots[3 * i + 1]!;
      if (l === 0 || (l === lo && slots[3 * i] === hi)) return 3 * i;
      i = (i + 1) & mask;
    }
  }

  // Every key is new to the bigger table: probe for the first empty slot, copy three words
  // (no subarray: rehashing millions of keys must not allocate per key).
  private grow(): void {
    const old = this.slots;
    const n = 2 * (this.mask + 1);
    const slots = new Int32Array(3 * n);
    const mask = n - 1;
    for (let j = 0; j < old.length; j += 3) {
      const lo = old[j + 1]!;
      if (lo === 0) continue;
      const hi = old[j]!;
      let i = hi & mask;
      while (slots[3 * i + 1] !== 0) i = (i + 1) & mask;
      slots[3 * i] = hi;
      slots[3 * i + 1] = lo;
      slots[3 * i + 2] = old[j + 2]!;
    }
    this.slots = slots;
    this.mask = mask;
    this.limit = Math.floor(n * 0.75);
  }
}
