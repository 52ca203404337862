// Every distinct state found, packed (`words` Int32 words each), in discovery order, with the
// index of its parent state (-1 for an initial state) and the step that led to it: the BFS
// queue and the source of traces. State i lives in chunk i >>> SHIFT at word offset
// (i & MASK) * words.
//
// Fixed-size chunks rather than one doubling array: growing never copies nor needs the old and
// the new array at once (a doubling array peaks at 3x its size and wastes up to half), and a
// chunk is the natural unit to spill to disk or hand to a worker later.

const SHIFT = 14; // 16,384 states per chunk: small specs stay small, big ones need ~600 chunks at 10M
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export class StateStore {
  count = 0;
  // The free slot after the last state: the search packs a candidate state here, and
  // commit() keeps it if it is new.
  tail: Int32Array;
  tailOff = 0;
  private readonly states: Int32Array[] = [];
  private readonly parents: Int32Array[] = [];
  private readonly steps: Uint16Array[] = [];

  constructor(readonly words: number) {
    this.tail = this.addChunk();
  }

  // Keeps the state packed at the tail; returns its index.
  commit(parent: number, step: number): number {
    const i = this.count;
    const k = i & MASK;
    this.parents[i >>> SHIFT]![k] = parent;
    this.steps[i >>> SHIFT]![k] = step;
    this.count = i + 1;
    if (k === MASK) {
      this.tail = this.addChunk();
      this.tailOff = 0;
    } else {
      this.tailOff += this.words;
    }
    return i;
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
    return this.states.length * CHUNK * (4 * this.words + 4 + 2);
  }

  private addChunk(): Int32Array {
    const chunk = new Int32Array(CHUNK * this.words);
    this.states.push(chunk);
    this.parents.push(new Int32Array(CHUNK));
    this.steps.push(new Uint16Array(CHUNK));
    return chunk;
  }
}
