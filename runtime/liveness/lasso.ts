// The counterexample of a violated check, as a lasso of graph nodes: a shortest prefix from an
// initial state to a node on a fair accepting cycle, then a short cycle back to it that meets
// every fairness obligation of its component. The prefix is a breadth-first search over the
// product of the graph with the negated property's automaton: phase 0 (still waiting for the
// trigger: a P-and-not-Q state for `P leadsto Q`, a not-P state for `always eventually P`), then
// phase 1, which must stay in the region (not Q, not P). The cycle is greedy: from the node,
// the nearest unmet obligation (a node where a weak unit is disabled, an edge of an instance
// that must move, an accepting node) is reached by BFS inside the component, until none is
// left, then the way back.

import type { LabelledGraph } from './order.js';
import { hasBit } from './plan.js';

export interface Lasso {
  readonly nodes: readonly number[]; // nodes[0] initial; the cycle starts at nodes[loop]
  readonly edges: readonly number[]; // edges[i] leads from nodes[i] to nodes[i + 1]
  // the last node is nodes[loop] again, or (no cycle edge: loop === edges.length) it repeats
  readonly loop: number;
  readonly trigger: number; // index in nodes where phase 1 begins
}

export interface Region {
  readonly bit: number; // phase 1 stays where this label bit is clear; -1: anywhere
  // where phase 0 may move to phase 1: region nodes with this bit set; -1 any region node;
  // -2: there is no phase 0 (the behaviour is in the region from its initial state)
  readonly trigger: number;
}

interface Path {
  readonly nodes: number[];
  readonly edges: number[];
}

export class LassoFinder {
  private readonly prev: Int32Array; // product state -> predecessor product state; -1 unseen
  private readonly queue: Int32Array;
  private readonly seen: Int32Array; // stamp of the last in-component BFS that reached the node
  private readonly viaEdge: Int32Array; // the edge by which that BFS reached the node
  private readonly viaNode: Int32Array; // ... and the node it came from
  private stamp = 0;

  constructor(private readonly lg: LabelledGraph) {
    const n = lg.count;
    this.prev = new Int32Array(2 * n);
    this.queue = new Int32Array(2 * n);
    this.seen = new Int32Array(n);
    this.viaEdge = new Int32Array(n);
    this.viaNode = new Int32Array(n);
  }

  find(region: Region, fair: Int32Array, accept: number): Lasso | undefined {
    const prefix = this.prefix(region, fair);
    if (prefix === undefined) return undefined;
    const t = prefix.nodes[prefix.nodes.length - 1]!;
    const cycle = this.cycle(t, fair, accept);
    return {
      nodes: [...prefix.nodes, ...cycle.nodes],
      edges: [...prefix.edges, ...cycle.edges],
      loop: prefix.nodes.length - 1,
      trigger: this.earliestTrigger(prefix.nodes, prefix.trigger, region),
    };
  }

  // Of the prefixes of equal length, the search may have entered phase 1 late; a trigger
  // earlier on the same path, with only region states after it, tells the story sooner.
  private earliestTrigger(nodes: readonly number[], found: number, r: Region): number {
    let k = found;
    for (let j = found - 1; j >= 0 && this.inRegion(nodes[j]!, r); j--) {
      if (r.trigger === -1 || (r.trigger >= 0 && this.bit(nodes[j]!, r.trigger))) k = j;
    }
    return k;
  }

  private bit(v: number, bit: number): boolean {
    return hasBit(this.lg.labels, v * this.lg.plan.words, bit);
  }

  private inRegion(v: number, r: Region): boolean {
    return r.bit < 0 || !this.bit(v, r.bit);
  }

  private prefix(r: Region, fair: Int32Array): (Path & { trigger: number }) | undefined {
    const { prev, queue } = this;
    const { n, offsets, targets, initial } = this.lg;
    prev.fill(-1);
    let head = 0;
    let tail = 0;
    const add = (id: number, from: number): void => {
      if (prev[id] !== -1) return;
      prev[id] = from;
      queue[tail++] = id;
    };
    // from: the predecessor product state, -2 for an initial state
    const reach = (v: number, from: number): void => {
      const region = this.inRegion(v, r);
      if (r.trigger === -2 || (from >= 0 && (from & 1) === 1)) {
        if (region) add(2 * v + 1, from);
        return;
      }
      add(2 * v, from);
      if (region && (r.trigger === -1 || this.bit(v, r.trigger))) add(2 * v + 1, from);
    };
    for (const v of initial) if (v < n) reach(v, -2);
    while (head < tail) {
      const id = queue[head++]!;
      const v = id >>> 1;
      if ((id & 1) === 1 && fair[v]! >= 0) return this.unwind(id);
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!;
        if (w < n) reach(w, id); // an unexpanded node is on no cycle
      }
    }
    return undefined;
  }

  private unwind(last: number): Path & { trigger: number } {
    const ids: number[] = [];
    for (let id = last; id !== -2; id = this.prev[id]!) ids.push(id);
    ids.reverse();
    const nodes = ids.map((id) => id >>> 1);
    const edges = nodes.slice(1).map((w, i) => this.edgeBetween(nodes[i]!, w));
    return { nodes, edges, trigger: ids.findIndex((id) => (id & 1) === 1) };
  }

  private edgeBetween(v: number, w: number): number {
    const { offsets, targets } = this.lg;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) if (targets[e] === w) return e;
    throw new Error(`internal: no edge ${v} -> ${w}`);
  }

  // A cycle from t back to t inside t's fair component, meeting its obligations: every unit
  // enabled somewhere in it needs its instance to move, except that a weak unit not enabled
  // everywhere is also met by a node where it is disabled; and an accepting node, if t is not.
  private cycle(t: number, fair: Int32Array, accept: number): Path {
    const { plan, n, steps } = this.lg;
    const comp = fair[t]!;
    const units = plan.unitStrong.length;
    const anyEn = new Array<boolean>(units).fill(false);
    const allEn = new Array<boolean>(units).fill(true);
    for (let v = 0; v < n; v++) {
      if (fair[v] !== comp) continue;
      for (let u = 0; u < units; u++) {
        const on = this.bit(v, u);
        anyEn[u] ||= on;
        allEn[u] &&= on;
      }
    }
    const pending = anyEn.slice();
    const byDisabled = (u: number) => !plan.unitStrong[u] && !allEn[u];
    let needAccept = accept >= 0 && this.bit(t, accept);
    const meetsNode = (v: number): boolean =>
      (needAccept && !this.bit(v, accept)) || pending.some((p, u) => p && byDisabled(u) && !this.bit(v, u));
    const meetsEdge = (e: number): boolean => {
      const inst = plan.stepInstance[steps[e]!]!;
      return pending.some((p, u) => p && plan.unitInstance[u] === inst);
    };
    const meet = (e: number, v: number): void => {
      const inst = plan.stepInstance[steps[e]!]!;
      for (let u = 0; u < units; u++) {
        if (plan.unitInstance[u] === inst || (byDisabled(u) && !this.bit(v, u))) pending[u] = false;
      }
      if (needAccept && !this.bit(v, accept)) needAccept = false;
    };
    for (let u = 0; u < units; u++) if (byDisabled(u) && !this.bit(t, u)) pending[u] = false;
    const nodes: number[] = [];
    const edges: number[] = [];
    let cur = t;
    while (needAccept || pending.some((p) => p)) {
      const path = this.nearest(cur, comp, fair, (e, w) => meetsEdge(e) || meetsNode(w));
      path.edges.forEach((e, i) => meet(e, path.nodes[i]!));
      nodes.push(...path.nodes);
      edges.push(...path.edges);
      cur = path.nodes[path.nodes.length - 1]!;
    }
    if (cur !== t) {
      const back = this.nearest(cur, comp, fair, (_, w) => w === t);
      nodes.push(...back.nodes);
      edges.push(...back.edges);
    }
    return { nodes, edges };
  }

  // BFS inside the component from `from` to the first edge (and its target) `goal` accepts;
  // the path's nodes exclude `from`.
  private nearest(from: number, comp: number, fair: Int32Array, goal: (edge: number, node: number) => boolean): Path {
    const { queue, seen, viaEdge, viaNode } = this;
    const { offsets, targets } = this.lg;
    const stamp = ++this.stamp;
    seen[from] = stamp;
    let head = 0;
    let tail = 0;
    queue[tail++] = from;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const w = targets[e]!;
        if (w === v || fair[w] !== comp) continue; // a step back to v is a stutter: no progress
        if (goal(e, w)) return this.path(from, v, e, w);
        if (seen[w] === stamp) continue;
        seen[w] = stamp;
        viaEdge[w] = e;
        viaNode[w] = v;
        queue[tail++] = w;
      }
    }
    throw new Error('internal: a fair component is not strongly connected');
  }

  private path(from: number, v: number, e: number, w: number): Path {
    const nodes = [w];
    const edges = [e];
    for (let x = v; x !== from; x = this.viaNode[x]!) {
      nodes.push(x);
      edges.push(this.viaEdge[x]!);
    }
    nodes.reverse();
    edges.reverse();
    return { nodes, edges };
  }
}
