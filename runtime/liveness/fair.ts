// Fair accepting components: within a set of nodes, the maximal strongly connected subsets that
// contain a fair cycle through an accepting node (every node accepts, or those where one
// predicate bit is clear). A behaviour that stays in such a subset forever, taking every edge
// in it, is fair; no fair behaviour avoids all of them. Emerson-Lei with the Streett refinement:
//
// - an SCC where some weak unit is enabled at every node while its instance has no edge inside
//   is dropped: no cycle within it can be fair (fewer nodes, fewer edges only make it worse);
// - so is an SCC without an accepting node;
// - nodes where a strong unit is enabled whose instance has no edge inside cannot be on a fair
//   cycle of the SCC: they are removed and the components of the rest are computed again.
//
// Every node has an implicit stutter loop (a behaviour may stay anywhere forever), so a single
// node with no edge is a component too: fair exactly when no fair unit is enabled there.
//
// One object for every check of an analysis, its per-check state in fields: closures made per
// check would hand Tarjan's walk a new callee each time, and V8 throws away the walk's optimised
// code whenever its callee changes.

import type { LabelledGraph } from './order.js';
import { Tarjan, type SccVisitor } from './scc.js';

export class FairComponents implements SccVisitor {
  readonly fair: Int32Array; // fair component id, -1: on no fair accepting cycle
  readonly nodes: Int32Array; // where the first decomposition starts
  private readonly tarjan: Tarjan;
  private readonly labels: Int32Array;
  private readonly words: number;
  private readonly uw: number;
  private readonly weak: Int32Array;
  private readonly strong: Int32Array;
  private readonly all: Int32Array; // units enabled at every node of the SCC
  private readonly rest: Int32Array; // an SCC's nodes that are not bad
  private readonly work: Int32Array[] = []; // SCCs without their bad nodes, to decompose again
  private acceptWord = 0;
  private acceptMask = 0; // 0: every node accepts
  private count = 0;

  constructor(lg: LabelledGraph) {
    const { plan } = lg;
    this.tarjan = new Tarjan(lg, plan.stepUnits, plan.unitWords);
    this.fair = new Int32Array(lg.count);
    this.nodes = new Int32Array(lg.count);
    this.labels = lg.labels;
    this.words = plan.words;
    this.uw = plan.unitWords;
    this.weak = new Int32Array(this.uw);
    this.strong = new Int32Array(this.uw);
    plan.unitStrong.forEach((s, u) => {
      (s ? this.strong : this.weak)[u >>> 5]! |= 1 << (u & 31);
    });
    this.all = new Int32Array(this.uw);
    this.rest = new Int32Array(lg.count);
  }

  // Tarjan's index: the caller marks the first set's nodes -1, every other node (among them all
  // the unexpanded ones, which have no edges) -2.
  get index(): Int32Array {
    return this.tarjan.index;
  }

  // Fills `fair` (-1 or a component id) for every node, looking in the part of the set (see
  // `index`) reachable from nodes[0..count). accept: -1 when every node accepts, else the label
  // bit that must be clear. Returns the number of fair components.
  find(count: number, accept: number): number {
    this.acceptWord = accept < 0 ? 0 : accept >>> 5;
    this.acceptMask = accept < 0 ? 0 : 1 << (accept & 31);
    this.count = 0;
    this.fair.fill(-1);
    this.tarjan.reset();
    this.tarjan.run(this.nodes, count, this);
    while (this.work.length > 0) {
      const set = this.work.pop()!;
      this.tarjan.run(set, set.length, this);
    }
    return this.count;
  }

  component(stack: Int32Array, from: number, to: number): void {
    const { labels, words, uw, weak, strong, all, fair } = this;
    const taken = this.tarjan.taken; // which instances move inside
    if (to - from === 1) {
      // no step inside (a step back to the same state is a stutter): fair iff nothing fair is enabled
      const v = stack[from]!;
      let enabled = 0;
      for (let w = 0; w < uw; w++) enabled |= labels[v * words + w]! & (weak[w]! | strong[w]!);
      if (enabled === 0 && this.accepts(v)) fair[v] = this.count++;
      return;
    }
    all.fill(-1);
    let accepting = false;
    for (let i = from; i < to; i++) {
      const v = stack[i]!;
      for (let w = 0; w < uw; w++) all[w]! &= labels[v * words + w]!;
      if (!accepting && this.accepts(v)) accepting = true;
    }
    if (!accepting) return;
    for (let w = 0; w < uw; w++) if ((all[w]! & weak[w]! & ~taken[w]!) !== 0) return;
    // the SCC without its bad nodes, gathered at the end of `rest`
    const rest = this.rest;
    let k = rest.length;
    for (let i = to - 1; i >= from; i--) if (!this.bad(stack[i]!, taken)) rest[--k] = stack[i]!;
    if (k === rest.length - (to - from)) {
      const comp = this.count++;
      for (let i = from; i < to; i++) fair[stack[i]!] = comp;
      return;
    }
    // decomposed again (a bad node keeps its FINISHED mark, which the next runs read as
    // "outside the set")
    if (k < rest.length) this.work.push(rest.slice(k));
  }

  private accepts(v: number): boolean {
    return (this.labels[v * this.words + this.acceptWord]! & this.acceptMask) === 0;
  }

  // A strong unit is enabled at v whose instance does not move inside v's SCC.
  private bad(v: number, taken: Int32Array): boolean {
    const { labels, words, uw, strong } = this;
    for (let w = 0; w < uw; w++) if ((labels[v * words + w]! & strong[w]! & ~taken[w]!) !== 0) return true;
    return false;
  }
}
