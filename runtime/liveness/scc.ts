// Tarjan's strongly connected components, iterative (state graphs have millions of nodes: a
// recursive walk would overflow the stack), on a subgraph of a LabelledGraph. One Int32 per node
// says everything a run needs, so each edge costs one random read: `index[v]` is -1 for a node
// of the set not visited yet, its DFS number while it is on the stack (a node is on Tarjan's
// stack exactly while visited and unfinished), FINISHED + its SCC id once its component is
// emitted, and anything else below 0 (or a FINISHED mark of an earlier run) for a node outside
// the set. Components are handed to the visitor as a range of the stack, before it is reused.
//
// On the way it also ORs, per node, a mask of the steps taken inside the node's component
// (`marks`: `words` words per step): an edge to a node on the stack stays inside the component,
// since that node reaches the current one (a tree edge is scanned again once its subtree is
// done, and counts if its child is still on the stack). `taken` holds node v's mask at
// v * words until the next run.

import type { LabelledGraph } from './order.js';

export const FINISHED = 1 << 30; // DFS numbers stay below it (a graph has fewer nodes)

// An object rather than a function: one visitor serves every run, so the walk's call site keeps
// one target (see fair.ts).
export interface SccVisitor {
  component(stack: Int32Array, from: number, to: number, id: number): void;
}

export class Tarjan {
  readonly index: Int32Array;
  readonly taken: Int32Array; // node v's mask at v * words
  private readonly low: Int32Array;
  private readonly stack: Int32Array;
  private readonly callNode: Int32Array;
  private readonly callEdge: Int32Array;
  private nextId = 0;

  constructor(
    private readonly g: LabelledGraph,
    private readonly marks: Int32Array, // per step: the mask its edges add
    private readonly words: number,
  ) {
    const n = g.count;
    this.index = new Int32Array(n);
    this.taken = new Int32Array(n * words);
    this.low = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.callNode = new Int32Array(n);
    this.callEdge = new Int32Array(n);
  }

  // SCC ids start again from 0 (a new decomposition: every FINISHED mark is stale).
  reset(): void {
    this.nextId = 0;
  }

  // The components of the set reachable from nodes[0..count) (which this run marks -1): every
  // node of the set must be -1, every other node outside [0, FINISHED + the next SCC id).
  run(nodes: Int32Array, count: number, visitor: SccVisitor): void {
    const { index, low, stack, callNode, callEdge, taken, marks, words } = this;
    const { offsets, targets, steps } = this.g;
    for (let k = 0; k < count; k++) index[nodes[k]!] = -1;
    let counter = 0;
    let sp = 0;
    for (let k = 0; k < count; k++) {
      const root = nodes[k]!;
      if (index[root] !== -1) continue;
      index[root] = low[root] = counter++;
      for (let x = 0; x < words; x++) taken[root * words + x] = 0;
      stack[sp++] = root;
      callNode[0] = root;
      callEdge[0] = offsets[root]!;
      let cp = 1;
      while (cp > 0) {
        const v = callNode[cp - 1]!;
        let e = callEdge[cp - 1]!;
        const end = offsets[v + 1]!;
        let lowV = low[v]!;
        let w = -1;
        while (e < end) {
          const t = targets[e]!;
          const it = index[t]!;
          if (it === -1) {
            w = t;
            break;
          }
          if (it >= 0 && it < FINISHED) {
            // on the stack: inside v's component (a step back to v itself is a stutter)
            if (it < lowV) lowV = it;
            if (t !== v) {
              const at = v * words;
              const from = steps[e]! * words;
              for (let x = 0; x < words; x++) taken[at + x]! |= marks[from + x]!;
            }
          }
          e++;
        }
        low[v] = lowV;
        if (w >= 0) {
          callEdge[cp - 1] = e;
          index[w] = low[w] = counter++;
          for (let x = 0; x < words; x++) taken[w * words + x] = 0;
          stack[sp++] = w;
          callNode[cp] = w;
          callEdge[cp] = offsets[w]!;
          cp++;
          continue;
        }
        cp--;
        if (lowV === index[v]) {
          const top = sp;
          const id = this.nextId++;
          do index[stack[--sp]!] = FINISHED + id;
          while (stack[sp] !== v);
          visitor.component(stack, sp, top, id);
        }
        if (cp > 0) {
          // back in the parent, which scans the tree edge again: inside if v is still on the stack
          const u = callNode[cp - 1]!;
          if (lowV < low[u]!) low[u] = lowV;
        }
      }
    }
  }
}
