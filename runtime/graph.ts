// The state graph, recorded by explore() when asked (ExploreOptions.graph): node i is the i-th
// state of the search's StateStore, and its out-edges (target node, step) are appended while it
// is expanded, so they form a CSR: node i's edges are [end(i - 1), end(i)). Recorded in chunked
// columns (growing never copies), then `freeze()`d into flat typed arrays for the analyses,
// whose loops run many times over every edge. No per-state object. A Labeler (liveness) may
// attach bits to each node as it is stored and as its steps turn out to be enabled. Consumers:
// runtime/liveness and `klpc diff`.
//
// What is recorded, exactly: a transition to a different state is an edge and makes its step
// enabled in the source; a transition back to the same state is a stutter (TLA+'s <<A>>_vars
// excludes it), neither an edge nor enabled. A successor the bounds did not let the search keep
// leaves no edge and marks its source `truncated`; nodes from `expanded` on were never (fully)
// expanded, so their edges and enabled bits are unknown.

import { int32Column, uint16Column, uint8Column, type Column } from './column.js';
import type { StateStore } from './store.js';

export interface Labeler {
  // A new node, its state unpacked in `s`.
  label(node: number, s: Int32Array): void;
  // `step` from `node` leads to another state (possibly one the search did not keep).
  enabled(node: number, step: number): void;
}

// The recorded graph restricted to its expanded nodes 0..n-1: node v's edges are
// [offsets[v], offsets[v + 1]), every target < n (an edge to a stored node that was never
// expanded is left out, like one to a state the search refused, and marks its source).
export interface FlatGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly steps: Uint16Array;
  readonly truncated: Uint8Array; // 1: some successor of the node has no edge here
  readonly store: StateStore; // the nodes' states, BFS parents and steps
}

export class GraphRecorder {
  labeler: Labeler | undefined;
  readonly targets = int32Column();
  readonly steps = uint16Column();
  readonly ends = int32Column(); // per expanded node: the end of its edges
  private readonly truncated = uint8Column(); // per expanded node: 1 when a successor was refused
  private refused = false;
  private store: StateStore | undefined;
  private frozen: FlatGraph | undefined;

  // Called by explore() before the first state.
  start(store: StateStore): void {
    this.store = store;
  }

  get nodes(): StateStore {
    if (this.store === undefined) throw new Error('internal: the graph was never recorded');
    return this.store;
  }

  // Nodes [0, expanded) have all their out-edges and enabled steps recorded.
  get expanded(): number {
    return this.ends.length;
  }

  edgeStart(node: number): number {
    return node === 0 ? 0 : this.ends.get(node - 1);
  }

  edgeEnd(node: number): number {
    return this.ends.get(node);
  }

  // Expanded and every successor kept: the node's out-edges are all its transitions.
  complete(node: number): boolean {
    return node < this.expanded && this.truncated.get(node) === 0;
  }

  // A node the search stored (parent: the node expanded, -1 for an initial state).
  added(node: number, parent: number, step: number, s: Int32Array): void {
    this.labeler?.label(node, s);
    if (parent >= 0) this.edge(parent, node, step);
  }

  // A transition from `source` (-1 during initialisation) to node `target`, -1 when refused.
  edge(source: number, target: number, step: number): void {
    if (source < 0 || target === source) return;
    this.labeler?.enabled(source, step);
    if (target < 0) {
      this.refused = true;
      return;
    }
    this.targets.push(target);
    this.steps.push(step);
  }

  // Every successor of `node` has been emitted.
  closeNode(node: number): void {
    if (node !== this.ends.length) throw new Error(`internal: node ${node} expanded out of order`);
    this.ends.push(this.targets.length);
    this.truncated.push(this.refused ? 1 : 0);
    this.refused = false;
  }

  get bytes(): number {
    return this.targets.bytes + this.steps.bytes + this.ends.bytes + this.truncated.bytes;
  }

  // The graph in flat arrays, once the search is over (the chunks are released as they are
  // copied; later calls return the same graph).
  freeze(): FlatGraph {
    if (this.frozen !== undefined) return this.frozen;
    const n = this.expanded;
    const ends = new Int32Array(n);
    for (let v = 0; v < n; v++) ends[v] = this.ends.get(v);
    const m = n === 0 ? 0 : ends[n - 1]!;
    const targets = drain(this.targets, new Int32Array(m));
    const steps = drain(this.steps, new Uint16Array(m));
    const truncated = drain(this.truncated, new Uint8Array(n));
    // compact away the edges to unexpanded nodes (only a bounded search has them)
    const offsets = new Int32Array(n + 1);
    let kept = 0;
    for (let v = 0, e = 0; v < n; v++) {
      for (const end = ends[v]!; e < end; e++) {
        const t = targets[e]!;
        if (t >= n) {
          truncated[v] = 1;
          continue;
        }
        targets[kept] = t;
        steps[kept++] = steps[e]!;
      }
      offsets[v + 1] = kept;
    }
    this.frozen = { n, offsets, targets: targets.subarray(0, kept), steps: steps.subarray(0, kept), truncated, store: this.nodes };
    return this.frozen;
  }
}

// Moves the first dst.length entries of a column into dst, dropping each chunk once copied so
// that the copy never needs much more than the memory of the column itself.
function drain<T extends Int32Array | Uint16Array | Uint8Array>(col: Column<T>, dst: T): T {
  for (let at = 0; at < dst.length; ) {
    const chunk = col.chunks.shift()!;
    const take = Math.min(chunk.length, dst.length - at);
    dst.set(chunk.subarray(0, take) as never, at);
    at += take;
  }
  col.chunks.length = 0;
  col.length = 0;
  return dst;
}
