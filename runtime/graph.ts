// The state graph, recorded by explore() when asked (ExploreOptions.graph): node i is the i-th
// state of the search's StateStore, and its out-edges (target node, step) are appended while it
// is expanded, so they form a CSR: node i's edges are [end(i - 1), end(i)). Recorded in chunked
// columns (growing never copies), then `freeze()`d into flat typed arrays for the analyses,
// whose loops run many times over every edge. No per-state object. Consumers: the temporal
// properties (runtime/liveness, through a Labeler that attaches bits to each node), `klpc diff`
// and `klpc check --dot`.
//
// What is recorded, exactly: every transition is an edge, a step back to the same state too
// (diff compares such steps, dot draws them); a transition to another state also makes its step
// enabled in the source (a step back to the same state is a stutter: TLA+'s <<A>>_vars excludes
// it). A successor the bounds did not let the search keep leaves no edge and marks its source
// `truncated`; failing steps are listed apart. Nodes from `expanded` on were never (fully)
// expanded, so their edges and enabled bits are unknown. With a node limit, recording stops
// when a node beyond it is stored (`overflow`); the search itself goes on.

import { int32Column, uint16Column, uint8Column, type Column } from './column.js';
import type { StateStore } from './store.js';

export interface Labeler {
  // A new node, its state unpacked in `s`.
  label(node: number, s: Int32Array): void;
  // `step` from `node` leads to another state (possibly one the search did not keep).
  enabled(node: number, step: number): void;
}

// The recorded graph: nodes 0..count-1 are the stored states, of which 0..n-1 were expanded;
// node v < n has the edges [offsets[v], offsets[v + 1]), to any node (expanded or not).
export interface FlatGraph {
  readonly count: number;
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly steps: Uint16Array;
  readonly truncated: Uint8Array; // per expanded node: 1 when a refused successor has no edge
  readonly initialTruncated: boolean; // an initial state was refused: not every one is a node
  readonly failures: Int32Array; // failing steps: triples (node, step, site)
  readonly store: StateStore; // the nodes' states, BFS parents and steps
}

export class GraphRecorder {
  labeler: Labeler | undefined;
  overflow = false; // the node limit was reached: recording stopped
  private readonly targets = int32Column();
  private readonly steps = uint16Column();
  private readonly ends = int32Column(); // per expanded node: the end of its edges
  private readonly truncated = uint8Column();
  private readonly failures = int32Column();
  private refused = false;
  private initialRefused = false;
  private store: StateStore | undefined;
  private frozen: FlatGraph | undefined;

  constructor(private readonly limit = Infinity) {}

  // Called by explore() before the first state.
  start(store: StateStore): void {
    this.store = store;
  }

  // A node the search stored (parent: the node expanded, -1 for an initial state).
  added(node: number, parent: number, step: number, s: Int32Array): void {
    if (node >= this.limit) this.overflow = true;
    if (this.overflow) return;
    this.labeler?.label(node, s);
    if (parent >= 0) this.edge(parent, node, step);
  }

  // A transition from `source` (-1 during initialisation) to node `target`, -1 when refused.
  edge(source: number, target: number, step: number): void {
    if (source < 0 && target < 0) this.initialRefused = true;
    if (source < 0 || this.overflow) return;
    if (target !== source) this.labeler?.enabled(source, step);
    if (target < 0) {
      this.refused = true;
      return;
    }
    this.targets.push(target);
    this.steps.push(step);
  }

  // `step` fails from `source` at failure site `site`.
  failed(source: number, step: number, site: number): void {
    if (source < 0 || this.overflow) return;
    this.failures.push(source);
    this.failures.push(step);
    this.failures.push(site);
  }

  // Every successor of `node` has been emitted.
  closeNode(node: number): void {
    if (this.overflow) return;
    if (node !== this.ends.length) throw new Error(`internal: node ${node} expanded out of order`);
    this.ends.push(this.targets.length);
    this.truncated.push(this.refused ? 1 : 0);
    this.refused = false;
  }

  get bytes(): number {
    return this.targets.bytes + this.steps.bytes + this.ends.bytes + this.truncated.bytes + this.failures.bytes;
  }

  // The graph in flat arrays, once the search is over (the chunks are released as they are
  // copied; later calls return the same graph).
  freeze(): FlatGraph {
    if (this.frozen !== undefined) return this.frozen;
    if (this.store === undefined) throw new Error('internal: the graph was never recorded');
    const n = this.ends.length;
    const offsets = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) offsets[v + 1] = this.ends.get(v);
    const m = offsets[n]!;
    this.frozen = {
      count: this.overflow ? Math.min(this.store.count, this.limit) : this.store.count,
      n,
      offsets,
      targets: drain(this.targets, new Int32Array(m)),
      steps: drain(this.steps, new Uint16Array(m)),
      truncated: drain(this.truncated, new Uint8Array(n)),
      initialTruncated: this.initialRefused || this.overflow,
      failures: drain(this.failures, new Int32Array(this.failures.length)),
      store: this.store,
    };
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
