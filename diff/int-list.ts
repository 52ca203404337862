// A growable list of 32-bit integers in one Int32Array (doubling), for the per-node and per-pair
// columns of the diff's graphs and product searches: 4 bytes an entry where a JS array of
// numbers costs 8 or more and boxes once it holds more than small integers.

export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    if (i < 0 || i >= this.length) throw new Error(`IntList index ${i} outside 0..${this.length - 1}`);
    return this.data[i]!;
  }

  set(i: number, v: number): void {
    if (i < 0 || i >= this.length) throw new Error(`IntList index ${i} outside 0..${this.length - 1}`);
    this.data[i] = v;
  }

  // A view of entries [start, end): valid until the next push.
  slice(start: number, end: number): Int32Array {
    return this.data.subarray(start, end);
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}
