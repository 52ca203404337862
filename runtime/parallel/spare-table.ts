// The parallel search's next fingerprint table, made ready while the workers run. A rehash
// stops every worker, and most of its time went to page faults on the new table, not to the
// copy (2M slots into 4M, measured: 35-44 ms into fresh memory, 12 ms into memory touched
// before). So once the table is half full (it grows at 3/4) the coordinator allocates the table
// twice its size and writes a zero into each of its pages, a slice at a time between the
// messages it handles, so that the rehash only copies.

const PAGE_WORDS = 1024; // 4 KB
const SLICE_WORDS = 1 << 18; // 1 MB touched per turn of the event loop: well under a millisecond

export class SpareTable {
  private buffer: SharedArrayBuffer | undefined;
  private touched = 0; // words of `buffer` whose pages are in memory

  // Starts preparing a table of `slots` slots unless one is under way.
  prepare(slots: number): void {
    if (this.buffer !== undefined) return;
    this.buffer = new SharedArrayBuffer(8 * slots);
    this.touched = 0;
    this.touch(this.buffer);
  }

  // The table prepared, if it has `slots` slots (its pages touched or not yet), or undefined;
  // it is no longer this object's.
  take(slots: number): SharedArrayBuffer | undefined {
    const buffer = this.buffer;
    this.buffer = undefined;
    return buffer !== undefined && buffer.byteLength === 8 * slots ? buffer : undefined;
  }

  private touch(buffer: SharedArrayBuffer): void {
    if (this.buffer !== buffer) return; // taken
    const words = new Int32Array(buffer);
    const end = Math.min(this.touched + SLICE_WORDS, words.length);
    for (let i = this.touched; i < end; i += PAGE_WORDS) words[i] = 0;
    this.touched = end;
    if (end < words.length) setImmediate(() => this.touch(buffer));
  }
}
