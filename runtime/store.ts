// Every distinct state found, packed (`words` Int32 words each), in discovery order, with the
// index of its parent state (-1 for an initial state) and the step that led to it: the BFS
// queue and the source of traces. State i lives in chunk i >>> SHIFT at word offset
// (i & MASK) * words.
//
// Fixed-size chunks rather than one doubling array: growing never copies nor needs the old and
// the new array at once (a doubling array peaks at 3x its size and wastes up to half), and a
// chunk is the unit handed to other threads: a parallel search allocates them as
// SharedArrayBuffers (`allocate`), and a store can be rebuilt over another thread's chunks.

const SHIFT = 14; // 16,384 states per chunk: small specs stay small, big ones need ~600 chunks at 10M
export const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export type Allocate = (bytes: number) => ArrayBufferLike;

// What a search needs of a store: this one in memory, or runtime/spill/disk-store.ts's on disk.
export interface Store {
  readonly words: number;
  readonly count: number;
  readonly tail: Int32Array;
  readonly tailOff: number;
  commit(parent: number, step: number): number;
  chunk(i: number): Int32Array;
  offset(i: number): number;
  parent(i: number): number;
  step(i: number): number;
  readonly bytes: number; // in memory
}

export class StateStore implements Store {
  count = 0;
  // The free slot after the last state: the search packs a candidate state here, and
  // commit() keeps it if it is new.
  tail: Int32Array;
  tailOff = 0;
  readonly buffers: ArrayBufferLike[] = []; // one per chunk: states, then parents, then steps
  private readonly states: Int32Array[] = [];
  private readonly parents: Int32Array[] = [];
  private readonly steps: Uint16Array[] = [];

  // `buffers`: chunks another store filled with `count` states, to read or to continue.
  constructor(
    readonly words: number,
    private readonly allocate: Allocate = (bytes) => new ArrayBuffer(bytes),
    buffers: readonly ArrayBufferLike[] = [],
    count = 0,
  ) {
    for (const b of buffers) this.addChunk(b);
    if (buffers.length === 0) this.addChunk(allocate(chunkBytes(words)));
    this.count = count;
    this.tail = this.chunk(count);
    this.tailOff = this.offset(count);
  }

  // Keeps the state packed at the tail; returns its index.
  commit(parent: number, step: number): number {
    const i = this.count;
    const k = i & MASK;
    this.parents[i >>> SHIFT]![k] = parent;
    this.steps[i >>> SHIFT]![k] = step;
    this.count = i + 1;
    if (k === MASK) {
      this.tail = this.addChunk(this.allocate(chunkBytes(this.words)));
      this.tailOff = 0;
    } else {
      this.tailOff += this.words;
    }
    return i;
  }

  // Makes a chunk readable here (one this store allocated, or another store's).
  addChunk(buffer: ArrayBufferLike): Int32Array {
    const views = chunkViews(buffer, this.words);
    this.states.push(views.states);
    this.parents.push(views.parents);
    this.steps.push(views.steps);
    this.buffers.push(buffer);
    return views.states;
  }

  chunk(i: number): Int32Array {
    return this.states[i >>> SHIFT]!;
  }

  offset(i: number): number {
    return (i & MASK) * this.words;
  }

  parent(i: number): number {
    return this.parents[i >>> SHIFT]![i & MASK]!;
  }

  step(i: number): number {
    return this.steps[i >>> SHIFT]![i & MASK]!;
  }

  get bytes(): number {
    return this.buffers.length * chunkBytes(this.words);
  }

  get chunkBytes(): number {
    return chunkBytes(this.words);
  }
}

// A chunk's buffer as its states, then their parents, then their steps.
export function chunkViews(buffer: ArrayBufferLike, words: number): { states: Int32Array; parents: Int32Array; steps: Uint16Array } {
  return {
    states: new Int32Array(buffer, 0, CHUNK * words),
    parents: new Int32Array(buffer, 4 * CHUNK * words, CHUNK),
    steps: new Uint16Array(buffer, 4 * CHUNK * (words + 1), CHUNK),
  };
}

// States and parents are Int32, steps Uint16: 4 * (words + 1) + 2 bytes a state.
export function chunkBytes(words: number): number {
  return CHUNK * (4 * (words + 1) + 2);
}
