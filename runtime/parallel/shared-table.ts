// The fingerprint table shared by the workers of a parallel search: runtime/fptable.ts's open
// addressing over (hi, lo) pairs, in a SharedArrayBuffer. A slot is claimed by one
// Atomics.compareExchange of its lo word from 0 (empty), then hi is published; a reader that
// finds its own lo in a slot whose hi is not published yet (0) waits for it, so two workers can
// never both insert one fingerprint. lo 0 and hi 0 are stored as 1 (a 2^-32 sliver merged with
// its neighbour, as in fptable.ts). The table does not grow by itself: past 3/4 full an insert
// raises the control's GROW flag, and the coordinator rehashes into a table twice the size
// while every worker is paused (a 1/4-full margin absorbs the inserts made until they pause).

import { rehash } from '../fptable.js';

export const MAX_LOAD = 0.75;

// Words of the control SharedArrayBuffer every thread of a search shares, each on its own
// 64-byte cache line so that updating one does not slow the readers of another.
export const Control = {
  committed: 0, // distinct states kept so far (the --max-states counter; only with one)
  size: 16, // fingerprints in the table, added in batches of SIZE_BATCH
  cursor: 32, // the next frontier position to hand out in this level
  grow: 48, // 1: the table is past MAX_LOAD, pause for a rehash
  halt: 64, // 1: stop the search (a bound was hit, --first found a violation, out of memory)
  words: 80,
} as const;

// Each thread adds its inserts to Control.size in batches of up to this many, and of at most
// 1/64 of the table, far below the quarter of it that stays free past MAX_LOAD.
const SIZE_BATCH = 256;

export class SharedFpTable {
  readonly slots: Int32Array;
  private readonly mask: number;
  private readonly limit: number;
  private readonly batch: number;
  private unreported = 0; // this thread's inserts not yet added to Control.size

  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly control: Int32Array,
  ) {
    this.slots = new Int32Array(buffer);
    this.mask = this.slots.length / 2 - 1;
    this.limit = Math.floor((this.mask + 1) * MAX_LOAD);
    this.batch = Math.max(1, Math.min(SIZE_BATCH, (this.mask + 1) >> 6));
  }

  // A buffer for `slots` slots (a power of two, at least 16).
  static allocate(slots: number): SharedArrayBuffer {
    let n = 16;
    while (n < slots) n *= 2;
    return new SharedArrayBuffer(8 * n);
  }

  get capacity(): number {
    return this.mask + 1;
  }

  // Adds the fingerprint; true when no thread had added it before.
  insert(hi: number, lo: number): boolean {
    if (lo === 0) lo = 1;
    if (hi === 0) hi = 1;
    const slots = this.slots;
    const wrap = (this.mask << 1) | 1;
    let i = (hi & this.mask) << 1;
    for (let probes = 0; ; probes++) {
      // full: a single state had more new successors than the quarter kept free
      if (probes > this.mask) throw new RangeError('allocation failed: the shared fingerprint table is full');
      let l = slots[i + 1]!;
      if (l === 0) {
        l = Atomics.compareExchange(slots, i + 1, 0, lo);
        if (l === 0) {
          Atomics.store(slots, i, hi);
          if (++this.unreported >= this.batch) this.report();
          return true;
        }
      }
      if (l === lo) {
        let h = slots[i]!;
        while (h === 0) h = Atomics.load(slots, i); // claimed, hi not published yet: a few instructions away
        if (h === hi) return false;
      }
      i = (i + 2) & wrap;
    }
  }

  private report(): void {
    if (Atomics.add(this.control, Control.size, this.unreported) + this.unreported > this.limit) Atomics.store(this.control, Control.grow, 1);
    this.unreported = 0;
  }

  // Copies every fingerprint into `to` (twice the size); only while no other thread inserts.
  rehashInto(to: SharedFpTable): void {
    rehash(this.slots, to.slots);
  }

  // This thread's view of a rehashed table, keeping its inserts not reported yet.
  moveTo(buffer: SharedArrayBuffer): SharedFpTable {
    const table = new SharedFpTable(buffer, this.control);
    table.unreported = this.unreported;
    return table;
  }

  // Adds the inserts not reported yet to Control.size.
  flush(): void {
    if (this.unreported > 0) this.report();
  }
}
