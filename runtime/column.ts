// An append-only column of integers in fixed-size typed-array chunks: what the search records per
// state or per transition (edge targets and steps, per-state labels) when it keeps the state
// graph. Chunks, as in the StateStore, so that growing never copies and never needs the old and
// the new array at once; element i is chunks[i >>> SHIFT][i & MASK].

export const SHIFT = 16;
const CHUNK = 1 << SHIFT;
export const MASK = CHUNK - 1;

type Chunk = Int32Array | Uint16Array | Uint8Array;

export class Column<T extends Chunk> {
  readonly chunks: T[] = [];
  length = 0;

  constructor(private readonly make: (n: number) => T) {}

  push(v: number): void {
    const k = this.length & MASK;
    if (k === 0) this.chunks.push(this.make(CHUNK));
    this.chunks[this.length >>> SHIFT]![k] = v;
    this.length++;
  }

  get(i: number): number {
    return this.chunks[i >>> SHIFT]![i & MASK]!;
  }

  set(i: number, v: number): void {
    this.chunks[i >>> SHIFT]![i & MASK] = v;
  }

  get bytes(): number {
    return this.chunks.reduce((n, c) => n + c.byteLength, 0);
  }
}

export const int32Column = (): Column<Int32Array> => new Column((n) => new Int32Array(n));
export const uint16Column = (): Column<Uint16Array> => new Column((n) => new Uint16Array(n));
export const uint8Column = (): Column<Uint8Array> => new Column((n) => new Uint8Array(n));
