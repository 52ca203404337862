// The graph the liveness analysis runs on: the recorded graph with its expanded nodes renumbered
// in depth-first order, with their labels. Every check walks the graph depth-first (Tarjan),
// and with breadth-first numbers (the search's) each step of that walk lands far from the
// last in memory; in depth-first order it mostly lands nearby, which halves a walk's time on
// graphs of millions of states. One walk and one copy pay for it, once for all the checks.
// Node v here is state stored[v] of the search's StateStore; unexpanded nodes keep their number.

import type { FlatGraph } from '../graph.js';
import type { LivenessPlan } from './plan.js';

export interface LabelledGraph {
  readonly n: number; // expanded nodes: 0..n-1, with edges
  readonly count: number; // all stored nodes
  readonly offsets: Int32Array; // node v's edges are [offsets[v], offsets[v + 1])
  readonly targets: Int32Array;
  readonly steps: Uint16Array;
  readonly labels: Int32Array; // plan.words words per node (unit bits, then predicate bits)
  readonly plan: LivenessPlan;
  readonly stored: Int32Array; // node -> StateStore index
  readonly initial: Int32Array; // the nodes of the initial states
}

// `labels`: the search's labels, by StateStore index.
export function laidOut(g: FlatGraph, labels: Int32Array, plan: LivenessPlan): LabelledGraph {
  const { n, count } = g;
  const order = preorder(g); // StateStore index -> node
  const stored = new Int32Array(count);
  for (let v = 0; v < count; v++) stored[v < n ? order[v]! : v] = v;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(g.targets.length);
  const steps = new Uint16Array(g.steps.length);
  const words = plan.words;
  const relabelled = new Int32Array(labels.length);
  let e = 0;
  for (let v = 0; v < n; v++) {
    const old = stored[v]!;
    for (let f = g.offsets[old]!, end = g.offsets[old + 1]!; f < end; f++, e++) {
      const t = g.targets[f]!;
      targets[e] = t < n ? order[t]! : t;
      steps[e] = g.steps[f]!;
    }
    offsets[v + 1] = e;
    // a loop, not subarray(): a view per node is an allocation per node
    for (let x = 0; x < words; x++) relabelled[v * words + x] = labels[old * words + x]!;
  }
  relabelled.set(labels.subarray(n * words), n * words);
  const initial: number[] = [];
  for (let s = 0; s < count && g.store.parent(s) < 0; s++) initial.push(s < n ? order[s]! : s);
  return { n, count, offsets, targets, steps, labels: relabelled, plan, stored, initial: Int32Array.from(initial) };
}

// Depth-first preorder numbers of the expanded nodes, from the initial states first.
function preorder(g: FlatGraph): Int32Array {
  const { n, offsets, targets } = g;
  const order = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const at = new Int32Array(n); // the next edge to look at
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = next++;
    stack[0] = root;
    at[0] = offsets[root]!;
    for (let sp = 1; sp > 0; ) {
      const v = stack[sp - 1]!;
      let e = at[sp - 1]!;
      const end = offsets[v + 1]!;
      while (e < end && (targets[e]! >= n || order[targets[e]!] !== -1)) e++;
      if (e === end) {
        sp--;
        continue;
      }
      const w = targets[e]!;
      at[sp - 1] = e + 1;
      order[w] = next++;
      stack[sp] = w;
      at[sp] = offsets[w]!;
      sp++;
    }
  }
  return order;
}
