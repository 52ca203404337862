// The visited set of `--spill` within a memory budget: the in-memory FpTable, capped at
// `maxTableBytes`, and once it fills, a sorted file of fingerprints on disk (the run) that its
// content is merged into each time it fills again. Duplicates of states on disk are found late
// (delayed duplicate detection): a state the table takes for new but the run already holds is
// a duplicate; it is found, and marked, before it is expanded (when the level ends) and before
// its fingerprint joins the run (when the table fills), by sorting the fingerprints of the
// states kept since the last check and scanning the run once. The search skips marked states
// and does not count them, so its counts, verdicts and traces are those of the search in
// memory: the first occurrence of every state is the one kept, in the same order.

import fs from 'node:fs';
import { fingerprint, fpHi } from '../fingerprint.js';
import { FpTable } from '../fptable.js';
import { CHUNK, type Store } from '../store.js';
import type { SpillArea } from './area.js';
import { compareFingerprints, sortFingerprints } from './sort.js';

const BLOCK = 1 << 16; // fingerprints per read or write of the run

export class SpillVisited {
  readonly table: FpTable;
  private pending = false; // the table is full: move it to disk at the next checkpoint
  private run = 0; // the run's generation (its file name), and its size
  private runSize = 0;
  private checkedTo = 0; // states below this index are known not to be duplicates of the run
  private readonly marks: Uint8Array[] = []; // duplicate bits, one array per store chunk
  duplicates = 0;

  constructor(
    private readonly area: SpillArea,
    maxTableBytes: number,
  ) {
    // at least 256 slots: a quarter of them absorbs one state's new successors between checkpoints
    let slots = 1 << 8;
    while (slots * 2 * 8 <= maxTableBytes) slots *= 2;
    this.table = new FpTable(1 << 12, 0.75, slots, () => void (this.pending = true));
  }

  insert(hi: number, lo: number): boolean {
    return this.table.insert(hi, lo);
  }

  // Between two expansions: when the table is full, move its fingerprints to the run.
  checkpoint(store: Store): void {
    if (!this.pending) return;
    this.check(store);
    const keys = this.table.drain();
    sortFingerprints(keys, 2, new Int32Array(keys.length));
    this.merge(keys);
    this.table.clear();
    this.pending = false;
  }

  // Before the level of states [from, store.count) is expanded: which of them the run already
  // holds. Returns how many are not duplicates.
  levelEnd(store: Store, from: number): number {
    this.check(store);
    let live = 0;
    for (let i = from; i < store.count; i++) if (!this.isDuplicate(i)) live++;
    return live;
  }

  isDuplicate(i: number): boolean {
    const m = this.marks[Math.floor(i / CHUNK)];
    return m !== undefined && (m[(i % CHUNK) >>> 3]! & (1 << (i & 7))) !== 0;
  }

  get bytes(): number {
    return this.table.bytes + this.marks.length * (CHUNK / 8);
  }

  // Bytes of fingerprints on disk.
  get spilled(): number {
    return 8 * this.runSize;
  }

  // Marks the states kept since the last check whose fingerprints the run holds.
  private check(store: Store): void {
    const from = this.checkedTo;
    const to = store.count;
    this.checkedTo = to;
    if (this.runSize === 0 || from === to) return;
    const keys = new Int32Array(3 * (to - from));
    let n = 0;
    for (let i = from; i < to; i++) {
      if (this.isDuplicate(i)) continue;
      const lo = fingerprint(store.chunk(i), store.offset(i), store.words);
      keys[n] = fpHi;
      keys[n + 1] = lo;
      keys[n + 2] = i;
      n += 3;
    }
    const live = keys.subarray(0, n);
    sortFingerprints(live, 3, new Int32Array(n));
    this.scan(live, 3, false, (hi, lo, k) => {
      // k: the first key not below the run's (hi, lo)
      for (; k < n && compareFingerprints(live[k]!, live[k + 1]!, hi, lo) === 0; k += 3) this.mark(live[k + 2]!);
      return k;
    });
  }

  private mark(i: number): void {
    const c = Math.floor(i / CHUNK);
    while (this.marks.length <= c) this.marks.push(new Uint8Array(CHUNK / 8));
    this.marks[c]![(i % CHUNK) >>> 3]! |= 1 << (i & 7);
    this.duplicates++;
  }

  // Calls `visit` with each run fingerprint and the position of the first sorted key (records
  // of `stride`) not below it; `visit` returns where the keys go on. Stops when the keys do,
  // unless `whole`.
  private scan(keys: Int32Array, stride: number, whole: boolean, visit: (hi: number, lo: number, k: number) => number): void {
    const fd = fs.openSync(this.area.file(`run-${this.run}`), 'r');
    const block = new Int32Array(2 * BLOCK);
    let k = 0;
    try {
      for (let at = 0; at < this.runSize && (whole || k < keys.length); at += BLOCK) {
        const count = Math.min(BLOCK, this.runSize - at);
        fs.readSync(fd, new Uint8Array(block.buffer, 0, 8 * count), 0, 8 * count, 8 * at);
        for (let j = 0; j < 2 * count && (whole || k < keys.length); j += 2) {
          const hi = block[j]!, lo = block[j + 1]!;
          while (k < keys.length && compareFingerprints(keys[k]!, keys[k + 1]!, hi, lo) < 0) k += stride;
          k = visit(hi, lo, k);
        }
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  // The run := the run merged with `keys` (sorted pairs), without repeats.
  private merge(keys: Int32Array): void {
    const out = fs.openSync(this.area.file(`run-${this.run + 1}`), 'wx', 0o600);
    const buffer = new Int32Array(2 * BLOCK);
    let used = 0;
    let written = 0;
    const put = (hi: number, lo: number): void => {
      if (used > 0 && buffer[used - 2] === hi && buffer[used - 1] === lo) return;
      if (used === 0 && written > 0 && lastHi === hi && lastLo === lo) return;
      buffer[used++] = hi;
      buffer[used++] = lo;
      if (used === buffer.length) flush();
    };
    let lastHi = 0, lastLo = 0; // the last pair written, once the buffer is flushed
    const flush = (): void => {
      if (used > 0) [lastHi, lastLo] = [buffer[used - 2]!, buffer[used - 1]!];
      fs.writeSync(out, new Uint8Array(buffer.buffer, 0, 4 * used), 0, 4 * used, 8 * written);
      written += used / 2;
      used = 0;
    };
    let k = 0;
    if (this.runSize > 0) {
      this.scan(keys, 2, true, (hi, lo, at) => {
        for (; k < at; k += 2) put(keys[k]!, keys[k + 1]!);
        put(hi, lo);
        return at;
      });
      fs.rmSync(this.area.file(`run-${this.run}`));
    }
    for (; k < keys.length; k += 2) put(keys[k]!, keys[k + 1]!);
    flush();
    fs.closeSync(out);
    this.run++;
    this.runSize = written;
  }
}
