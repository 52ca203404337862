// Tarjan's strongly connected components, iterative (state graphs have millions of nodes: a
// recursive walk would overflow the stack), on a subgraph of a LabelledGraph. One Int32 per node
// says everything a run needs, so each edge costs one random read: `index[v]` is -1 for a node
// of the set not visited yet, its DFS number while it is on the stack (a node is on Tarjan's
// stack exactly while visited and unfinished), FINISHED + its SCC id once its component is
// emitted, and anything else below 0 (or a FINISHED mark of an earlier run) for a node outside
// the set. Components are handed to the visitor as a range of the stack, before it is reused.
//
// On the way it also ORs a mask of the steps taken inside each component (`marks`: `words`
// words per step): an edge to a node on the stack stays inside the component, since that node
// reaches the current one. The mask is kept per frame of the walk, not per node: a node that
// finishes still on the stack is in its parent's component, so its frame's mask goes to its
// parent's (and the tree edge to it is scanned again there, counting as an edge inside), and
// the root of a component holds the mask of the whole component when it is emitted (`taken`).

import type { LabelledGraph } from './order.js';

export const FINISHED = 1 << 30; // DFS numbers stay below it (a graph has fewer nodes)

// An object rather than a function: one visitor serves every run, so the walk's call site keeps
// one target (see fair.ts).
export interface SccVisitor {
  component(stack: Int32Array, from: number, to: number, id: number): void;
}

export class Tarjan {
  readonly index: Int32Array;
  readonly taken: Int32Array; // the mask of the component being visited
  private readonly stack: Int32Array;
  private readonly callNode: Int32Array; // per frame below the top: its node,
  private readonly callEdge: Int32Array; // the edge it descended by,
  private readonly callLow: Int32Array; // its low link
  private readonly frames: Int32Array; // the mask of frame d at d * words
  private nextId = 0;
  private counter = 0; // the next DFS number

  constructor(
    private readonly g: LabelledGraph,
    private readonly marks: Int32Array, // per step: the mask its edges add
    private readonly words: number,
  ) {
    const n = g.count;
    this.index = new Int32Array(n);
    this.taken = new Int32Array(words);
    this.stack = new Int32Array(n);
    this.callNode = new Int32Array(n);
    this.callEdge = new Int32Array(n);
    this.callLow = new Int32Array(n);
    this.frames = new Int32Array(n * words);
  }

  // SCC ids start again from 0 (a new decomposition: every FINISHED mark is stale).
  reset(): void {
    this.nextId = 0;
  }

  // The components of the set reachable from nodes[0..count) (which this run marks -1): every
  // node of the set must be -1, every other node outside [0, FINISHED + the next SCC id).
  run(nodes: Int32Array, count: number, visitor: SccVisitor): void {
    const index = this.index;
    for (let k = 0; k < count; k++) index[nodes[k]!] = -1;
    this.counter = 0;
    for (let k = 0; k < count; k++) if (index[nodes[k]!] === -1) this.walk(nodes[k]!, visitor);
  }

  // One depth-first walk from `root`, which leaves Tarjan's stack empty. Its loop is the only
  // loop of the function (the masks are ORed by helpers): V8 compiles a loop running in a long
  // call on its own (OSR), one compile per loop it is running in, and each inner loop cost the
  // first walk one more compile and a while in slower code before it.
  private walk(root: number, visitor: SccVisitor): void {
    const { index, stack, callNode, callEdge, callLow, frames, marks, words } = this;
    const { offsets, targets, steps } = this.g;
    let counter = this.counter;
    let sp = 0;
    // the top frame lives in locals: node v, its next edge e, its low link
    let v = root;
    let e = offsets[v]!;
    let end = offsets[v + 1]!;
    let lowV = counter;
    let cp = 0; // frames below the top
    index[v] = counter++;
    clear(frames, 0, words);
    stack[sp++] = v;
    for (;;) {
      if (e < end) {
        const t = targets[e]!;
        const it = index[t]!;
        if (it === -1) {
          callNode[cp] = v;
          callEdge[cp] = e;
          callLow[cp] = lowV;
          cp++;
          v = t;
          e = offsets[t]!;
          end = offsets[t + 1]!;
          lowV = counter;
          index[t] = counter++;
          clear(frames, cp * words, words);
          stack[sp++] = t;
          continue;
        }
        if (it >= 0 && it < FINISHED) {
          // on the stack: inside v's component (a step back to v itself is a stutter)
          if (it < lowV) lowV = it;
          if (t !== v) orInto(frames, cp * words, marks, steps[e]! * words, words);
        }
        e++;
        continue;
      }
      const top = cp * words;
      if (lowV === index[v]) sp = this.emit(v, sp, top, visitor);
      if (cp === 0) break;
      // back in the parent, which scans the tree edge to `child` again
      const child = v;
      const childLow = lowV;
      cp--;
      v = callNode[cp]!;
      e = callEdge[cp]!;
      end = offsets[v + 1]!;
      lowV = Math.min(callLow[cp]!, childLow);
      if (index[child]! < FINISHED) orInto(frames, cp * words, frames, top, words);
    }
    this.counter = counter;
  }

  // Hands the visitor the component rooted at v (the top of the stack down to v, whose frame's
  // mask is at frames[top]) and marks it finished; returns where it started on the stack. Out of
  // the walk's loop: its first components come only after a long first descent, and each path
  // the loop meets late throws its compiled code away.
  private emit(v: number, sp: number, top: number, visitor: SccVisitor): number {
    const { index, stack, frames, taken, words } = this;
    const to = sp;
    const id = this.nextId++;
    do index[stack[--sp]!] = FINISHED + id;
    while (stack[sp] !== v);
    copy(taken, 0, frames, top, words);
    visitor.component(stack, sp, to, id);
    return sp;
  }
}

function clear(a: Int32Array, at: number, words: number): void {
  for (let x = 0; x < words; x++) a[at + x] = 0;
}

function copy(a: Int32Array, at: number, b: Int32Array, from: number, words: number): void {
  for (let x = 0; x < words; x++) a[at + x] = b[from + x]!;
}

// a[at..at + words) |= b[from..from + words)
function orInto(a: Int32Array, at: number, b: Int32Array, from: number, words: number): void {
  for (let x = 0; x < words; x++) a[at + x]! |= b[from + x]!;
}
