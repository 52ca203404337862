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

import type { LabelledGraph } from './order.js';
import { Tarjan } from './scc.js';

// Scratch arrays for one analysis, reused by every check.
export class FairScratch {
  readonly tarjan: Tarjan;
  readonly fair: Int32Array; // fair component id, -1: on no fair accepting cycle
  readonly nodes: Int32Array; // where the first decomposition starts
  constructor(lg: LabelledGraph) {
    this.tarjan = new Tarjan(lg, lg.plan.stepUnits, lg.plan.unitWords);
    this.fair = new Int32Array(lg.count);
    this.nodes = new Int32Array(lg.count);
  }

  // Tarjan's index: the caller marks the first set's nodes -1, every other node (among them all
  // the unexpanded ones, which have no edges) -2.
  get index(): Int32Array {
    return this.tarjan.index;
  }
}

// Fills x.fair (-1 or a component id) for every node, looking in the part of the set (see
// FairScratch.index) reachable from nodes[0..count). accept: -1 when every node accepts, else the label bit that must be
// clear. Returns the number of fair components.
export function fairComponents(lg: LabelledGraph, x: FairScratch, count: number, accept: number): number {
  const { labels, plan } = lg;
  const { fair, tarjan } = x;
  const inside = tarjan.taken;
  const words = plan.words;
  const uw = plan.unitWords;
  const weak = new Int32Array(uw);
  const strong = new Int32Array(uw);
  plan.unitStrong.forEach((s, u) => {
    (s ? strong : weak)[u >>> 5]! |= 1 << (u & 31);
  });
  const all = new Int32Array(uw);
  const taken = new Int32Array(uw);
  const acceptWord = accept >>> 5;
  const acceptMask = 1 << (accept & 31);
  let fairCount = 0;
  const work: Int32Array[] = [];
  fair.fill(-1);
  tarjan.reset();
  const accepts = (v: number): boolean => accept < 0 || (labels[v * words + acceptWord]! & acceptMask) === 0;
  const badIn = (v: number): boolean => {
    for (let w = 0; w < uw; w++) if ((labels[v * words + w]! & strong[w]! & ~taken[w]!) !== 0) return true;
    return false;
  };
  const visit = (stack: Int32Array, from: number, to: number): void => {
    if (to - from === 1) {
      // no step inside (a step back to the same state is a stutter): fair iff nothing fair is enabled
      const v = stack[from]!;
      let enabled = 0;
      for (let w = 0; w < uw; w++) enabled |= labels[v * words + w]! & (weak[w]! | strong[w]!);
      if (enabled === 0 && accepts(v)) fair[v] = fairCount++;
      return;
    }
    all.fill(-1);
    taken.fill(0);
    let accepting = false;
    for (let i = from; i < to; i++) {
      const v = stack[i]!;
      for (let w = 0; w < uw; w++) all[w]! &= labels[v * words + w]!;
      if (!accepting && accepts(v)) accepting = true;
    }
    if (!accepting) return;
    // which instances move inside (Tarjan collected it per node)
    for (let i = from; i < to; i++) {
      const at = stack[i]! * uw;
      for (let w = 0; w < uw; w++) taken[w]! |= inside[at + w]!;
    }
    for (let w = 0; w < uw; w++) if ((all[w]! & weak[w]! & ~taken[w]!) !== 0) return;
    let bad = 0;
    for (let i = from; i < to; i++) if (badIn(stack[i]!)) bad++;
    if (bad === 0) {
      const comp = fairCount++;
      for (let i = from; i < to; i++) fair[stack[i]!] = comp;
      return;
    }
    // the SCC without its bad nodes is decomposed again (a bad node keeps its FINISHED mark,
    // which the next runs read as "outside the set")
    if (bad === to - from) return;
    const rest = new Int32Array(to - from - bad);
    let k = 0;
    for (let i = from; i < to; i++) if (!badIn(stack[i]!)) rest[k++] = stack[i]!;
    work.push(rest);
  };
  tarjan.run(x.nodes, count, visit);
  while (work.length > 0) {
    const set = work.pop()!;
    tarjan.run(set, set.length, visit);
  }
  return fairCount;
}
