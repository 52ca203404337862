// The stores of a parallel search: runtime/store.ts's, with chunks in SharedArrayBuffers so that
// every thread can read them. Each worker appends to its own; the next level's workers expand
// its states, and the coordinator rebuilds traces from their parents, once a level boundary
// has published its new chunks.
//
// A global state id is local index * workers + worker: unique without coordination; the parent
// of a state found in level d lies in level d - 1 of some worker's store.

import { StateStore } from '../store.js';

export function globalId(local: number, worker: number, workers: number): number {
  return local * workers + worker;
}

// A new store, or (with `buffers`) one another thread started with `count` states.
export function sharedStore(words: number, buffers: readonly ArrayBufferLike[] = [], count = 0): StateStore {
  return new StateStore(words, (bytes) => new SharedArrayBuffer(bytes), buffers, count);
}

// Makes chunks another thread published readable through views[w], created at its first chunk.
export function publish(views: (StateStore | undefined)[], w: number, words: number, buffers: readonly ArrayBufferLike[]): void {
  if (buffers.length === 0) return;
  const view = views[w];
  if (view === undefined) {
    views[w] = new StateStore(words, () => {
      throw new Error("internal: a view of another thread's store does not grow");
    }, buffers);
  } else {
    for (const b of buffers) view.addChunk(b);
  }
}
