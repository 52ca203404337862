// The state store of `--spill`: runtime/store.ts's chunks, but a full chunk goes to an
// append-only file and leaves memory; what the search reads back (the chunk it expands, the
// chunks a trace walks through) is read with pread into a few reused buffers, never mapped.
// Memory: the chunk being filled and CACHED read chunks, whatever the number of states. In: a
// file path and the state size. The file is the caller's to remove (SpillArea).

import fs from 'node:fs';
import { CHUNK, chunkBytes, chunkViews, type Store } from '../store.js';

const SHIFT = Math.log2(CHUNK);
const MASK = CHUNK - 1;
const CACHED = 3; // read chunks kept: the one being expanded, and two for trace walks

interface Cached {
  index: number; // -1: free
  readonly buffer: ArrayBuffer;
  readonly views: ReturnType<typeof chunkViews>;
}

export class DiskStore implements Store {
  count = 0;
  tail: Int32Array;
  tailOff = 0;
  private readonly fd: number;
  private readonly tailBuffer: ArrayBuffer;
  private readonly tailViews: ReturnType<typeof chunkViews>;
  private readonly cache: Cached[];
  private readonly chunkBytes: number;
  private next = 0; // the cache entry to replace next (round robin)

  constructor(
    readonly words: number,
    file: string,
  ) {
    this.fd = fs.openSync(file, 'wx+', 0o600);
    this.chunkBytes = chunkBytes(words);
    this.tailBuffer = new ArrayBuffer(this.chunkBytes);
    this.tailViews = chunkViews(this.tailBuffer, words);
    this.tail = this.tailViews.states;
    this.cache = Array.from({ length: CACHED }, () => {
      const buffer = new ArrayBuffer(this.chunkBytes);
      return { index: -1, buffer, views: chunkViews(buffer, words) };
    });
  }

  commit(parent: number, step: number): number {
    const i = this.count;
    const k = i & MASK;
    this.tailViews.parents[k] = parent;
    this.tailViews.steps[k] = step;
    this.count = i + 1;
    if (k === MASK) {
      fs.writeSync(this.fd, new Uint8Array(this.tailBuffer), 0, this.chunkBytes, (i >>> SHIFT) * this.chunkBytes);
      this.tailOff = 0;
    } else {
      this.tailOff += this.words;
    }
    return i;
  }

  chunk(i: number): Int32Array {
    return this.views(i).states;
  }

  offset(i: number): number {
    return (i & MASK) * this.words;
  }

  parent(i: number): number {
    return this.views(i).parents[i & MASK]!;
  }

  step(i: number): number {
    return this.views(i).steps[i & MASK]!;
  }

  get bytes(): number {
    return (CACHED + 1) * this.chunkBytes;
  }

  // Bytes in the file.
  get spilled(): number {
    return (this.count >>> SHIFT) * this.chunkBytes;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private views(i: number): ReturnType<typeof chunkViews> {
    const c = i >>> SHIFT;
    if (c === this.count >>> SHIFT) return this.tailViews;
    for (const e of this.cache) if (e.index === c) return e.views;
    const e = this.cache[this.next]!;
    this.next = (this.next + 1) % CACHED;
    fs.readSync(this.fd, new Uint8Array(e.buffer), 0, this.chunkBytes, c * this.chunkBytes);
    e.index = c;
    return e.views;
  }
}
